import { expect, test } from '../fixtures';
import { openFlow } from './explorer';

test('switching to real Spotify checks the settings and then prepares a request to Spotify', async ({
	page
}) => {
	await openFlow(page, 'authorization-code-pkce');
	// The panel's form loads when it is opened: read the demo app's Client ID as a user would.
	await page.locator('summary', { hasText: 'Target:' }).click();
	await expect(page.getByTestId('demo-client-id')).toHaveText(/^[0-9a-f]{32}$/);
	await page.getByRole('radio', { name: /Real Spotify/ }).check();
	await page.getByRole('textbox', { name: 'Client ID' }).fill('my-app');
	await page.getByLabel('Scopes (space-separated)').fill('user-read-private openid');
	await page.getByRole('button', { name: 'Use these settings and start over' }).click();
	const problems = page
		.getByRole('alert')
		.filter({ hasText: 'does not look like a Spotify Client ID' });
	await expect(problems).toContainText('“my-app”');
	await expect(problems).toContainText('Illegal scope');
	// Nothing typed is lost, and the running flow is untouched.
	await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue('my-app');

	await page.getByRole('textbox', { name: 'Client ID' }).fill('0123456789abcdef0123456789abcdef');
	await page.getByLabel('Scopes (space-separated)').fill('user-read-private');
	await page.getByRole('button', { name: 'Use these settings and start over' }).click();
	await expect(page.locator('summary', { hasText: 'Target:' })).toContainText('real Spotify');
	await page.locator('body').press('ArrowRight'); // verifier → authorize request
	const url = await page.getByTestId('pending').locator('.full-url code').textContent();
	const authorize = new URL(url!);
	expect(authorize.origin + authorize.pathname).toBe('https://accounts.spotify.com/authorize');
	expect(authorize.searchParams.get('client_id')).toBe('0123456789abcdef0123456789abcdef');
	expect(authorize.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:5173/callback');
	expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
});

test('opened on localhost, the explorer offers 127.0.0.1 and says why', async ({
	page,
	baseURL
}) => {
	const onLocalhost = baseURL!.replace('127.0.0.1', 'localhost');
	await page.goto(`${onLocalhost}/flows/authorization-code`);
	const note = page.getByRole('note').filter({ hasText: 'You opened Grantwalk on localhost' });
	await expect(note).toContainText('storage is per origin');
	await expect(note.getByRole('link', { name: 'Switch to 127.0.0.1' })).toHaveAttribute(
		'href',
		`${baseURL}/flows/authorization-code`
	);
});
