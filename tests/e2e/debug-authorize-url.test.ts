import { expect, seriousViolations, test } from '../fixtures';

const broken =
	'https://accounts.spotify.com/authorize?client-id=deadbeefcafe4bad8badf00d5eed1e55&response_type=token&redirect_url=http%3A%2F%2F127.0.0.1%3A8888%2Fcallback&scope=user-read-birthdate&state=123';

test('the authorize-URL inspector is used with the keyboard and names each mistake', async ({
	page
}) => {
	await page.goto('/debug/authorize-url');
	await page.getByLabel(/^Authorize URL/).focus();
	await page.keyboard.insertText(broken);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Inspect URL' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/debug\/authorize-url\?url=.*#result$/);
	await expect(page.getByRole('status')).toContainText(/\d+ problems Spotify refuses/);
	const result = page.locator('#result');
	for (const text of [
		'client-id: did you mean client_id?',
		'redirect_url: did you mean redirect_uri?',
		'response_type=token: the implicit grant is gone',
		'user-read-birthdate is refused',
		'state looks guessable'
	])
		await expect(result.getByText(text)).toBeVisible();
	// Every parameter is explained in a table.
	await expect(result.getByRole('row', { name: /response_type/ })).toContainText(
		'authorization code'
	);
	expect(await seriousViolations(page)).toEqual([]);
});

test('the same request runs against the emulator from a button', async ({ page }) => {
	await page.goto(`/debug/authorize-url?url=${encodeURIComponent(broken)}`);
	const run = page.getByRole('button', { name: 'Run in the emulator' });
	const form = page.locator('form', { has: run });
	await expect(form).toHaveAttribute('action', '/emulator/accounts/authorize');
	await expect(form.locator('input[name="response_type"]')).toHaveValue('token');
	await expect(form.locator('input[name="scope"]')).toHaveValue('user-read-birthdate');
});

test('a client secret pasted into an authorize URL is masked out of the address', async ({
	page
}) => {
	await page.goto(
		`/debug/authorize-url?url=${encodeURIComponent('https://accounts.spotify.com/authorize?client_id=x&client_secret=s3cr3tvalue')}`
	);
	await expect(page).toHaveURL(/masked=1/);
	expect(page.url()).not.toContain('s3cr3tvalue');
	expect(await page.content()).not.toContain('s3cr3tvalue');
	await expect(page.getByText('client_secret must never be in the authorize URL')).toBeVisible();
});

test('a secret in any common form is masked out of the address too', async ({ page }) => {
	const hex = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(
		`/debug/authorize-url?url=${encodeURIComponent(`https://accounts.spotify.com/authorize?client_id=x&response_type=code&CLIENT_SECRET=${hex}&code_verifier=${hex}`)}`
	);
	await expect(page).toHaveURL(/masked=1/);
	expect(page.url()).not.toContain(hex);
	expect(await page.content()).not.toContain(hex);
	// Only the first request, the one the browser was asked for, held it.
	expect(requests.filter((u) => u.includes(hex))).toHaveLength(1);
	await expect(page.getByText('A secret was in the URL and has been masked here.')).toBeVisible();
});
