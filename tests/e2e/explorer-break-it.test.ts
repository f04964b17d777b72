import { expect, test } from '../fixtures';
import {
	breakIt,
	expectFlowError,
	expectMachineState,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow
} from './explorer';

/** Steps an authorization-code-style flow up to the token answer. */
async function upToTokenAnswer(page: import('@playwright/test').Page, pkce: boolean) {
	if (pkce) await nextByKey(page); // verifier
	await nextByKey(page);
	await loginAndConsent(page);
	await nextByKey(page);
	await nextByKey(page);
}

test('Break it: a wrong verifier gets "code_verifier was incorrect"', async ({ page }) => {
	await openFlow(page, 'authorization-code-pkce');
	await breakIt(page, 'Wrong verifier');
	await upToTokenAnswer(page, true);
	await expectMachineState(page, 'tokenError');
	const card = await expectFlowError(page, 'token', 'invalid_grant: code_verifier was incorrect');
	await expect(card).toContainText('Fix:');
});

test('Break it: a challenge in standard base64 also gets "code_verifier was incorrect"', async ({
	page
}) => {
	await openFlow(page, 'authorization-code-pkce');
	await breakIt(page, 'Standard base64');
	await nextByKey(page);
	await expect(page.getByTestId('pending')).toContainText('=');
	await nextByKey(page);
	await loginAndConsent(page);
	await nextByKey(page);
	await nextByKey(page);
	await expectFlowError(page, 'token', 'invalid_grant: code_verifier was incorrect');
});

test('Break it: another redirect URI at the token step gets "Invalid redirect URI"', async ({
	page
}) => {
	await openFlow(page, 'authorization-code');
	await breakIt(page, 'Different redirect URI');
	await upToTokenAnswer(page, false);
	await expectFlowError(page, 'token', 'invalid_grant: Invalid redirect URI');
});

test('Break it: reusing the code gets "Invalid authorization code"', async ({ page }) => {
	await openFlow(page, 'authorization-code');
	await breakIt(page, 'Code reused');
	await upToTokenAnswer(page, false);
	await expectMachineState(page, 'exchangeCode.done');
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
	await page.getByRole('button', { name: 'Send the same code again' }).click();
	await expectMachineState(page, 'tokenError');
	await expectFlowError(page, 'token', 'invalid_grant: Invalid authorization code');
});

test('Break it: a JSON body gets "grant_type parameter is missing"', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	await breakIt(page, 'JSON body');
	await expect(page.getByTestId('pending')).toContainText('application/json');
	await nextByKey(page);
	await expectFlowError(page, 'token', 'unsupported_grant_type: grant_type parameter is missing');
});

test('Break it: no state leaves the authorize URL without one, and nothing checks it', async ({
	page
}) => {
	await openFlow(page, 'authorization-code');
	await breakIt(page, 'No state');
	const url = await page.getByTestId('pending').locator('.full-url code').textContent();
	expect(new URL(url!).searchParams.has('state')).toBe(false);
	await nextByKey(page);
	await loginAndConsent(page);
	await expectMachineState(page, 'receiveCallback');
});

test('Break it: no PKCE sends neither challenge nor verifier, and Spotify refuses the exchange', async ({
	page
}) => {
	await openFlow(page, 'authorization-code-pkce');
	await breakIt(page, 'No PKCE');
	await nextByKey(page);
	await expect(page.getByTestId('pending')).not.toContainText('code_challenge');
	await nextByKey(page);
	await loginAndConsent(page);
	await nextByKey(page);
	await expect(page.getByTestId('pending')).not.toContainText('code_verifier');
	await nextByKey(page);
	await expectMachineState(page, 'tokenError');
	await expect(page.getByTestId('flow-error-code')).toHaveText(/^invalid_/);
});
