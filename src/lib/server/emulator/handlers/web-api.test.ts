import { describe, expect, it } from 'vitest';
import { webApiErrorBody } from '../../../spotify/errors';
import { defaultClientId, legacyApp } from '../config';
import { basic, json, param, testEmulator, type TestClient } from '../testing';

const api = '/emulator/api';

function userToken(
	c: TestClient,
	scope: string,
	user = 'demo',
	clientId = defaultClientId
): string {
	const auth =
		clientId === defaultClientId ? basic() : basic(legacyApp.clientId, legacyApp.clientSecret);
	const redirectUri = 'http://127.0.0.1:4173/callback';
	const code = param(
		c.authorize({ scope, client_id: clientId, redirect_uri: redirectUri }, user),
		'code'
	)!;
	const response = c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: auth },
		form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
	});
	return json(response).access_token as string;
}

function appToken(c: TestClient): string {
	const response = c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic() },
		form: { grant_type: 'client_credentials' }
	});
	return json(response).access_token as string;
}

function get(c: TestClient, path: string, token?: string, headers: Record<string, string> = {}) {
	return c.call('GET', `${api}${path}`, {
		headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers
	});
}

describe('GET /v1/me', () => {
	it('returns private fields only with their scopes, pretty-printed', () => {
		const c = testEmulator().client();
		const bare = get(c, '/v1/me', userToken(c, ''));
		expect(bare.body).toContain('\n  "display_name": "Demo User"');
		expect(json(bare).email).toBeUndefined();
		expect(json(bare).country).toBeUndefined();
		const c2 = testEmulator().client();
		const full = json(get(c2, '/v1/me', userToken(c2, 'user-read-email user-read-private')));
		expect(full.email).toBe('demo@example.com');
		expect(full.product).toBe('premium');
	});

	it('is per user', () => {
		const c = testEmulator().client();
		expect(json(get(c, '/v1/me', userToken(c, '', 'alex'))).id).toBe('alex');
	});

	it('answers a client-credentials token with 403 Insufficient client scope', () => {
		const c = testEmulator().client();
		const response = get(c, '/v1/me', appToken(c));
		expect(response.status).toBe(403);
		expect(json(response)).toEqual(webApiErrorBody('insufficient-client-scope'));
	});
});

describe('401 and 400 by era', () => {
	it('2026: one text for missing, invalid and expired tokens, with WWW-Authenticate', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const missing = get(c, '/v1/me');
		expect(missing.status).toBe(401);
		expect(json(missing)).toEqual(webApiErrorBody('missing-invalid-expired-token'));
		expect(missing.headers['www-authenticate']).toBe('Bearer realm="spotify"');
		const invalid = get(c, '/v1/me', 'BQnope');
		expect(json(invalid)).toEqual(webApiErrorBody('missing-invalid-expired-token'));
		expect(invalid.headers['www-authenticate']).toContain('error="invalid_token"');
		const token = userToken(c, '');
		clock.advance(3600_000);
		expect(json(get(c, '/v1/me', token))).toEqual(webApiErrorBody('missing-invalid-expired-token'));
	});

	it('classic: The access token expired for the legacy app', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const token = userToken(c, '', 'demo', legacyApp.clientId);
		clock.advance(3600_000);
		const response = get(c, '/v1/me', token);
		expect(json(response)).toEqual(webApiErrorBody('access-token-expired'));
		expect(response.headers['www-authenticate']).toBe(
			'Bearer realm="spotify", error="invalid_token", error_description="The access token expired"'
		);
	});

	it('classic default era: No token provided and Invalid access token', () => {
		const c = testEmulator({ defaultEra: 'classic' }).client();
		expect(json(get(c, '/v1/me'))).toEqual(webApiErrorBody('no-token-provided'));
		expect(json(get(c, '/v1/me', 'BQnope'))).toEqual(webApiErrorBody('invalid-access-token'));
	});

	it.each(['Basic abc', 'Bearer', 'Bearer a b', "Bearer {'access_token': 'x'}"])(
		'answers %s with 400 Only valid bearer authentication supported',
		(header) => {
			const c = testEmulator().client();
			const response = get(c, '/v1/me', undefined, { authorization: header });
			expect(response.status).toBe(400);
			expect(json(response)).toEqual(webApiErrorBody('only-bearer-supported'));
		}
	);
});

describe('GET /v1/me/top/artists', () => {
	it('needs user-top-read', () => {
		const c = testEmulator().client();
		const response = get(c, '/v1/me/top/artists', userToken(c, 'user-read-private'));
		expect(response.status).toBe(403);
		expect(json(response)).toEqual(webApiErrorBody('insufficient-client-scope'));
	});

	it('pages the user’s top artists', () => {
		const c = testEmulator().client();
		const body = json(get(c, '/v1/me/top/artists?limit=2&offset=1', userToken(c, 'user-top-read')));
		expect(body.total).toBe(6);
		expect((body.items as { name: string }[]).map((a) => a.name)).toEqual([
			'PKCE & the Verifiers',
			'Bearer Token Orchestra'
		]);
		expect(body.next).toContain('/emulator/api/v1/me/top/artists?');
		expect(json(get(c, '/v1/me/top/artists?limit=99', userToken(c, 'user-top-read')))).toEqual(
			webApiErrorBody('invalid-limit')
		);
	});
});

describe('catalog endpoints', () => {
	it('GET /v1/artists/{id} with an app token', () => {
		const c = testEmulator().client();
		const token = appToken(c);
		const artist = json(get(c, '/v1/artists/0GrantwaLkArtist000003', token));
		expect(artist.name).toBe('PKCE & the Verifiers');
		expect(artist.uri).toBe('spotify:artist:0GrantwaLkArtist000003');
		expect(json(get(c, '/v1/artists/spotify:artist:x', token))).toEqual(
			webApiErrorBody('invalid-id')
		);
		expect(json(get(c, '/v1/artists/0000000000000000000000', token))).toEqual(
			webApiErrorBody('resource-not-found')
		);
	});

	it('GET /v1/search with 2026 limits and its errors', () => {
		const c = testEmulator().client();
		const token = appToken(c);
		const body = json(get(c, '/v1/search?q=refresh&type=artist,track', token));
		expect((body.artists as { items: { name: string }[] }).items[0].name).toBe('Refresh Rotation');
		expect((body.artists as { limit: number }).limit).toBe(5);
		expect((body.tracks as { total: number }).total).toBe(1);
		expect(json(get(c, '/v1/search?type=artist', token))).toEqual(
			webApiErrorBody('no-search-query')
		);
		expect(json(get(c, '/v1/search?q=x', token))).toEqual(webApiErrorBody('missing-search-type'));
		expect(json(get(c, '/v1/search?q=x&type=artists', token))).toEqual(
			webApiErrorBody('bad-search-type')
		);
		expect(json(get(c, '/v1/search?q=x&type=artist&limit=11', token))).toEqual(
			webApiErrorBody('invalid-limit')
		);
	});

	it('answers unknown paths 404 and other methods 405', () => {
		const c = testEmulator().client();
		expect(json(get(c, '/v1/nope', appToken(c)))).toEqual(webApiErrorBody('service-not-found'));
		expect(c.call('DELETE', `${api}/v1/me`).status).toBe(405);
	});

	it('sends api.spotify.com’s CORS headers and answers preflights', () => {
		const c = testEmulator().client();
		expect(get(c, '/v1/me').headers['access-control-allow-origin']).toBe('*');
		const pre = c.call('OPTIONS', `${api}/v1/me`);
		expect(pre.status).toBe(204);
		expect(pre.headers['access-control-allow-headers']).toContain('Authorization');
	});
});
