import { expect, test } from '../fixtures';
import { expectFlowError, expectMachineState, nextByKey, openFlow } from './explorer';

test('a callback with a forged state is stopped on /callback with a CSRF warning', async ({
	page
}) => {
	await openFlow(page, 'authorization-code-pkce');
	await nextByKey(page); // the authorize URL
	await nextByKey(page); // the consent step
	await nextByKey(page); // leaves for /authorize
	await expect(page).toHaveURL(/\/emulator\/accounts\/authorize/);
	// An attacker's link lands on the callback with a code and a state of their own.
	await page.goto('/callback?code=AQattackercode&state=forged-by-attacker');
	const warning = page.getByTestId('csrf-warning');
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('state=forged-by-attacker');
	await expect(page).toHaveURL(/\/callback$/); // the code left the address bar
	await warning.getByRole('link', { name: /Back to the/ }).click();
	await expectMachineState(page, 'stateMismatch');
	await expectFlowError(page, 'state-mismatch', 'state_mismatch');
	// Shown at the step where the callback is checked; the run ends there.
	await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 7');
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
});

test('a callback nobody waits for says so and shows what arrived', async ({ page }) => {
	await page.goto('/callback?error=access_denied&state=xyz');
	await expect(page.getByTestId('no-flow-waiting')).toBeVisible();
	await expect(page.getByRole('table', { name: 'What arrived' })).toContainText('access_denied');
});
