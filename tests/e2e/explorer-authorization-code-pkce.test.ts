import { expect, test } from '../fixtures';
import {
	expectMachineState,
	expectStep,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow
} from './explorer';

test('PKCE: verifier, authorize with a challenge, exchange with code_verifier and no secret', async ({
	page
}) => {
	await openFlow(page, 'authorization-code-pkce');
	await expectStep(page, 1, 7, 'Create a code verifier and challenge');
	await expectMachineState(page, 'createVerifier.ready');

	await nextByKey(page);
	await expectStep(page, 2, 7, 'Send the user to Spotify');
	const pending = page.getByTestId('pending');
	await expect(pending).toContainText('code_challenge_method');
	await expect(pending).toContainText('S256');

	await nextByKey(page);
	await loginAndConsent(page);
	await expectStep(page, 4, 7, 'Receive the callback');

	await nextByKey(page);
	await expectMachineState(page, 'exchangeCode.ready');
	await expect(pending).toContainText('code_verifier');
	await expect(pending).toContainText('client_id');
	await expect(pending).not.toContainText('Basic');

	await nextByKey(page);
	const token = latestExchange(page);
	await expect(token.getByTestId('status-line')).toContainText('200');
	await expect(token).toContainText('code_verifier');
	await expect(token).not.toContainText('Authorization');

	await nextByKey(page);
	await nextByKey(page);
	await expect(latestExchange(page)).toContainText('GET /emulator/api/v1/me');
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');

	await nextByKey(page);
	await nextByKey(page);
	const refresh = latestExchange(page);
	await expect(refresh).toHaveAttribute('data-purpose', 'refresh');
	await expect(refresh).toContainText('client_id');
	await expect(refresh.getByTestId('status-line')).toContainText('200');
});
