import { expect, test } from '@playwright/test';

// A page on another host name that resolves to this server (DNS rebinding) must not be served:
// it would count as same-origin and could use the relay with the server's Spotify secret.
test('a request for another host name is refused with 421, the relay included', async ({
	request
}) => {
	for (const path of ['/', '/relay']) {
		const response = await request.get(path, { headers: { host: 'rebind.evil.example' } });
		expect(response.status(), path).toBe(421);
		expect(await response.text()).toContain('GRANTWALK_ALLOWED_HOSTS');
	}
});

test('IP literals and localhost are served', async ({ request, baseURL }) => {
	const port = new URL(baseURL!).port;
	for (const host of [
		`127.0.0.1:${port}`,
		`localhost:${port}`,
		`[::1]:${port}`,
		`10.0.0.7:${port}`
	])
		expect((await request.get('/', { headers: { host } })).status(), host).toBe(200);
});
