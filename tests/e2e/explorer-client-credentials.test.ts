import { expect, test } from '../fixtures';
import { expectMachineState, expectStep, latestExchange, nextByKey, openFlow } from './explorer';

test('client credentials: app token with Basic auth, then an artist from the Web API', async ({
	page
}) => {
	await openFlow(page, 'client-credentials');
	await expectStep(page, 1, 2, 'Request a token as the app');
	await expect(page.getByTestId('pending')).toContainText('client_credentials');
	await expect(page.getByTestId('pending')).toContainText('Basic');

	await nextByKey(page);
	await expectMachineState(page, 'requestToken.done');
	const token = latestExchange(page);
	await expect(token).toContainText('POST /emulator/accounts/api/token');
	await expect(token.getByTestId('status-line')).toContainText('200');
	await expect(page.getByTestId('token-panel')).toContainText('none: an app token');

	await nextByKey(page);
	await nextByKey(page);
	await expectStep(page, 2, 2, 'Call the Web API');
	const api = latestExchange(page);
	await expect(api).toContainText('GET /emulator/api/v1/artists/');
	await expect(api.getByTestId('status-line')).toContainText('200');
	await expect(api).toContainText('"type": "artist"');
});

test('focus stays on "Next step" while requests run and at the last step', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	const next = page.getByRole('button', { name: 'Next step' });
	await next.focus();
	for (const state of ['requestToken.done', 'callWebApi.ready', 'callWebApi.done']) {
		await page.keyboard.press('Enter');
		await expectMachineState(page, state);
		await expect(next).toBeFocused();
	}
	await expect(next).toHaveAttribute('aria-disabled', 'true');
	await expect(next).toBeFocused();
});
