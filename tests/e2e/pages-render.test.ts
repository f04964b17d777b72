import { contentPages, expect, test, watchConsole } from '../fixtures';

for (const { path, heading } of contentPages) {
	test(`${path} renders its heading with no console errors`, async ({ page }) => {
		const problems = watchConsole(page);
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
		expect(problems).toEqual([]);
	});
}

test('an unknown flow answers 404 with a message naming the real flows', async ({ page }) => {
	const response = await page.goto('/flows/password-grant');
	expect(response?.status()).toBe(404);
	await expect(page.getByText(/There is no flow called “password-grant”/)).toBeVisible();
	await expect(page.getByText(/authorization-code-pkce/)).toBeVisible();
});

test('pages send the security headers', async ({ request }) => {
	const home = await request.get('/');
	const headers = home.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	const callback = await request.get('/callback?code=abc&state=xyz');
	expect(callback.headers()['referrer-policy']).toBe('no-referrer');
});

test('a cross-site form POST to the site is refused, while the emulator takes it', async ({
	request
}) => {
	const site = await request.post('/', {
		headers: { origin: 'https://evil.test', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'a=b'
	});
	expect(site.status()).toBe(403);
	const emulator = await request.post('/emulator/accounts/api/token', {
		headers: { origin: 'https://evil.test', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'grant_type=nonsense'
	});
	expect(emulator.status()).toBe(400);
	expect(await emulator.json()).toMatchObject({ error: 'unsupported_grant_type' });
});

test('prerendered pages get the security headers too', async ({ request }) => {
	const headers = (await request.get('/errors/illegal-scope')).headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
});
