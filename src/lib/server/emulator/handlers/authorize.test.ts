import { describe, expect, it } from 'vitest';
import { getSpotifyError } from '../../../spotify/errors';
import { defaultClientId, defaultClientSecret, legacyApp } from '../config';
import { ExpiringMap } from '../expiring-map';
import type { EmulatorStore } from '../store';
import { param, testEmulator, TestClient } from '../testing';

const redirectUri = 'http://127.0.0.1:4173/callback';

function authorizeUrl(params: Record<string, string>): string {
	return `/emulator/accounts/authorize?${new URLSearchParams(params)}`;
}

const valid = { client_id: defaultClientId, response_type: 'code', redirect_uri: redirectUri };

function pageText(slug: Parameters<typeof getSpotifyError>[0]): string {
	return getSpotifyError(slug).text!;
}

describe('GET /authorize hard errors: a page, never a redirect', () => {
	const cases: [string, Record<string, string>, Parameters<typeof getSpotifyError>[0]][] = [
		['missing client_id', { ...valid, client_id: '' }, 'missing-client-id'],
		['unknown client_id', { ...valid, client_id: 'undefined' }, 'invalid-client-authorize'],
		['missing redirect_uri', { ...valid, redirect_uri: '' }, 'missing-redirect-uri'],
		['redirect_uri None', { ...valid, redirect_uri: 'None' }, 'illegal-redirect-uri'],
		[
			'javascript: redirect_uri',
			{ ...valid, redirect_uri: 'javascript:alert(1)' },
			'illegal-redirect-uri'
		],
		[
			'http://localhost',
			{ ...valid, redirect_uri: 'http://localhost:8888/callback' },
			'insecure-redirect-uri'
		],
		[
			'unregistered URI',
			{ ...valid, redirect_uri: 'https://evil.example/callback' },
			'invalid-redirect-uri-authorize'
		],
		[
			'trailing slash',
			{ ...valid, redirect_uri: `${redirectUri}/` },
			'invalid-redirect-uri-authorize'
		],
		['missing response_type', { ...valid, response_type: '' }, 'missing-response-type'],
		[
			'response_type=token today',
			{ ...valid, response_type: 'token' },
			'response-type-must-be-code'
		],
		[
			'response_type=id_token',
			{ ...valid, response_type: 'id_token' },
			'response-type-must-be-code'
		],
		[
			'removed scope',
			{ ...valid, scope: 'user-read-private user-read-birthdate' },
			'illegal-scope'
		],
		['openid scope', { ...valid, scope: 'openid' }, 'illegal-scope']
	];
	it.each(cases)('%s', (_name, params, slug) => {
		const { client } = testEmulator();
		const response = client().call('GET', authorizeUrl(params));
		expect(response.status).toBe(400);
		expect(response.headers.location).toBeUndefined();
		expect(response.headers['content-type']).toMatch(/^text\/html/);
		expect(response.body).toContain(pageText(slug));
	});

	it('serves pages with a CSP that allows no script', () => {
		const { client } = testEmulator();
		const response = client().call('GET', authorizeUrl({ ...valid, client_id: '' }));
		const csp = response.headers['content-security-policy'];
		expect(csp).toContain("default-src 'none'");
		expect(csp).not.toContain('script-src');
		expect(csp).toContain("frame-ancestors 'none'");
		expect(response.body).not.toMatch(/<script/i);
	});
});

