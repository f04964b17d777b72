import { expect, test } from '@playwright/test';
import { createApp } from '../../src/lib/server/emulator/testing-http';

test('the login page: CSP without script, no framing, no cross-site referrer, marked as an emulator', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'code', redirect_uri: `${baseURL}/callback` })}`
	);
	const headers = response.headers();
	expect(headers['content-security-policy']).toMatch(/default-src 'none'/);
	expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	expect(headers['content-security-policy']).toMatch(
		/form-action 'self' http:\/\/127\.0\.0\.1:\d+/
	);
	expect(headers['referrer-policy']).toBe('same-origin');
	const html = await response.text();
	expect(html).toContain('Spotify emulator (Grantwalk)');
	expect(html).toContain('<html lang="en">');
	expect(html).not.toMatch(/<script/i);
});

test('the emulator never redirects to an unregistered URI and escapes what it reflects', async ({
	request
}) => {
	const evil = 'https://evil.example/"><script>alert(1)</script>';
	const app = await createApp(request);
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'code', redirect_uri: evil, state: '<b>x</b>' })}`,
		{ maxRedirects: 0 }
	);
	expect(response.status()).toBe(400);
	expect(response.headers().location).toBeUndefined();
	expect(await response.text()).not.toContain('<script>alert(1)');
});
