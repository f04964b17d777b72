import { expect, seriousAxeViolations, test, watchConsole } from '../fixtures';

/** An authorize URL for the demo app, coming back to this test server's /callback. */
function authorizeUrl(baseURL: string | undefined) {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: 'deadbeefcafe4bad8badf00d5eed1e55',
		redirect_uri: `${baseURL}/callback`,
		scope: 'user-read-private user-top-read',
		state: 's1',
		show_dialog: 'true'
	});
	return `/emulator/accounts/authorize?${query}`;
}

test(`the emulator's login and consent pages work in a browser and pass axe (light and dark)`, async ({
	page,
	baseURL
}) => {
	// Four axe passes (two pages, two colour schemes) where a test usually does one or two.
	test.setTimeout(test.info().timeout * 2);
	const problems = watchConsole(page);
	await page.goto(authorizeUrl(baseURL));
	await expect(page.getByText('Spotify emulator (Grantwalk)').first()).toBeVisible();
	await expect(page.getByLabel('Email address or username')).toHaveValue('demo');
	expect(await seriousAxeViolations(page)).toEqual([]);
	// A real form POST from Chromium (with its Origin header) must pass the CSRF check.
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('button', { name: 'Agree' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
	await expect(page.locator('body')).toContainText('top artists');
	expect(await seriousAxeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page).toHaveURL(/\/callback\?error=access_denied&state=s1$/);
	expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
});

test("the emulator's hard error page names Spotify's error and passes axe", async ({ page }) => {
	const response = await page.goto(
		'/emulator/accounts/authorize?response_type=code&client_id=deadbeefcafe4bad8badf00d5eed1e55&redirect_uri=https%3A%2F%2Fevil.test%2Fcb'
	);
	expect(response?.status()).toBe(400);
	await expect(page.locator('#spotify-error')).toHaveText('INVALID_CLIENT: Invalid redirect URI');
	expect(await seriousAxeViolations(page)).toEqual([]);
});

test('the emulator dashboard refuses an insecure redirect URI as Spotify does', async ({
	page
}) => {
	await page.goto('/emulator/dashboard');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Developer dashboard');
	await expect(page.locator('body')).toContainText('deadbeefcafe4bad8badf00d5eed1e55');
	expect(await seriousAxeViolations(page)).toEqual([]);
	await page.getByLabel('App name').fill('My insecure app');
	await page.getByLabel('Redirect URI').fill('http://localhost:8888/callback');
	await page.getByRole('button', { name: 'Create app' }).click();
	await expect(page.locator('body')).toContainText('This redirect URI is not secure.');
	// Nothing typed is lost.
	await expect(page.getByLabel('App name')).toHaveValue('My insecure app');
});