describe('GET /authorize success path', () => {
	it('shows a pre-filled login page, then consent, then redirects with code and state', () => {
		const { client } = testEmulator();
		const c = client();
		const login = c.call(
			'GET',
			authorizeUrl({ ...valid, state: 'a b&c', scope: 'user-read-email' })
		);
		expect(login.status).toBe(200);
		expect(login.body).toContain('>Log in</button>');
		expect(login.body).toContain('value="demo"');
		const back = c.login(login);
		expect(back.status).toBe(303);
		expect(back.cookies?.[0]).toMatch(/HttpOnly; SameSite=Lax/);
		const consent = c.follow(back);
		expect(consent.body).toContain('>Agree</button>');
		expect(consent.body).toContain('>Cancel</button>');
		expect(consent.body).toContain('Get your real email address');
		const done = c.consent(consent, 'agree');
		expect(done.status).toBe(303);
		expect(done.headers.location.startsWith(`${redirectUri}?code=AQ`)).toBe(true);
		expect(param(done.headers.location, 'state')).toBe('a b&c');
	});

	it('accepts any port for a loopback literal registered without one', () => {
		const { client } = testEmulator();
		const location = client().authorize({ redirect_uri: 'http://[::1]:61234/callback' });
		expect(location.startsWith('http://[::1]:61234/callback?code=')).toBe(true);
	});

	it('redirects with access_denied and the state when the user cancels', () => {
		const { client } = testEmulator();
		const c = client();
		const consent = c.follow(c.login(c.call('GET', authorizeUrl({ ...valid, state: 's1' }))));
		const done = c.consent(consent, 'cancel');
		expect(done.headers.location).toBe(`${redirectUri}?error=access_denied&state=s1`);
	});

	it('remembers approval per user and app unless show_dialog=true', () => {
		const { client } = testEmulator();
		const c = client();
		c.authorize({ scope: 'user-read-private' });
		const again = c.call('GET', authorizeUrl({ ...valid, scope: 'user-read-private' }));
		expect(again.status).toBe(302);
		expect(param(again.headers.location, 'code')).toMatch(/^AQ/);
		const dialog = c.call(
			'GET',
			authorizeUrl({ ...valid, scope: 'user-read-private', show_dialog: 'true' })
		);
		expect(dialog.status).toBe(200);
		expect(dialog.body).toContain('>Agree</button>');
		const more = c.call(
			'GET',
			authorizeUrl({ ...valid, scope: 'user-read-private user-top-read' })
		);
		expect(more.status).toBe(200);
	});

	it('does not carry one user’s approval to another', () => {
		const { client } = testEmulator();
		client().authorize({ scope: 'user-read-private' }, 'demo');
		const other = client();
		const login = other.call('GET', authorizeUrl({ ...valid, scope: 'user-read-private' }));
		const consent = other.follow(other.login(login, 'alex'));
		expect(consent.status).toBe(200);
		expect(consent.body).toContain('Alex Example');
	});

	it('refuses a wrong password and keeps the user on the login page', () => {
		const { client } = testEmulator();
		const c = client();
		const login = c.call('GET', authorizeUrl(valid));
		const again = c.login(login, 'demo', 'wrong');
		expect(again.status).toBe(200);
		expect(again.body).toContain('Incorrect username or password.');
		expect(c.cookies.has('grantwalk_emu_session')).toBe(false);
	});

	it('escapes everything it reflects', () => {
		const { client } = testEmulator();
		const c = client();
		const evil = 'http://127.0.0.1:4173/callback?x="><script>alert(1)</script>';
		const login = c.call('GET', authorizeUrl({ ...valid, redirect_uri: evil }));
		expect(login.status).toBe(400); // not registered
		expect(login.body).not.toContain('<script>');
		const { emulator } = testEmulator();
		emulator.context.store.apps.get(defaultClientId)!.redirectUris.push(evil);
		const c2 = new TestClient(emulator);
		const consent = c2.follow(
			c2.login(c2.call('GET', authorizeUrl({ ...valid, redirect_uri: evil })))
		);
		expect(consent.status).toBe(200);
		expect(consent.body).not.toContain('<script>');
		expect(consent.body).toContain('&lt;script&gt;');
	});
});

/** Everything the store holds, as text, to look for what must not be there. */
function storeText(store: EmulatorStore, except: string[] = []): string {
	return Object.entries(store)
		.filter(([name, map]) => map instanceof ExpiringMap && !except.includes(name))
		.map(
			([name, map]) =>
				`${name}: ${JSON.stringify([...(map as ExpiringMap<string, unknown>).entries()])}`
		)
		.join('\n');
}

