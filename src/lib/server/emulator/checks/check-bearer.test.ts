import { describe, expect, it } from 'vitest';
import { webApiErrorBody } from '../../../spotify/errors';
import { noPremiumApp, unregisteredUserApp, type AppSeed } from '../config';
import { basic, json, origin, param, testEmulator, type TestClient } from '../testing';

const redirectUri = `${origin}/callback`;
const artist = '/emulator/api/v1/artists/0GrantwaLkArtist000001';

function userToken(c: TestClient, app: AppSeed, user: string): string {
	const code = param(
		c.authorize({ client_id: app.clientId, scope: 'user-read-private' }, user),
		'code'
	)!;
	const response = c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic(app.clientId, app.clientSecret) },
		form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
	});
	// Development mode refuses at the Web API only: the tokens themselves are issued.
	expect(response.status).toBe(200);
	return json(response).access_token as string;
}

function appToken(c: TestClient, app: AppSeed): string {
	const response = c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic(app.clientId, app.clientSecret) },
		form: { grant_type: 'client_credentials' }
	});
	expect(response.status).toBe(200);
	return json(response).access_token as string;
}

function get(c: TestClient, path: string, token: string) {
	return c.call('GET', path, { headers: { authorization: `Bearer ${token}` } });
}

describe('development mode: a user not on the allow-list', () => {
	it('gets tokens, but every Web API call with them answers 403 with the catalog’s text', () => {
		const c = testEmulator().client();
		const token = userToken(c, unregisteredUserApp, 'demo');
		for (const path of ['/emulator/api/v1/me', artist]) {
			const response = get(c, path, token);
			expect(response.status, path).toBe(403);
			expect(json(response), path).toEqual(webApiErrorBody('user-not-registered'));
		}
	});

	it('leaves allow-listed users and the app’s own token alone', () => {
		const c = testEmulator().client();
		const me = get(c, '/emulator/api/v1/me', userToken(c, unregisteredUserApp, 'alex'));
		expect(me.status).toBe(200);
		expect(json(me).id).toBe('alex');
		expect(get(c, artist, appToken(c, unregisteredUserApp)).status).toBe(200);
	});

	it('still answers an expired token with 401 first', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const token = userToken(c, unregisteredUserApp, 'demo');
		clock.advance(3600_000);
		expect(get(c, '/emulator/api/v1/me', token).status).toBe(401);
	});
});

describe('development mode: an owner without Premium', () => {
	it('refuses every Web API call, user tokens and the app token alike', () => {
		const c = testEmulator().client();
		const tokens = [userToken(c, noPremiumApp, 'demo'), appToken(c, noPremiumApp)];
		for (const token of tokens)
			for (const path of [
				'/emulator/api/v1/me',
				artist,
				'/emulator/api/v1/search?q=a&type=artist'
			]) {
				const response = get(c, path, token);
				expect(response.status, path).toBe(403);
				expect(json(response), path).toEqual(webApiErrorBody('premium-required'));
			}
	});

	it('is listed on the dashboard as development mode without Premium', () => {
		const c = testEmulator().client();
		const page = c.call('GET', `/emulator/dashboard/apps/${noPremiumApp.clientId}`);
		expect(page.status).toBe(200);
		expect(page.body).toMatch(/development mode<\/strong>[^<]*demo, alex[^<]*has no\s+Premium/);
	});
});
