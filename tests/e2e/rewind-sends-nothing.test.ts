import { expect, test, type Page } from '../fixtures';
import { expectFlowError, expectMachineState, nextByKey, settledRun } from './explorer';

/**
 * Previous step and Next step move through what was recorded and send nothing; only "Run again
 * from here" makes a recorded step the newest, so its Next sends again, for real: a used code is
 * then refused as Spotify refuses it.
 */

/** Counts the requests to the token endpoint and the Web API the page sends from now on. */
function countProtocolRequests(page: Page) {
	const sent: string[] = [];
	page.on('request', (request) => {
		const { pathname } = new URL(request.url());
		if (pathname === '/emulator/accounts/api/token' || pathname.startsWith('/emulator/api/'))
			sent.push(`${request.method()} ${pathname}`);
	});
	return sent;
}

async function backByKey(page: Page) {
	await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
	await page.locator('body').press('ArrowLeft');
}

test('stepping back and forth across the token step sends nothing; running again from its ready state sends the used code once, refused', async ({
	page
}) => {
	await page.goto('/flows/authorization-code?step=exchange-code');
	await settledRun(page);
	await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 6');
	await expectMachineState(page, 'exchangeCode.done');
	await expect(page.getByTestId('recorded-step')).toHaveCount(0);
	const sent = countProtocolRequests(page);

	for (let round = 0; round < 3; round++) {
		// Back: the token step before it sent (its ready state), then the callback step.
		await backByKey(page);
		await expectMachineState(page, 'exchangeCode.ready');
		await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 6');
		await expect(page.getByTestId('recorded-step')).toBeVisible();
		await expect(page.getByTestId('pending')).toContainText('/emulator/accounts/api/token');
		await backByKey(page);
		await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 6');
		await expect(page.getByTestId('recorded-step')).toBeVisible();
		await expect(page).toHaveURL(/\?step=receive-callback(?:[&#]|$)/);
		// Forward again through the record, to the answered token step (the newest).
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.ready');
		await expect(page.getByTestId('recorded-step')).toBeVisible();
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.done');
		await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 6');
		await expect(page.getByTestId('recorded-step')).toHaveCount(0);
		await expect(page).toHaveURL(/\?step=exchange-code(?:[&#]|$)/);
		await expect(
			page.getByRole('region', { name: 'Current exchange' }).getByTestId('status-line')
		).toHaveText(/HTTP\/1\.1 200\b/);
	}
	expect(sent).toEqual([]);

	// Rewind to the token step's ready state and run again from there.
	await backByKey(page);
	await expectMachineState(page, 'exchangeCode.ready');
	const note = page.getByTestId('recorded-step');
	await expect(note).toContainText('already exchanged');
	await note.getByRole('button', { name: 'Run again from here' }).click();
	await expect(note).toHaveCount(0);
	await expectMachineState(page, 'exchangeCode.ready');
	expect(sent).toEqual([]);

	const answered = page.waitForResponse(
		(response) => new URL(response.url()).pathname === '/emulator/accounts/api/token'
	);
	await nextByKey(page);
	expect((await answered).status()).toBe(400);
	const card = await expectFlowError(page, 'token', 'invalid_grant: Invalid authorization code');
	await expect(card).toContainText('HTTP 400');
	await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
	expect(sent).toEqual(['POST /emulator/accounts/api/token']);
});
