import { expect, test } from '../fixtures';
import {
	expectFlowError,
	expectMachineState,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow,
	pressByKeyboard
} from './explorer';

test('expiring the access token gives the 401, and a refresh makes the call work again', async ({
	page
}) => {
	await openFlow(page, 'authorization-code');
	await nextByKey(page);
	await loginAndConsent(page);
	for (let i = 0; i < 4; i++) await nextByKey(page);
	await expectMachineState(page, 'callWebApi.done');

	await pressByKeyboard(page, 'Expire access token now');
	// The button stays where it was, so the keyboard focus does too.
	await expect(page.getByRole('button', { name: 'Expire access token now' })).toBeFocused();
	await expect(latestExchange(page)).toHaveAttribute('data-purpose', 'expire');
	await expectMachineState(page, 'callWebApi.ready');
	await nextByKey(page);
	await expectMachineState(page, 'accessTokenExpired');
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('401');
	// The demo app follows today's rules: one message for every missing, invalid or expired token.
	await expectFlowError(
		page,
		'expired-token',
		'invalid_token: Missing/invalid/expired access token'
	);

	await nextByKey(page); // Next step from the 401 prepares the refresh
	await expectMachineState(page, 'refreshToken.ready');
	await nextByKey(page);
	await expect(latestExchange(page)).toHaveAttribute('data-purpose', 'refresh');
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
	await pressByKeyboard(page, 'Call /v1/me');
	await expect(latestExchange(page)).toHaveAttribute('data-purpose', 'api');
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
});
