import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from '../fixtures';
import { expectStep, loginAndConsent, nextByKey, openFlow } from './explorer';

/**
 * The presenter console (issue 11): a second window of the same browser, reached over a
 * BroadcastChannel (two pages of one Playwright context share it, as two windows of one browser
 * do). It shows the presenter tab's step, the step's speaker notes, the next step and what
 * Spotify can answer there, and its Previous and Next step press the presenter tab's own.
 */

async function openConsole(presenter: Page): Promise<Page> {
	const [console] = await Promise.all([
		presenter.context().waitForEvent('page'),
		presenter.getByRole('button', { name: 'Open presenter console' }).click()
	]);
	await expect(console.getByRole('heading', { level: 1 })).toHaveText('Presenter console');
	return console;
}

test('the console shows the presenter’s step, notes, next step and errors, and steps the presenter', async ({
	page
}) => {
	await openFlow(page, 'client-credentials', '?present&seed=workshop');
	const console = await openConsole(page);
	await expect(console.getByTestId('console-status')).toHaveText('Following the presenter tab.');
	await expect(console.getByTestId('console-position')).toHaveText(
		'Client credentials · Step 1 of 2'
	);
	await expect(console.getByTestId('console-step')).toHaveText('Request a token as the app');
	await expect(console.getByTestId('console-notes')).toContainText('Basic header');
	await expect(console.getByTestId('console-next')).toContainText('Call the Web API');
	const errors = console.getByTestId('console-errors');
	await expect(errors.getByRole('link', { name: 'Invalid client secret' })).toBeVisible();
	await expect(errors).toContainText('400 invalid_client: Invalid client secret');

	// The presenter's Next reaches the console (the first Next sends the token request and shows
	// its answer at step 1; the second moves on).
	await nextByKey(page);
	await nextByKey(page);
	await expectStep(page, 2, 2, /Call the Web API/);
	await expect(console.getByTestId('console-step')).toHaveText('Call the Web API');
	await expect(console.getByTestId('console-next')).toContainText('The end of this flow');
	await expect(errors).toContainText('401');

	// The console's Previous and Next (button and arrow key) press the presenter's own.
	await console.getByRole('button', { name: 'Previous step' }).click();
	await expectStep(page, 1, 2, /Request a token as the app/);
	await expect(console.getByTestId('console-step')).toHaveText('Request a token as the app');
	await console.locator('body').press('ArrowRight');
	await expectStep(page, 2, 2, /Call the Web API/);
	await expect(console.getByTestId('console-step')).toHaveText('Call the Web API');
	// Its Next sends the presenter's Web API call; then Next has nowhere to go, and says so.
	await console.getByRole('button', { name: 'Next step' }).click();
	await expect(page.getByTestId('current-exchange').getByTestId('status-line')).toContainText(
		'200'
	);
	await expect(console.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);

	expect(await seriousAxeViolations(console)).toEqual([]);
});

test('without a presenter tab the console says so, and notices one that opens and closes', async ({
	page,
	context
}) => {
	await page.goto('/present/console');
	const status = page.getByTestId('console-status');
	await expect(status).toHaveText('No presenter tab: open a flow page and press P.');
	await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);

	// A flow page that is not presenting does not answer; pressing P makes it the presenter tab.
	const presenter = await context.newPage();
	await openFlow(presenter, 'authorization-code');
	await expect(status).toHaveText('No presenter tab: open a flow page and press P.');
	await presenter.locator('body').press('p');
	await expect(status).toHaveText('Following the presenter tab.');
	await expect(page.getByTestId('console-step')).toHaveText('Send the user to Spotify');

	await presenter.close();
	await expect(status).toHaveText('No presenter tab: open a flow page and press P.');
});

test('while the presenter tab is on the emulator’s login and consent page, the console says where it is, and follows again after', async ({
	page
}) => {
	await openFlow(page, 'authorization-code', '?present');
	const console = await openConsole(page);
	const status = console.getByTestId('console-status');
	await nextByKey(page);
	await expect(console.getByTestId('console-step')).toHaveText('The user logs in and agrees');
	// Its Next leaves the flow page for the emulator's /authorize: the tab says bye on its way.
	await nextByKey(page);
	await expect(page).toHaveURL(/\/emulator\/accounts\/authorize/);
	await expect(status).toHaveText(
		'The presenter tab is on Spotify’s login and consent page: the console picks up when it comes back to the flow.'
	);
	await expect(console.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await loginAndConsent(page);
	await expect(status).toHaveText('Following the presenter tab.');
	await expect(console.getByTestId('console-step')).toHaveText('Receive the callback');
});

test('the console ignores malformed messages on its channel', async ({ page, context }) => {
	await page.goto('/present/console');
	const other = await context.newPage();
	await other.goto('/present/console');
	await other.evaluate(() => {
		const channel = new BroadcastChannel('grantwalk:presenter');
		const base = { v: 1, type: 'position', canNext: true, canBack: false };
		channel.postMessage({ ...base, flow: 'authorization-code', step: 'steal-token', stepIndex: 1 });
		channel.postMessage({ ...base, flow: 'password-grant', step: 'request-token', stepIndex: 1 });
		channel.postMessage({
			...base,
			flow: 'client-credentials',
			step: 'request-token',
			stepIndex: 2
		});
		channel.postMessage('position');
	});
	await expect(page.getByTestId('console-status')).toHaveText(
		'No presenter tab: open a flow page and press P.'
	);
	await expect(page.getByTestId('console-step')).toHaveCount(0);
});

test('the console works by keyboard alone: stepping and the timer', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	const console = await openConsole(page);
	await console.clock.install();
	await expect(console.getByTestId('console-step')).toHaveText('Request a token as the app');

	const focusByTab = async (name: string) => {
		const target = console.getByRole('button', { name, exact: true });
		for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++)
			await console.keyboard.press('Tab');
		await expect(target).toBeFocused();
	};
	// As a presenter would, press Next once the console shows it enabled: until the presenter
	// tab has loaded its run it reports that Next cannot go (and a press then asks for nothing).
	const consoleNext = console.getByRole('button', { name: 'Next step' });
	await expect(consoleNext).toHaveAttribute('aria-disabled', 'false');
	await focusByTab('Next step');
	await console.keyboard.press('Enter');
	await expect(page.getByTestId('machine-state')).toHaveText('requestToken.done');
	await expect(console.getByRole('button', { name: 'Next step' })).toHaveAttribute(
		'aria-disabled',
		'false'
	);
	await console.keyboard.press('Enter');
	await expectStep(page, 2, 2, /Call the Web API/);

	await focusByTab('Start timer');
	await console.keyboard.press('Enter');
	await console.clock.runFor(65_000);
	await expect(console.getByTestId('console-timer')).toHaveText('01:05');
	await console.keyboard.press('t');
	await expect(console.getByRole('button', { name: 'Resume timer' })).toBeVisible();
	await console.clock.runFor(30_000);
	await expect(console.getByTestId('console-timer')).toHaveText('01:05');
	await focusByTab('Reset timer');
	await console.keyboard.press('Enter');
	await expect(console.getByTestId('console-timer')).toHaveText('00:00');
	await expect(console.getByRole('button', { name: 'Start timer' })).toBeVisible();
});
