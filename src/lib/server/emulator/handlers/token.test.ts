import { describe, expect, it } from 'vitest';
import { tokenErrorBody } from '../../../spotify/errors';
import { defaultClientId, defaultClientSecret, legacyApp } from '../config';
import { basic, json, param, testEmulator, type TestClient } from '../testing';

const token = '/emulator/accounts/api/token';
const redirectUri = 'http://127.0.0.1:4173/callback';
/** RFC 7636 Appendix B. */
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const standardBase64Challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=';

function codeFor(c: TestClient, params: Record<string, string> = {}): string {
	return param(c.authorize({ scope: 'user-read-private user-top-read', ...params }), 'code')!;
}

function exchange(
	c: TestClient,
	form: Record<string, string>,
	headers: Record<string, string> = { authorization: basic() }
) {
	return c.call('POST', token, {
		headers,
		form: { grant_type: 'authorization_code', redirect_uri: redirectUri, ...form }
	});
}

describe('authorization_code (confidential)', () => {
	it('answers the five fields in Spotify’s order, compact JSON, no-store', () => {
		const c = testEmulator().client();
		const response = exchange(c, { code: codeFor(c) });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/json');
		expect(response.headers['cache-control']).toBe('no-store');
		expect(response.body).not.toContain('\n');
		const body = json(response);
		expect(Object.keys(body)).toEqual([
			'access_token',
			'token_type',
			'expires_in',
			'refresh_token',
			'scope'
		]);
		expect(body.token_type).toBe('Bearer');
		expect(body.expires_in).toBe(3600);
		expect(body.scope).toBe('user-read-private user-top-read');
		expect(body.access_token).toMatch(/^BQ[\w-]+$/);
		expect(body.refresh_token).toMatch(/^AQ[\w-]+$/);
	});

	it('accepts client_id and client_secret in the body instead of Basic', () => {
		const c = testEmulator().client();
		const response = exchange(
			c,
			{ code: codeFor(c), client_id: defaultClientId, client_secret: defaultClientSecret },
			{}
		);
		expect(response.status).toBe(200);
	});

	it('is single use: a second exchange is an invalid code', () => {
		const c = testEmulator().client();
		const code = codeFor(c);
		expect(exchange(c, { code }).status).toBe(200);
		const again = exchange(c, { code });
		expect(again.status).toBe(400);
		expect(json(again)).toEqual(tokenErrorBody('invalid-authorization-code'));
	});

	it('expires codes after ten minutes', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const code = codeFor(c);
		clock.advance(600_000);
		expect(json(exchange(c, { code }))).toEqual(tokenErrorBody('authorization-code-expired'));
	});

	it('accepts a code just under ten minutes old', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const code = codeFor(c);
		clock.advance(599_000);
		expect(exchange(c, { code }).status).toBe(200);
	});

	const errors: [
		string,
		(c: TestClient) => ReturnType<TestClient['call']>,
		Parameters<typeof tokenErrorBody>[0]
	][] = [
		['code missing', (c) => exchange(c, {}), 'code-must-be-supplied'],
		['unknown code', (c) => exchange(c, { code: 'AQnope' }), 'invalid-authorization-code'],
		[
			'redirect_uri differs',
			(c) => exchange(c, { code: codeFor(c), redirect_uri: `${redirectUri}/` }),
			'invalid-redirect-uri-token'
		],
		[
			'redirect_uri double-encoded',
			(c) => exchange(c, { code: codeFor(c), redirect_uri: encodeURIComponent(redirectUri) }),
			'invalid-redirect-uri-token'
		],
		[
			'wrong secret',
			(c) =>
				exchange(
					c,
					{ code: codeFor(c) },
					{ authorization: basic(defaultClientId, 'f'.repeat(32)) }
				),
			'invalid-client-secret'
		],
		[
			'unknown client',
			(c) => exchange(c, { code: 'x' }, { authorization: basic('0'.repeat(32), 'x') }),
			'invalid-client-token'
		],
		[
			'Basic header not base64',
			(c) => exchange(c, { code: 'x' }, { authorization: "Basic b'ZGVtbzpzZWNyZXQ='" }),
			'invalid-client-malformed'
		],
		[
			'Basic with a newline from echo',
			(c) =>
				exchange(
					c,
					{ code: 'x' },
					{
						authorization: `Basic ${Buffer.from(`${defaultClientId}:${defaultClientSecret}\n`).toString('base64')}`
					}
				),
			'invalid-client-malformed'
		],
		[
			'no credentials at all',
			(c) => exchange(c, { code: codeFor(c) }, {}),
			'invalid-client-malformed'
		],
		[
			'client_id alone for a code without PKCE',
			(c) => exchange(c, { code: codeFor(c), client_id: defaultClientId }, {}),
			'invalid-client-malformed'
		],
		[
			'code of another client',
			(c) =>
				exchange(
					c,
					{ code: codeFor(c) },
					{ authorization: basic(legacyApp.clientId, legacyApp.clientSecret) }
				),
			'invalid-authorization-code'
		]
	];
	it.each(errors)('%s', (_name, send, slug) => {
		const c = testEmulator().client();
		const response = send(c);
		expect(response.status).toBe(400);
		expect(json(response)).toEqual(tokenErrorBody(slug));
	});
});

