import { expect, test } from '../fixtures';
import {
	alwaysShowConsent,
	expectFlowError,
	expectMachineState,
	loginAndConsent,
	nextByKey,
	openFlow,
	pressByKeyboard
} from './explorer';

test('cancelling consent comes back as access_denied, with the state echoed', async ({ page }) => {
	await openFlow(page, 'authorization-code');
	await alwaysShowConsent(page);
	await nextByKey(page);
	await loginAndConsent(page, 'Cancel');
	await expectMachineState(page, 'userDenied');
	const card = await expectFlowError(page, 'access-denied', 'access_denied');
	await expect(card).toContainText('Cancel');
	await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText(
		'error=access_denied'
	);
	// Shown at the consent step, where it happened; the run ends there, and starting again is
	// a choice of its own.
	await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 6');
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await pressByKeyboard(page, 'Start a new authorization');
	await expectMachineState(page, 'requestAuthorization');
});
