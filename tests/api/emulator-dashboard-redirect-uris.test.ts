import { expect, test } from '@playwright/test';
import { getSpotifyError } from '../../src/lib/spotify/errors';
import { createApp, field } from '../../src/lib/server/emulator/testing-http';

test('the dashboard refuses http://localhost with This redirect URI is not secure.', async ({
	request
}) => {
	const app = await createApp(request, { name: 'Dash' });
	const page = await request.get(`/emulator/dashboard/apps/${app.client_id}`);
	const html = await page.text();
	expect(html).toContain(app.client_id);
	const refused = await request.post(`/emulator/dashboard/apps/${app.client_id}/redirect-uris`, {
		form: { csrf: field(html, 'csrf'), add: 'http://localhost:3000/callback' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain(getSpotifyError('redirect-uri-not-secure').text!);
	const added = await request.post(`/emulator/dashboard/apps/${app.client_id}/redirect-uris`, {
		form: { csrf: field(html, 'csrf'), add: 'http://127.0.0.1:3000/callback' },
		maxRedirects: 0
	});
	expect(added.status()).toBe(303);
	expect(await (await request.get(`/emulator/dashboard/apps/${app.client_id}`)).text()).toContain(
		'http://127.0.0.1:3000/callback'
	);
});

test('dashboard forms without the CSRF token are refused', async ({ request }) => {
	const app = await createApp(request);
	const response = await request.post(`/emulator/dashboard/apps/${app.client_id}/redirect-uris`, {
		form: { add: 'https://x.example/cb' }
	});
	expect(response.status()).toBe(403);
});