describe('authorization_code with PKCE', () => {
	const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
	const publicClient = {};

	it('accepts the RFC 7636 appendix B verifier with client_id alone', () => {
		const c = testEmulator().client();
		const response = exchange(
			c,
			{ code: codeFor(c, pkce), client_id: defaultClientId, code_verifier: verifier },
			publicClient
		);
		expect(response.status).toBe(200);
		expect(json(response).refresh_token).toMatch(/^AQ/);
	});

	it('rejects the standard-base64 challenge as Spotify does: code_verifier was incorrect', () => {
		const c = testEmulator().client();
		const code = codeFor(c, { ...pkce, code_challenge: standardBase64Challenge });
		const response = exchange(
			c,
			{ code, client_id: defaultClientId, code_verifier: verifier },
			publicClient
		);
		expect(json(response)).toEqual(tokenErrorBody('code-verifier-incorrect'));
	});

	it('requires the verifier', () => {
		const c = testEmulator().client();
		const response = exchange(
			c,
			{ code: codeFor(c, pkce), client_id: defaultClientId },
			publicClient
		);
		expect(json(response)).toEqual(tokenErrorBody('code-verifier-required'));
	});

	it('calls a verifier outside RFC 7636’s alphabet or length invalid', () => {
		const c = testEmulator().client();
		const response = exchange(
			c,
			{ code: codeFor(c, pkce), client_id: defaultClientId, code_verifier: 'short' },
			publicClient
		);
		expect(json(response)).toEqual(tokenErrorBody('code-verifier-invalid'));
	});

	it('still requires the verifier when the secret is sent too', () => {
		const c = testEmulator().client();
		const response = exchange(c, { code: codeFor(c, pkce) });
		expect(json(response)).toEqual(tokenErrorBody('code-verifier-required'));
	});

	it('keeps the code usable after a wrong verifier, then single use', () => {
		const c = testEmulator().client();
		const code = codeFor(c, pkce);
		const form = { code, client_id: defaultClientId };
		expect(exchange(c, { ...form, code_verifier: 'x'.repeat(43) }, publicClient).status).toBe(400);
		expect(exchange(c, { ...form, code_verifier: verifier }, publicClient).status).toBe(200);
		expect(exchange(c, { ...form, code_verifier: verifier }, publicClient).status).toBe(400);
	});
});

