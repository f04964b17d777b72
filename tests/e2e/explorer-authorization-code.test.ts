import { expect, test } from '../fixtures';
import {
	expectMachineState,
	expectStep,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow
} from './explorer';

test('authorization code: every step by keyboard, through the real login, consent and redirect', async ({
	page
}) => {
	await openFlow(page, 'authorization-code');
	await expectStep(page, 1, 6, 'Send the user to Spotify');
	const pending = page.getByTestId('pending');
	await expect(pending).toContainText('The authorize URL, as built');
	await expect(pending).toContainText('response_type');
	await expect(pending).toContainText('state');

	await nextByKey(page);
	// Step 2 is counted and shown before the browser leaves for the consent page.
	await expectStep(page, 2, 6, 'The user logs in and agrees');
	await expect(pending).toContainText('Next step sends your browser to');
	await loginAndConsent(page);

	await expectStep(page, 3, 6, 'Receive the callback');
	// Back from the emulator, the keyboard user is where they left: at "Next step".
	await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
	await expect(page.getByTestId('announcer')).toHaveText('Step 3 of 6: Receive the callback.');
	await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText('302');
	await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText('code');

	await nextByKey(page); // the token request is prepared
	await expectMachineState(page, 'exchangeCode.ready');
	await expect(pending).toContainText('POST');
	await expect(pending).toContainText('grant_type');
	await expect(pending).toContainText('authorization_code');
	await expect(pending).toContainText('Authorization');
	await expect(pending).toContainText('Basic');

	await nextByKey(page); // sent
	await expectMachineState(page, 'exchangeCode.done');
	const token = latestExchange(page);
	await expect(token).toHaveAttribute('data-purpose', 'token');
	await expect(token.getByTestId('status-line')).toContainText('200');
	await expect(token).toContainText('/emulator/accounts/api/token');
	await expect(page.getByTestId('token-panel')).toContainText('user-read-private');

	await nextByKey(page);
	await nextByKey(page);
	await expectMachineState(page, 'callWebApi.done');
	const api = latestExchange(page);
	await expect(api).toHaveAttribute('data-purpose', 'api');
	await expect(api).toContainText('GET /emulator/api/v1/me');
	await expect(api.getByTestId('status-line')).toContainText('200');
	await expect(page.getByTestId('announcer')).toContainText('answered 200');

	await nextByKey(page);
	await expectStep(page, 6, 6, 'Refresh the access token');
	await nextByKey(page);
	await expectMachineState(page, 'refreshToken.done');
	const refresh = latestExchange(page);
	await expect(refresh).toHaveAttribute('data-purpose', 'refresh');
	await expect(refresh).toContainText('refresh_token');
	await expect(refresh.getByTestId('status-line')).toContainText('200');
	// The flow ends: Next is disabled and the summary says what happened.
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await expect(page.getByTestId('flow-complete')).toContainText('3 requests sent');
});
