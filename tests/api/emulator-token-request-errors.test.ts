import { expect, test } from '@playwright/test';
import { tokenErrorBody, type SpotifyErrorSlug } from '../../src/lib/spotify/errors';
import { basicAuth, createApp, tokenPath } from '../../src/lib/server/emulator/testing-http';

test.describe('token endpoint errors with Spotify’s exact JSON and status 400', () => {
	const cases: [
		string,
		(
			id: string,
			secret: string
		) => { headers?: Record<string, string>; form?: Record<string, string>; data?: string },
		SpotifyErrorSlug,
		string?
	][] = [
		[
			'wrong client secret',
			(id) => ({
				headers: { authorization: basicAuth(id, '0'.repeat(32)) },
				form: { grant_type: 'client_credentials' }
			}),
			'invalid-client-secret'
		],
		[
			'unknown client',
			() => ({
				headers: { authorization: basicAuth('f'.repeat(32), 'x') },
				form: { grant_type: 'client_credentials' }
			}),
			'invalid-client-token'
		],
		[
			'malformed Basic header',
			() => ({
				headers: { authorization: "Basic b'abc'" },
				form: { grant_type: 'client_credentials' }
			}),
			'invalid-client-malformed'
		],
		[
			'missing grant_type',
			(id, secret) => ({ headers: { authorization: basicAuth(id, secret) }, form: {} }),
			'grant-type-missing'
		],
		[
			'JSON body instead of a form',
			(id, secret) => ({
				headers: { authorization: basicAuth(id, secret), 'content-type': 'application/json' },
				data: '{"grant_type":"client_credentials"}'
			}),
			'grant-type-missing'
		],
		[
			'unknown grant_type',
			(id, secret) => ({
				headers: { authorization: basicAuth(id, secret) },
				form: { grant_type: 'password' }
			}),
			'grant-type-unsupported',
			'password'
		],
		[
			'missing code',
			(id, secret) => ({
				headers: { authorization: basicAuth(id, secret) },
				form: { grant_type: 'authorization_code' }
			}),
			'code-must-be-supplied'
		],
		[
			'invalid refresh token',
			(id, secret) => ({
				headers: { authorization: basicAuth(id, secret) },
				form: { grant_type: 'refresh_token', refresh_token: 'AQnope' }
			}),
			'invalid-refresh-token'
		]
	];
	for (const [name, build, slug, value] of cases) {
		test(name, async ({ request }) => {
			const app = await createApp(request);
			const response = await request.post(tokenPath, build(app.client_id, app.client_secret));
			expect(response.status()).toBe(400);
			expect(response.headers()['content-type']).toBe('application/json');
			expect(await response.json()).toEqual(tokenErrorBody(slug, value));
		});
	}
});

test('the token endpoint allows browser PKCE exchanges (CORS)', async ({ request }) => {
	const response = await request.fetch(tokenPath, {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' }
	});
	expect(response.status()).toBe(204);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
});

test('a cross-origin form POST reaches the token endpoint (like curl from another app)', async ({
	request
}) => {
	const app = await createApp(request);
	const response = await request.post(tokenPath, {
		headers: {
			authorization: basicAuth(app.client_id, app.client_secret),
			origin: 'http://127.0.0.1:3000'
		},
		form: { grant_type: 'client_credentials' }
	});
	expect(response.status()).toBe(200);
});
