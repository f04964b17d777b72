import { expect, test } from '../fixtures';

const id = 'deadbeefcafe4bad8badf00d5eed1e55';
const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
const python = `import base64, requests
r = requests.post('https://accounts.spotify.com/api/token',
    data={'grant_type': 'client_credentials'},
    headers={'Authorization': 'Basic ' + str(base64.b64encode(b'${id}:${secret}'))})`;

test.use({ javaScriptEnabled: false });

test('the paste box on /debug inspects Python requests code in place, secret masked', async ({
	page
}) => {
	await page.goto('/debug');
	await page.getByLabel(/^Paste anything/).fill(python);
	await page.getByRole('button', { name: 'Find what is wrong' }).click();
	const result = page.locator('#paste-result');
	await expect(result.getByRole('status')).toContainText('Python requests code');
	await expect(result.locator('[data-rule="basic-bytes"]')).toBeVisible();
	await expect(result.locator('[data-mistake="basic-bytes-repr"]')).toBeVisible();
	expect(await page.content()).not.toContain(secret);
	expect(page.url()).not.toContain('grant_type');
});

test('the paste box sends an authorize URL, redirect URIs and an error to their tools', async ({
	page
}) => {
	const cases: [string, RegExp][] = [
		[
			`https://accounts.spotify.com/authorize?client_id=${id}&response_type=code`,
			/\/debug\/authorize-url\?/
		],
		['http://localhost:8888/callback', /\/debug\/redirect-uri\?/],
		[
			"Access to fetch at 'https://accounts.spotify.com/api/token' from origin 'http://localhost:3000' has been blocked by CORS policy",
			/\/debug\/errors\?/
		]
	];
	for (const [text, url] of cases) {
		await page.goto('/debug');
		await page.getByLabel(/^Paste anything/).fill(text);
		await page.getByRole('button', { name: 'Find what is wrong' }).click();
		await expect(page).toHaveURL(url);
	}
	await expect(page.locator('#result')).toContainText('Blocked by CORS policy');
});

test('the request as read has no indentation, and the example can be tried', async ({ page }) => {
	await page.goto('/debug/token-request');
	await page.getByRole('button', { name: 'Try the example' }).click();
	await expect(page.locator('#result').getByRole('status')).toContainText(
		/problems Spotify refuses/
	);
	const asRead = await page.locator('#result pre code').first().textContent();
	for (const line of (asRead ?? '').split('\n')) expect(line).toBe(line.trimStart());
	expect(asRead).toMatch(/^POST https:\/\/accounts\.spotify\.com\/api\/token\n/);
});

test('the linter lists a URI both registered and sent once, and offers its rewrite', async ({
	page
}) => {
	const uri = encodeURIComponent('http://localhost:8888/callback');
	await page.goto(`/debug/redirect-uri?registered=${uri}&sent=${uri}#result`);
	await expect(page.getByRole('status')).toHaveText(
		'1 URI Spotify refuses; the sent URI matches one Spotify will not let you save.'
	);
	await expect(page.getByTestId('uri-verdict')).toHaveCount(1);
	await expect(page.locator('[data-rule="localhost"]')).toContainText(
		'http://127.0.0.1:8888/callback'
	);
});

test('the decoder names the mistakes of the catalog behind an answer', async ({ page }) => {
	const q =
		'{"error":"unsupported_grant_type","error_description":"grant_type parameter is missing"}';
	await page.goto(`/debug/errors?q=${encodeURIComponent(q)}#result`);
	await expect(page.locator('#result [data-mistake="body-as-json"]')).toBeVisible();
	await expect(page.locator('#result [data-mistake="body-in-query"]')).toBeVisible();
});

test('the scope explorer offers an example', async ({ page }) => {
	await page.goto('/debug/scopes');
	await page.getByRole('link', { name: /reads the profile and top artists/ }).click();
	await expect(page).toHaveURL(/scope=user-top-read/);
	await expect(page.locator('#result')).toContainText('user-top-read');
});
