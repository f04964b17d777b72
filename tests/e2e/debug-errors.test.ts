import { expect, seriousViolations, test } from '../fixtures';

test('the decoder is used with the keyboard and announces what it recognised', async ({ page }) => {
	await page.goto('/debug/errors');
	await page.getByLabel(/What Spotify said/).focus();
	await page.keyboard.insertText(
		'{"error":"invalid_grant","error_description":"code_verifier was incorrect"}'
	);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Decode' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/debug\/errors\?q=.*#result$/);
	await expect(page.getByRole('status')).toHaveText('Recognised: code_verifier was incorrect.');
	const card = page.locator('#result article').first();
	await expect(card).toHaveAttribute('data-slug', 'code-verifier-incorrect');
	await expect(card).toContainText('Exchanging the code (POST /api/token)');
	const reproduce = card.getByRole('link', { name: /^Reproduce it in the emulator/ });
	await expect(reproduce).toHaveAccessibleName(
		'Reproduce it in the emulator (authorization code with PKCE flow, with “Wrong verifier” switched on)'
	);
	await expect(reproduce).toHaveAttribute(
		'href',
		'/flows/authorization-code-pkce?step=exchange-code&break=wrongVerifier'
	);
	await card.getByRole('link', { name: 'code_verifier was incorrect' }).click();
	await expect(page).toHaveURL(/\/errors\/code-verifier-incorrect$/);
});

test('the decoder says honestly when it does not know, and is axe clean', async ({ page }) => {
	await page.goto('/debug/errors?q=Missing%20required%20parameter');
	await expect(page.getByRole('status')).toHaveText(
		'Not recognised. The closest known errors are listed below.'
	);
	await expect(page.locator('#result article[data-slug="missing-client-id"]')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the VPN notice gets an honest answer', async ({ page }) => {
	await page.goto(
		`/debug/errors?q=${encodeURIComponent('You must be on the Spotify network / VPN for this to work')}`
	);
	await expect(page.locator('#result article').first()).toContainText(
		'not the public OAuth endpoints'
	);
});

test('a secret in the pasted text never stays in the URL', async ({ page }) => {
	const secret = 'ZGVhZGJlZWZjYWZlNGJhZDhiYWRmMDBkNWVlZDFlNTU6c2VjcmV0';
	await page.goto(
		`/debug/errors?q=${encodeURIComponent(`Authorization: Basic ${secret} -> {"error":"invalid_client"}`)}`
	);
	await expect(page).toHaveURL(/masked=1/);
	expect(page.url()).not.toContain(secret);
	await expect(page.locator('#result article').first()).toHaveAttribute(
		'data-slug',
		'invalid-client-malformed'
	);
});

test('the decoder form is POSTed: pasted text never travels in a URL, the result is a masked link', async ({
	page
}) => {
	const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
	const requests: { method: string; url: string }[] = [];
	page.on('request', (r) => requests.push({ method: r.method(), url: r.url() }));
	await page.goto('/debug/errors');
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Decode' }) });
	await expect(form).toHaveAttribute('method', 'POST');
	await page.getByLabel(/What Spotify said/).focus();
	await page.keyboard.insertText(
		`SPOTIFY_CLIENT_SECRET=${secret}\n{"error":"invalid_client","error_description":"Invalid client secret"}`
	);
	await page.getByRole('button', { name: 'Decode' }).click();
	// Redirected to a shareable link that holds the masked text only.
	await expect(page).toHaveURL(/\/debug\/errors\?q=.*SPOTIFY_CLIENT_SECRET%3DREDACTED.*#result$/);
	await expect(page).toHaveURL(/masked=1/);
	await expect(page.locator('#result article').first()).toHaveAttribute(
		'data-slug',
		'invalid-client-secret'
	);
	await expect(page.getByText('A secret or token in what you pasted was replaced')).toBeVisible();
	await expect(page.getByLabel(/What Spotify said/)).toHaveValue(/SPOTIFY_CLIENT_SECRET=REDACTED/);
	expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/debug/errors'))).toBe(true);
	expect(requests.filter((r) => r.url.includes(secret))).toEqual([]);
	expect(await page.content()).not.toContain(secret);
	// The link is a deep link: opened again, it shows the same result.
	await page.goto(page.url());
	await expect(page.locator('#result article').first()).toHaveAttribute(
		'data-slug',
		'invalid-client-secret'
	);
});

test('a POSTed text without a secret redirects to its plain link', async ({ page }) => {
	await page.goto('/debug/errors');
	const response = await page.request.post('/debug/errors', {
		// As a browser sends it: SvelteKit answers */* with JSON, meant for enhanced forms.
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { q: 'INVALID_CLIENT: Invalid redirect URI' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe(
		`/debug/errors?q=${encodeURIComponent('INVALID_CLIENT: Invalid redirect URI').replace(/%20/g, '+')}#result`
	);
});

test('a POSTed text over the limit is refused on the page, not put in a URL', async ({ page }) => {
	await page.goto('/debug/errors');
	await page.getByLabel(/What Spotify said/).fill(`client_secret=abc ${'x'.repeat(9_000)}`);
	await page.getByRole('button', { name: 'Decode' }).click();
	await expect(page.getByRole('status')).toContainText('the limit is 8,000');
	expect(page.url()).not.toContain('xxxx');
	expect(page.url()).not.toContain('abc');
	expect(await page.content()).not.toContain('client_secret=abc');
});

test('a POSTed text whose link would be too long is answered on the page', async ({ page }) => {
	await page.goto('/debug/errors');
	const text = `{"error":"invalid_grant","error_description":"code_verifier was incorrect"} ${'{"'.repeat(2_500)}`;
	await page.getByLabel(/What Spotify said/).fill(text);
	await page.getByRole('button', { name: 'Decode' }).click();
	await expect(page.locator('#result article').first()).toHaveAttribute(
		'data-slug',
		'code-verifier-incorrect'
	);
	expect(new URL(page.url()).search).toBe('');
});
