import { expect, test } from '../fixtures';
import { expectStep, loginAndConsent, nextByKey, openFlow } from './explorer';

/**
 * Follow along (issue 11): the presenter opens a room in presenter mode; an attendee who opens
 * the follow link replays each of the presenter's steps in their own sandbox, within a second,
 * with the same seeded values; Detach stops following, Catch up comes back; Done and Stuck
 * reach the presenter as counts.
 */
test('a follower sees the presenter’s step within a second, with the projector’s token, and can detach and catch up', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(60_000);
	await openFlow(page, 'client-credentials', '?present&seed=workshop');
	await page.getByRole('button', { name: 'Open a follow room' }).click();
	const link = page.getByTestId('follow-link');
	await expect(link).toHaveAttribute('href', /\/flows\/client-credentials\?follow=[a-z0-9]{8}$/);
	const href = (await link.getAttribute('href'))!;
	await expect(page.getByRole('img', { name: 'QR code of the follow link' })).toBeVisible();

	const context = await browser.newContext({ baseURL });
	try {
		const follower = await context.newPage();
		await follower.goto(new URL(href).pathname + new URL(href).search);
		await expect(follower.getByTestId('follow-bar')).toContainText('The presenter is at step 1');
		await expect(page.getByTestId('follow-room')).toContainText('1 following');

		// After each of the presenter's steps the follower shows the same step and machine state
		// within a second, and the same seeded token.
		for (let i = 0; i < 2; i++) {
			await nextByKey(page);
			await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
			const state = (await page.getByTestId('machine-state').textContent())!;
			const count = (await page.getByTestId('step-count').textContent())!;
			await expect(follower.getByTestId('machine-state')).toHaveText(state, { timeout: 1000 });
			await expect(follower.getByTestId('step-count')).toHaveText(count);
		}
		await expectStep(page, 2, 2, /Call the Web API/);
		const projector = (await page.getByTestId('access-token').textContent())?.trim();
		expect(projector).toMatch(/^BQ/);
		await expect(follower.getByTestId('access-token')).toHaveText(projector!);

		// The follower's address bar keeps follow=<room> beside the step link, so a reload
		// follows again: the same step and token, and the presenter's next steps still arrive.
		const room = new URL(href).searchParams.get('follow')!;
		await expect(follower).toHaveURL(new RegExp(`\\?follow=${room}&step=call-web-api`));
		await follower.reload();
		await expect(follower.getByTestId('follow-bar')).toContainText(
			'Following the presenter live. The presenter is at step 2'
		);
		await expectStep(follower, 2, 2, /Call the Web API/);
		await expect(follower.getByTestId('access-token')).toHaveText(projector!);
		await expect(page.getByTestId('follow-room')).toContainText('1 following');
		await expect(follower).toHaveURL(new RegExp(`\\?follow=${room}&`));

		// Detached, the follower stays where it is; Catch up goes to the presenter's step. The
		// address keeps follow= (a reload follows again: the follow bar is the way back).
		await follower.getByRole('button', { name: 'Detach' }).click();
		await page.getByRole('button', { name: 'Previous step' }).click();
		await expectStep(page, 1, 2, /Request a token as the app/);
		await expect(follower.getByTestId('follow-bar')).toContainText('The presenter is at step 1');
		await expectStep(follower, 2, 2, /Call the Web API/);
		await expect(follower).toHaveURL(new RegExp(`\\?follow=${room}&`));
		await follower.getByRole('button', { name: 'Catch up' }).click();
		await expectStep(follower, 1, 2, /Request a token as the app/);

		// The pulse: the follower's Done reaches the presenter as a count, anonymous.
		await follower.getByRole('button', { name: 'Done' }).click();
		await expect(page.getByTestId('follow-room')).toContainText('1 done · 0 stuck');
	} finally {
		await context.close();
	}
});

test('a follower of a PKCE run through the presenter’s login and consent reaches the token step with the projector’s code and token', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	await openFlow(page, 'authorization-code-pkce', '?present&seed=workshop');
	await page.getByRole('button', { name: 'Open a follow room' }).click();
	const href = (await page.getByTestId('follow-link').getAttribute('href'))!;
	expect(href).toMatch(/\/flows\/authorization-code-pkce\?follow=[a-z0-9]{8}$/);

	const context = await browser.newContext({ baseURL });
	try {
		const follower = await context.newPage();
		await follower.goto(new URL(href).pathname + new URL(href).search);
		await expect(follower.getByTestId('follow-bar')).toContainText('The presenter is at step 1');
		await expect(page.getByTestId('follow-room')).toContainText('1 following');

		// The presenter's browser really leaves for the emulator's login and consent pages; the
		// follower replays the same authorization in its own sandbox (the consent replay).
		await nextByKey(page);
		await expectStep(follower, 2, 7, 'Send the user to Spotify');
		await nextByKey(page);
		await loginAndConsent(page);
		await expectStep(page, 4, 7, 'Receive the callback');
		await expectStep(follower, 4, 7, 'Receive the callback');
		const redirect = (p: typeof page) => p.getByRole('region', { name: 'The redirect back' });
		const projectorCallback = (await redirect(page).textContent())!;
		expect(projectorCallback).toMatch(/code=AQ/);
		await expect(redirect(follower)).toHaveText(projectorCallback);

		// On to the token step: the follower's seeded token is the projector's.
		await nextByKey(page);
		await nextByKey(page);
		await expect(page.getByTestId('machine-state')).toHaveText('exchangeCode.done');
		await expect(follower.getByTestId('machine-state')).toHaveText('exchangeCode.done');
		const projector = (await page.getByTestId('access-token').textContent())?.trim();
		expect(projector).toMatch(/^BQ/);
		await expect(follower.getByTestId('access-token')).toHaveText(projector!);
		await expect(follower).toHaveURL(/\?follow=[a-z0-9]{8}&step=exchange-code/);
	} finally {
		await context.close();
	}
});

test('a follow link to a room that does not exist says so and what to do', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?follow=zzzzzzzz');
	await expect(page.getByTestId('follow-bar')).toContainText('There is no follow room “zzzzzzzz”');
	await openFlow(page, 'client-credentials', '?follow=NOPE');
	await expect(page.getByTestId('follow-bar')).toContainText('is not the name of a follow room');
});
