import { describe, expect, it } from 'vitest';
import { tokenErrorBody, webApiErrorBody } from '../../../spotify/errors';
import { defaultClientId } from '../config';
import { basic, json, param, testEmulator, type TestClient } from '../testing';

function control(c: TestClient, path: string, body: unknown) {
	return c.control(path, body);
}

function appToken(c: TestClient, id = defaultClientId, secret?: string) {
	const response = c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic(id, secret) },
		form: { grant_type: 'client_credentials' }
	});
	return json(response).access_token as string;
}

describe('control API', () => {
	it('creates an isolated app whose clock can jump past a code’s ten minutes', () => {
		const c = testEmulator().client();
		const app = json(
			control(c, '/apps', { name: 'Mine', redirect_uris: ['http://127.0.0.1/callback'] })
		);
		expect(app.client_id).toMatch(/^[0-9a-f]{32}$/);
		const location = c.authorize({ client_id: app.client_id as string });
		expect(control(c, '/clock', { client_id: app.client_id, advance_seconds: 601 }).status).toBe(
			200
		);
		const response = c.call('POST', '/emulator/accounts/api/token', {
			headers: { authorization: basic(app.client_id as string, app.client_secret as string) },
			form: {
				grant_type: 'authorization_code',
				code: param(location, 'code')!,
				redirect_uri: 'http://127.0.0.1:4173/callback'
			}
		});
		expect(json(response)).toEqual(tokenErrorBody('authorization-code-expired'));
		// The demo app's clock did not move.
		const demoCode = param(c.authorize({}), 'code')!;
		const demo = c.call('POST', '/emulator/accounts/api/token', {
			headers: { authorization: basic() },
			form: {
				grant_type: 'authorization_code',
				code: demoCode,
				redirect_uri: 'http://127.0.0.1:4173/callback'
			}
		});
		expect(demo.status).toBe(200);
	});

	it('refuses insecure redirect URIs for a 2026 app', () => {
		const c = testEmulator().client();
		const response = control(c, '/apps', { redirect_uris: ['http://localhost/callback'] });
		expect(response.status).toBe(400);
		expect(json(response).error_description).toContain('This redirect URI is not secure.');
	});

	it('refuses a redirect URI that could split a Location header', () => {
		const c = testEmulator().client();
		const response = control(c, '/apps', {
			redirect_uris: ['https://a.example/x\r\nSet-Cookie: y=1']
		});
		expect(response.status).toBe(400);
	});

	it('expires an access token now', () => {
		const c = testEmulator().client();
		const token = appToken(c);
		expect(json(control(c, '/expire', { access_token: token }))).toEqual({
			expired: 'access_token'
		});
		const response = c.call('GET', '/emulator/api/v1/artists/0GrantwaLkArtist000001', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(401);
	});

	it('rate-limits a client: 429 with Retry-After', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const token = appToken(c);
		control(c, '/rate-limit', { client_id: defaultClientId, seconds: 30 });
		const limited = c.call('GET', '/emulator/api/v1/artists/0GrantwaLkArtist000001', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('30');
		expect(json(limited)).toEqual(webApiErrorBody('rate-limited'));
		clock.advance(30_000);
		expect(
			c.call('GET', '/emulator/api/v1/artists/0GrantwaLkArtist000001', {
				headers: { authorization: `Bearer ${token}` }
			}).status
		).toBe(200);
	});

	it('resets everything but the seeded apps', () => {
		const c = testEmulator().client();
		const token = appToken(c);
		control(c, '/reset', {});
		expect(
			c.call('GET', '/emulator/api/v1/artists/0GrantwaLkArtist000001', {
				headers: { authorization: `Bearer ${token}` }
			}).status
		).toBe(401);
		expect(appToken(c)).toMatch(/^BQ/);
	});

	it('takes only JSON, so no cross-site form can drive it', () => {
		const c = testEmulator().client();
		const response = c.call('POST', '/emulator/control/reset', { form: { x: '1' } });
		expect(response.status).toBe(400);
	});

	it('is absent when switched off', () => {
		const c = testEmulator({ control: false }).client();
		expect(control(c, '/reset', {}).status).toBe(404);
	});
});
