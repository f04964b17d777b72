import { expect, test } from '../fixtures';
import { expectMachineState, nextByKey, openFlow, pressByKeyboard, settledRun } from './explorer';

/** The explorer tells this run's story: live token panel, run-specific error cards, the attack. */

test('the token panel acts as soon as the token arrives, and says when the token is dead', async ({
	page
}) => {
	await openFlow(page, 'client-credentials');
	await nextByKey(page);
	await expectMachineState(page, 'requestToken.done');
	const panel = page.getByTestId('token-panel');
	await expect(panel.getByRole('button', { name: /^Call \/v1\/artists\// })).toHaveAttribute(
		'aria-disabled',
		'false'
	);
	await expect(panel).toContainText('(none: an app token acts for no user)');
	await pressByKeyboard(page, 'Expire access token now');
	await expect(panel.getByTestId('countdown')).toHaveText('expired');
	await expect(panel).toContainText('you pressed “Expire access token now”');
	await nextByKey(page);
	await expectMachineState(page, 'accessTokenExpired');
	const card = page.getByTestId('flow-error');
	await expect(card.getByTestId('in-this-run')).toContainText(
		'In this run: you pressed “Expire access token now”'
	);
	// Client credentials has no refresh token: the card gives no refresh advice.
	await expect(card).not.toContainText('Next step refreshes');
	await expect(card.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
	await expect(card).toContainText('client credentials has no refresh token');
	await expect(panel.getByTestId('countdown')).toHaveText('expired');
});

test('Forge the callback: refused with state, accepted with "No state"', async ({ page }) => {
	await openFlow(page, 'authorization-code');
	await nextByKey(page);
	await expectMachineState(page, 'userConsents');
	await expect(page.getByTestId('forge')).toContainText('so the app refuses it');
	await pressByKeyboard(page, 'Forge the callback');
	await expectMachineState(page, 'stateMismatch');
	await expect(page.getByTestId('in-this-run')).toContainText('a state this tab never made');

	await openFlow(page, 'authorization-code', '?break=omitState');
	await nextByKey(page);
	await expectMachineState(page, 'userConsents');
	await expect(page.getByTestId('forge')).toContainText('the app accepts it');
	await pressByKeyboard(page, 'Forge the callback');
	await expectMachineState(page, 'receiveCallback');
	await expect(page.getByTestId('step-values')).toContainText('a forged callback would pass');
});

test('after Cancel the diagram shows the Cancel, and the steps never reached fade', async ({
	page
}) => {
	await page.goto('/flows/authorization-code?step=user-consents&run=nc');
	await settledRun(page);
	await expectMachineState(page, 'userDenied');
	const diagram = page.getByTestId('sequence-diagram');
	await expect(diagram.locator('.arrow.failed').first()).toContainText('Log in, consent: Cancel');
	await expect(diagram.locator('.arrow.failed')).toContainText([
		'Log in, consent: Cancel',
		'302 to redirect_uri?error=access_denied'
	]);
	await expect(diagram.locator('.arrow.unsent').first()).toHaveAttribute(
		'data-step',
		'receive-callback'
	);
	await expect(page.getByTestId('in-this-run')).toContainText('you pressed Cancel');
});

test('the reveal choice is kept for the tab, across a reload', async ({ page }) => {
	await openFlow(page, 'authorization-code');
	const reveal = page.getByRole('checkbox', { name: 'Reveal secrets and tokens' });
	await reveal.check();
	await page.reload();
	await expect(reveal).toBeChecked();
});
