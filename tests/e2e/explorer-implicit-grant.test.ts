import { expect, test } from '../fixtures';
import { expectStep, latestExchange, loginAndConsent, nextByKey, openFlow } from './explorer';

test('implicit grant: the token arrives in the fragment from the legacy app, with the leak explained', async ({
	page
}) => {
	await openFlow(page, 'implicit-grant');
	await expect(page.getByTestId('implicit-warning')).toBeVisible();
	await expectStep(page, 1, 4, 'Send the user to Spotify');
	await expect(page.getByTestId('pending')).toContainText('token');

	await nextByKey(page);
	await loginAndConsent(page);
	await expectStep(page, 3, 4, /token/i);
	const redirect = page.getByRole('region', { name: 'The redirect back' });
	await expect(redirect).toContainText('#access_token=');
	await expect(redirect).toContainText('Why this leaked');

	await nextByKey(page);
	await nextByKey(page);
	const api = latestExchange(page);
	await expect(api).toContainText('GET /emulator/api/v1/me');
	await expect(api.getByTestId('status-line')).toContainText('200');
});

test("implicit grant: 'Try with today's rules' shows Spotify's answer since 2025-11-27", async ({
	page
}) => {
	await openFlow(page, 'implicit-grant');
	await page.getByRole('button', { name: "Try with today's rules" }).click();
	await expect(page.getByTestId('todays-answer')).toContainText('400');
	await expect(page.getByTestId('todays-answer')).toContainText('response_type must be code');
});
