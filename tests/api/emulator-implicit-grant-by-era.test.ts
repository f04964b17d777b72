import { expect, test } from '@playwright/test';
import { getSpotifyError } from '../../src/lib/spotify/errors';
import { legacyApp } from '../../src/lib/server/emulator/config';
import { authorize, createApp } from '../../src/lib/server/emulator/testing-http';

test('classic (legacy app): the token comes back in the fragment', async ({ request }) => {
	const back = await authorize(request, {
		client_id: legacyApp.clientId,
		response_type: 'token',
		redirect_uri: 'http://localhost:8888/callback',
		state: 'k'
	});
	const fragment = new URLSearchParams(back.hash.slice(1));
	expect(fragment.get('access_token')).toMatch(/^BQ/);
	expect(fragment.get('token_type')).toBe('Bearer');
	expect(fragment.get('expires_in')).toBe('3600');
	expect(fragment.get('state')).toBe('k');
	expect(back.search).toBe('');
});

test('2025-11: redirect with #error=unsupported_response_type', async ({ request, baseURL }) => {
	const app = await createApp(request, { era: '2025-11' });
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'token', redirect_uri: `${baseURL}/callback`, state: 's' })}`,
		{ maxRedirects: 0 }
	);
	expect(response.status()).toBe(302);
	expect(response.headers().location).toBe(
		`${baseURL}/callback#error=unsupported_response_type&state=s`
	);
});

test('2026: the page response_type must be code', async ({ request, baseURL }) => {
	const app = await createApp(request, { era: '2026' });
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'token', redirect_uri: `${baseURL}/callback` })}`,
		{ maxRedirects: 0 }
	);
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain(getSpotifyError('response-type-must-be-code').text!);
});
