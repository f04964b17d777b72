/**
 * Property tests: no input makes /authorize, /api/token or the consent replay answer 5xx, crash,
 * or redirect to an unregistered URI. Seeded, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultClientId, defaultRedirectUris } from './config';
import { redirectUriMatches } from '../../spotify/redirect-uri';
import { basic, testEmulator } from './testing';

const names = [
	'client_id',
	'response_type',
	'redirect_uri',
	'state',
	'scope',
	'show_dialog',
	'code_challenge',
	'code_challenge_method',
	'grant_type',
	'code',
	'code_verifier',
	'refresh_token',
	'client_secret'
];

const value = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom(
		defaultClientId,
		'code',
		'token',
		'S256',
		'plain',
		'authorization_code',
		'client_credentials',
		'refresh_token',
		'http://127.0.0.1/callback',
		'http://127.0.0.1:1/callback',
		'http://localhost/cb',
		'javascript:alert(1)',
		'%',
		'%zz',
		'\u0000',
		'user-read-private openid'
	),
	fc.string({ minLength: 5000, maxLength: 20000 })
);

const pairs = fc.array(
	fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })), value),
	{ maxLength: 12 }
);

function encode(list: [string, string][]): string {
	return list.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

const runs = { numRuns: 400, seed: 20261127 };

describe('fuzz', () => {
	it('/authorize always answers a Spotify-shaped page or a redirect to a registered URI', () => {
		const { emulator } = testEmulator();
		fc.assert(
			fc.property(
				pairs,
				fc.constantFrom('GET', 'POST', 'PUT', 'HEAD'),
				fc.boolean(),
				(list, method, raw) => {
					const query = raw ? list.map(([k, v]) => `${k}=${v}`).join('&') : encode(list);
					let url: URL;
					try {
						url = new URL(`http://127.0.0.1:4173/emulator/accounts/authorize?${query}`);
					} catch {
						return;
					}
					const response = emulator.handleRaw({ method, url, header: () => null, body: '' });
					expect(response.status).toBeLessThan(500);
					if (response.status >= 300 && response.status < 400) {
						const target = response.headers.location.split(/[?#]/)[0];
						expect(defaultRedirectUris.some((r) => redirectUriMatches(r, target))).toBe(true);
					} else {
						expect(response.headers['content-type']).toMatch(/^text\/html/);
					}
				}
			),
			runs
		);
	});

	it('/api/token always answers RFC 6749-shaped JSON', () => {
		const { emulator } = testEmulator();
		const contentTypes = fc.constantFrom(
			'application/x-www-form-urlencoded',
			'application/json',
			'text/plain',
			'multipart/form-data; boundary=x',
			'',
			'application/x-www-form-urlencoded; charset=utf-8'
		);
		const auth = fc.oneof(
			fc.constant(null),
			fc.constant(basic()),
			fc.string({ maxLength: 60 }),
			fc.string({ maxLength: 40 }).map((s) => `Basic ${s}`),
			fc.string({ maxLength: 40 }).map((s) => `Basic ${Buffer.from(s).toString('base64')}`)
		);
		fc.assert(
			fc.property(
				pairs,
				contentTypes,
				auth,
				fc.constantFrom('POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'),
				fc.boolean(),
				(list, type, authorization, method, raw) => {
					const headers: Record<string, string | null> = { 'content-type': type, authorization };
					const body = raw ? list.map(([k, v]) => `${k}=${v}`).join('&') : encode(list);
					const response = emulator.handleRaw({
						method,
						url: new URL('http://127.0.0.1:4173/emulator/accounts/api/token'),
						header: (n) => headers[n] ?? null,
						body
					});
					expect(response.status).toBeLessThan(500);
					if (method === 'OPTIONS') return;
					const parsed = JSON.parse(response.body) as Record<string, unknown>;
					if (response.status === 200) expect(parsed.token_type).toBe('Bearer');
					else expect(typeof parsed.error).toBe('string');
				}
			),
			runs
		);
	});

	it('control/authorize answers the page, the redirect or invalid_request, for any URL and seed', () => {
		const { emulator } = testEmulator();
		const seedCookie = fc.option(fc.string({ maxLength: 80 }).map(encodeURIComponent));
		fc.assert(
			fc.property(
				pairs,
				fc.constantFrom('agree', 'cancel', 'accept', 7),
				fc.constantFrom(undefined, 'demo', 'alex', 'ALEX ', 'mallory', null),
				seedCookie,
				(list, decision, username, seed) => {
					const url = `http://127.0.0.1:4173/emulator/accounts/authorize?${encode(list)}`;
					const headers: Record<string, string> = { 'content-type': 'application/json' };
					if (seed !== null) headers.cookie = `grantwalk_seed=${seed}`;
					const response = emulator.handleRaw({
						method: 'POST',
						url: new URL('http://127.0.0.1:4173/emulator/control/authorize'),
						header: (n) => headers[n] ?? null,
						body: JSON.stringify({ url, decision, username })
					});
					const body = JSON.parse(response.body) as Record<string, unknown>;
					if (response.status === 400) {
						expect(body.error).toBe('invalid_request');
					} else if (body.outcome === 'page') {
						expect(response.status).toBe(200);
						expect(typeof body.text).toBe('string');
					} else {
						expect(response.status).toBe(200);
						expect(body.outcome).toBe('redirect');
						const target = (body.location as string).split(/[?#]/)[0];
						expect(defaultRedirectUris.some((r) => redirectUriMatches(r, target))).toBe(true);
					}
				}
			),
			runs
		);
	});

	it('the Web API answers Spotify-shaped JSON for any path and header', () => {
		const { emulator } = testEmulator();
		fc.assert(
			fc.property(fc.webPath(), fc.option(fc.string({ maxLength: 80 })), (path, authorization) => {
				const response = emulator.handleRaw({
					method: 'GET',
					url: new URL(`http://127.0.0.1:4173/emulator/api${path}`),
					header: (n) => (n === 'authorization' ? authorization : null),
					body: ''
				});
				expect(response.status).toBeLessThan(500);
				const parsed = JSON.parse(response.body) as { error?: { status: number } };
				expect(parsed.error?.status).toBe(response.status);
			}),
			runs
		);
	});
});
