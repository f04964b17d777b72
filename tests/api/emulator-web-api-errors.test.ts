import { expect, test } from '@playwright/test';
import { webApiErrorBody } from '../../src/lib/spotify/errors';
import { legacyApp } from '../../src/lib/server/emulator/config';
import {
	authorizationCode,
	apiPath,
	authorize,
	basicAuth,
	clientCredentials,
	createApp,
	exchangeCode
} from '../../src/lib/server/emulator/testing-http';

test('no token: 401 with WWW-Authenticate, pretty-printed JSON', async ({ request }) => {
	const response = await request.get(`${apiPath}/v1/me`);
	expect(response.status()).toBe(401);
	expect(response.headers()['www-authenticate']).toBe('Bearer realm="spotify"');
	const text = await response.text();
	expect(text).toBe(JSON.stringify(webApiErrorBody('missing-invalid-expired-token'), null, 2));
});

test('an unknown token: 401 invalid_token', async ({ request }) => {
	const response = await request.get(`${apiPath}/v1/me`, {
		headers: { authorization: 'Bearer BQnope' }
	});
	expect(response.status()).toBe(401);
	expect(response.headers()['www-authenticate']).toContain('error="invalid_token"');
});

test('an expired token of a classic app: 401 The access token expired', async ({ request }) => {
	const back = await authorize(request, {
		client_id: legacyApp.clientId,
		response_type: 'token',
		redirect_uri: 'http://127.0.0.1:9999/callback'
	});
	const token = new URLSearchParams(back.hash.slice(1)).get('access_token')!;
	await request.post('/emulator/control/expire', { data: { access_token: token } });
	const response = await request.get(`${apiPath}/v1/me`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(response.status()).toBe(401);
	expect(await response.json()).toEqual(webApiErrorBody('access-token-expired'));
});

test('a Basic header on the Web API: 400 Only valid bearer authentication supported', async ({
	request
}) => {
	const response = await request.get(`${apiPath}/v1/me`, {
		headers: { authorization: basicAuth('a', 'b') }
	});
	expect(response.status()).toBe(400);
	expect(await response.json()).toEqual(webApiErrorBody('only-bearer-supported'));
});

test('without user-top-read: 403 Insufficient client scope', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri, { scope: 'user-read-private' });
	const { access_token } = await (await exchangeCode(request, app, code, redirectUri)).json();
	const response = await request.get(`${apiPath}/v1/me/top/artists`, {
		headers: { authorization: `Bearer ${access_token}` }
	});
	expect(response.status()).toBe(403);
	expect(await response.json()).toEqual(webApiErrorBody('insufficient-client-scope'));
});

test('a rate-limited client: 429 with Retry-After', async ({ request }) => {
	const app = await createApp(request);
	const token = await clientCredentials(request, app);
	expect(
		(
			await request.post('/emulator/control/rate-limit', {
				data: { client_id: app.client_id, seconds: 42 }
			})
		).status()
	).toBe(200);
	const response = await request.get(`${apiPath}/v1/artists/0GrantwaLkArtist000001`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(response.status()).toBe(429);
	expect(response.headers()['retry-after']).toBe('42');
});