describe('refresh_token', () => {
	function tokensFor(c: TestClient, pkce: boolean) {
		const extra: Record<string, string> = pkce
			? { code_challenge: challenge, code_challenge_method: 'S256' }
			: {};
		const form: Record<string, string> = pkce
			? { client_id: defaultClientId, code_verifier: verifier }
			: {};
		return json(
			exchange(c, { code: codeFor(c, extra), ...form }, pkce ? {} : { authorization: basic() })
		);
	}
	function refresh(c: TestClient, refreshToken: string, pkce: boolean) {
		return c.call('POST', token, {
			headers: pkce ? {} : { authorization: basic() },
			form: {
				grant_type: 'refresh_token',
				refresh_token: refreshToken,
				...(pkce ? { client_id: defaultClientId } : {})
			}
		});
	}

	it('2026 era: no new refresh token, the old one keeps working', () => {
		const c = testEmulator().client();
		const first = tokensFor(c, true);
		const response = refresh(c, first.refresh_token as string, true);
		expect(Object.keys(json(response))).toEqual([
			'access_token',
			'token_type',
			'expires_in',
			'scope'
		]);
		expect(refresh(c, first.refresh_token as string, true).status).toBe(200);
	});

	it('2026 era: refresh tokens stop six months after the authorization', () => {
		const { client, clock } = testEmulator();
		const c = client();
		const first = tokensFor(c, false);
		clock.advance(184 * 24 * 3600_000);
		expect(json(refresh(c, first.refresh_token as string, false))).toEqual(
			tokenErrorBody('invalid-refresh-token')
		);
	});

	it('2025-11 era: a PKCE refresh rotates and the old token is then revoked', () => {
		const { emulator, client } = testEmulator();
		emulator.context.store.apps.get(defaultClientId)!.era = '2025-11';
		const c = client();
		const first = tokensFor(c, true);
		const second = json(refresh(c, first.refresh_token as string, true));
		expect(second.refresh_token).toMatch(/^AQ/);
		expect(second.refresh_token).not.toBe(first.refresh_token);
		expect(json(refresh(c, first.refresh_token as string, true))).toEqual(
			tokenErrorBody('refresh-token-revoked')
		);
		expect(refresh(c, second.refresh_token as string, true).status).toBe(200);
	});

	it('2025-11 era: a confidential refresh does not rotate', () => {
		const { emulator, client } = testEmulator();
		emulator.context.store.apps.get(defaultClientId)!.era = '2025-11';
		const c = client();
		const first = tokensFor(c, false);
		expect(json(refresh(c, first.refresh_token as string, false)).refresh_token).toBeUndefined();
	});

	it('errors: missing, unknown, another client’s, confidential token without secret', () => {
		const c = testEmulator().client();
		const first = tokensFor(c, false);
		expect(
			json(
				c.call('POST', token, {
					headers: { authorization: basic() },
					form: { grant_type: 'refresh_token' }
				})
			)
		).toEqual(tokenErrorBody('refresh-token-must-be-supplied'));
		expect(json(refresh(c, 'AQgarbage', false))).toEqual(tokenErrorBody('invalid-refresh-token'));
		const other = c.call('POST', token, {
			headers: { authorization: basic(legacyApp.clientId, legacyApp.clientSecret) },
			form: { grant_type: 'refresh_token', refresh_token: first.refresh_token as string }
		});
		expect(json(other)).toEqual(tokenErrorBody('invalid-refresh-token'));
		expect(json(refresh(c, first.refresh_token as string, true))).toEqual(
			tokenErrorBody('invalid-client-malformed')
		);
	});
});

describe('client_credentials', () => {
	it('answers three fields: no refresh token, no scope', () => {
		const c = testEmulator().client();
		const response = c.call('POST', token, {
			headers: { authorization: basic() },
			form: { grant_type: 'client_credentials', scope: 'user-read-email' }
		});
		expect(Object.keys(json(response))).toEqual(['access_token', 'token_type', 'expires_in']);
	});

	it('needs the secret', () => {
		const c = testEmulator().client();
		const response = c.call('POST', token, {
			form: { grant_type: 'client_credentials', client_id: defaultClientId }
		});
		expect(json(response)).toEqual(tokenErrorBody('invalid-client-malformed'));
	});
});

describe('request shape', () => {
	it('answers a JSON body with grant_type parameter is missing', () => {
		const c = testEmulator().client();
		const response = c.call('POST', token, {
			headers: { authorization: basic(), 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials' })
		});
		expect(response.status).toBe(400);
		expect(json(response)).toEqual(tokenErrorBody('grant-type-missing'));
	});

	it('echoes an unknown grant_type', () => {
		const c = testEmulator().client();
		const response = c.call('POST', token, {
			headers: { authorization: basic() },
			form: { grant_type: 'client_credentials ' }
		});
		expect(response.body).toBe(
			'{"error":"unsupported_grant_type","error_description":"grant_type client_credentials  is not supported"}'
		);
	});

	it('answers GET with 405 and a token-style error', () => {
		const c = testEmulator().client();
		const response = c.call('GET', `${token}?grant_type=client_credentials`);
		expect(response.status).toBe(405);
		expect(json(response)).toEqual(tokenErrorBody('token-method-not-allowed'));
	});

	it('allows browser PKCE exchanges: CORS preflight and headers', () => {
		const c = testEmulator().client();
		const pre = c.call('OPTIONS', token, {
			headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' }
		});
		expect(pre.status).toBe(204);
		expect(pre.headers['access-control-allow-origin']).toBe('*');
		expect(pre.headers['access-control-allow-methods']).toContain('POST');
		const post = c.call('POST', token, { form: { grant_type: 'x' } });
		expect(post.headers['access-control-allow-origin']).toBe('*');
	});
});
