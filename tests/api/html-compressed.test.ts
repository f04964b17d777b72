import { expect, test } from '@playwright/test';

// Pages go out compressed as the browser accepts; the emulator's small JSON answers do not.
for (const encoding of ['br', 'gzip'])
	test(`a flow page's HTML is sent with ${encoding} when accepted, and reads whole`, async ({
		request
	}) => {
		const response = await request.get('/flows/authorization-code', {
			headers: { 'accept-encoding': encoding }
		});
		expect(response.status()).toBe(200);
		expect(response.headers()['content-encoding']).toBe(encoding);
		expect(response.headers()['vary']).toMatch(/accept-encoding/i);
		expect(await response.text()).toContain('<h1>Authorization code</h1>');
	});

test('without an accepted encoding the page comes plain', async ({ request }) => {
	const response = await request.get('/flows/authorization-code', {
		headers: { 'accept-encoding': 'identity' }
	});
	expect(response.headers()['content-encoding']).toBeUndefined();
	expect(await response.text()).toContain('<h1>Authorization code</h1>');
});

test('the token endpoint answers uncompressed, as Spotify’s small JSON answers are', async ({
	request
}) => {
	const response = await request.post('/emulator/accounts/api/token', {
		headers: { 'accept-encoding': 'gzip, br' },
		form: { grant_type: 'client_credentials' }
	});
	expect(response.status()).toBe(400);
	expect(response.headers()['content-encoding']).toBeUndefined();
});