describe('what /authorize keeps while the user logs in', () => {
	const planted = 'planted-in-the-authorize-url';
	const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
	const request = {
		...valid,
		client_secret: planted,
		state: 'st "><b>&',
		scope: 'user-read-email  user-read-private',
		show_dialog: 'TRUE',
		code_challenge: challenge,
		code_challenge_method: 'S256',
		extra: planted
	};

	it('keeps no trace of a client_secret (or any unknown parameter) sent to /authorize', () => {
		const { emulator } = testEmulator();
		const c = new TestClient(emulator);
		const login = c.call('GET', authorizeUrl(request));
		expect(login.status).toBe(200);
		expect(emulator.context.store.interactions.size).toBe(1);
		expect(storeText(emulator.context.store)).not.toContain(planted);
		const real = c.call('GET', authorizeUrl({ ...request, client_secret: defaultClientSecret }));
		expect(real.status).toBe(200);
		expect(storeText(emulator.context.store, ['apps'])).not.toContain(defaultClientSecret);
		expect(storeText(emulator.context.store)).toContain('user-read-email'); // the store was read
	});

	it('continues after login to the same request, without the unknown parameters', () => {
		const { emulator } = testEmulator();
		const c = new TestClient(emulator);
		const back = c.login(c.call('GET', authorizeUrl(request)));
		expect(back.status).toBe(303);
		const location = new URL(back.headers.location, 'http://127.0.0.1:4173');
		expect(location.pathname).toBe('/emulator/accounts/authorize');
		expect(Object.fromEntries(location.searchParams)).toEqual({
			client_id: defaultClientId,
			response_type: 'code',
			redirect_uri: redirectUri,
			state: 'st "><b>&',
			scope: 'user-read-email user-read-private',
			show_dialog: 'true',
			code_challenge: challenge,
			code_challenge_method: 'S256'
		});
		expect(storeText(emulator.context.store)).not.toContain(planted);
		const consent = c.follow(back);
		expect(consent.status).toBe(200);
		expect(consent.body).toContain('>Agree</button>');
		expect(consent.body).toContain('Get your real email address');
		expect(storeText(emulator.context.store)).not.toContain(planted);
		const done = c.consent(consent, 'agree');
		expect(done.status).toBe(303);
		const code = param(done.headers.location, 'code')!;
		expect(param(done.headers.location, 'state')).toBe('st "><b>&');
		const record = emulator.context.store.codes.get(code)!;
		expect(record.codeChallenge).toBe(challenge);
		expect(record.scopes).toEqual(['user-read-email', 'user-read-private']);
	});

	it('keeps the implicit grant and an empty state as they were', () => {
		const legacy = {
			client_id: legacyApp.clientId,
			redirect_uri: 'http://localhost:8888/callback'
		};
		const { client } = testEmulator();
		const location = client().authorize({ ...legacy, response_type: 'token', state: '' });
		expect(location.startsWith('http://localhost:8888/callback#access_token=BQ')).toBe(true);
		expect(param(location, 'state', 'fragment')).toBe('');
	});
});

describe('CSRF and sessions', () => {
	it('refuses a consent without the CSRF cookie', () => {
		const { client } = testEmulator();
		const c = client();
		const consent = c.follow(c.login(c.call('GET', authorizeUrl(valid))));
		c.cookies.delete('grantwalk_emu_csrf');
		expect(c.consent(consent, 'agree').status).toBe(400);
	});

	it('refuses a consent posted from another origin', () => {
		const { client } = testEmulator();
		const c = client();
		const consent = c.follow(c.login(c.call('GET', authorizeUrl(valid))));
		const response = c.call('POST', '/emulator/accounts/consent', {
			headers: { origin: 'https://evil.example' },
			form: {
				csrf: TestClient.field(consent, 'csrf'),
				interaction: TestClient.field(consent, 'interaction'),
				action: 'agree'
			}
		});
		expect(response.status).toBe(400);
		expect(response.headers.location).toBeUndefined();
	});

	it('refuses a consent page shown to another session', () => {
		const { client } = testEmulator();
		const a = client();
		const consent = a.follow(a.login(a.call('GET', authorizeUrl(valid))));
		const b = client();
		b.follow(b.login(b.call('GET', authorizeUrl(valid)), 'alex'));
		b.cookies.set('grantwalk_emu_csrf', a.cookies.get('grantwalk_emu_csrf')!);
		expect(b.consent(consent, 'agree').status).toBe(400);
	});
});

describe('implicit grant by era', () => {
	const legacy = { client_id: legacyApp.clientId, redirect_uri: 'http://localhost:8888/callback' };

	it('returns the token in the fragment for the legacy (classic) app', () => {
		const { client } = testEmulator();
		const location = client().authorize({ ...legacy, response_type: 'token', state: 'st' });
		expect(location.startsWith('http://localhost:8888/callback#access_token=BQ')).toBe(true);
		expect(param(location, 'token_type', 'fragment')).toBe('Bearer');
		expect(param(location, 'expires_in', 'fragment')).toBe('3600');
		expect(param(location, 'state', 'fragment')).toBe('st');
	});

	it('redirects with #error=unsupported_response_type in the 2025-11 era', () => {
		const { emulator } = testEmulator();
		emulator.context.store.apps.get(defaultClientId)!.era = '2025-11';
		const response = new TestClient(emulator).call(
			'GET',
			authorizeUrl({ ...valid, response_type: 'token', state: 'q' })
		);
		expect(response.status).toBe(302);
		expect(response.headers.location).toBe(
			`${redirectUri}#error=unsupported_response_type&state=q`
		);
	});
});

describe('PKCE parameters', () => {
	it('refuses plain with invalid_request on the redirect', () => {
		const { client } = testEmulator();
		const response = client().call(
			'GET',
			authorizeUrl({ ...valid, code_challenge: 'abc', code_challenge_method: 'plain', state: 'z' })
		);
		expect(response.status).toBe(302);
		expect(response.headers.location).toBe(`${redirectUri}?error=invalid_request&state=z`);
	});
});
