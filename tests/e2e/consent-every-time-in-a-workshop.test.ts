import { expect, seriousAxeViolations, test } from '../fixtures';
import { spawnServer, type SpawnedServer } from '../spawn-server';
import { expectStep, nextByKey, openFlow, pressByKeyboard } from './explorer';

/**
 * On a server run for a class (here: it has a presenter key), the consent page comes back on
 * every run, with "Remember my approval" unticked; ticked, the next run skips the page as Spotify
 * does. By keyboard, as an attendee without a mouse would.
 */

let server: SpawnedServer;
test.beforeAll(async () => {
	server = await spawnServer({ GRANTWALK_PRESENTER_KEY: 'test-presenter-key' });
});
test.afterAll(async () => {
	await server?.stop();
});

test('the second run shows the consent page again; with the box ticked the third skips it', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	const remember = page.getByRole('checkbox', { name: 'Remember my approval' });
	const toConsent = async () => {
		await expectStep(page, 1, 6, 'Send the user to Spotify');
		await nextByKey(page);
		await expectStep(page, 2, 6, 'The user logs in and agrees');
		await nextByKey(page);
		await expect(page).toHaveURL(/\/emulator\/accounts\/authorize/);
	};
	const backAtCallback = async () => {
		await expect(page).toHaveURL(/\/flows\/authorization-code\?step=[a-z-]+[^#]*#explorer$/);
		await expectStep(page, 3, 6, 'Receive the callback');
	};
	try {
		// First run: login, then consent with the box unticked; the page passes axe.
		await openFlow(page, 'authorization-code');
		await toConsent();
		await pressByKeyboard(page, 'Log in');
		await expect(remember).toBeVisible();
		await expect(remember).not.toBeChecked();
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'light' });
		await pressByKeyboard(page, 'Agree');
		await backAtCallback();

		// Second run: asked again (logged in already, so no login page). Tick the box by keyboard.
		await pressByKeyboard(page, 'Reset');
		await toConsent();
		await expect(page.getByRole('button', { name: 'Agree' })).toBeVisible();
		await expect(remember).not.toBeChecked();
		for (
			let i = 0;
			i < 20 && !(await remember.evaluate((el) => el === document.activeElement));
			i++
		)
			await page.keyboard.press('Tab');
		await expect(remember).toBeFocused();
		await page.keyboard.press('Space');
		await expect(remember).toBeChecked();
		await pressByKeyboard(page, 'Agree');
		await backAtCallback();

		// Third run: remembered, straight back to the callback; the consent page never shows.
		const visited: string[] = [];
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame()) visited.push(frame.url());
		});
		await pressByKeyboard(page, 'Reset');
		await expectStep(page, 1, 6, 'Send the user to Spotify');
		await nextByKey(page);
		await nextByKey(page);
		await backAtCallback();
		expect(visited.length).toBeGreaterThan(0);
		expect(visited.filter((url) => url.includes('/emulator/accounts/'))).toEqual([]);
		await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText('code');
	} finally {
		await context.close();
	}
});
