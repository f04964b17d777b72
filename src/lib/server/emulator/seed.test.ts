import { describe, expect, it } from 'vitest';
import { seedCookieName } from '../../spotify/emulator-seed';
import { tokenErrorBody } from '../../spotify/errors';
import { s256 } from './checks/check-pkce';
import { manualClock } from './clock';
import { defaultClientId, defaultConfig, legacyApp, type EmulatorConfig } from './config';
import { csrfCookie, sessionCookie } from './cookies';
import { createEmulator, type Emulator } from './index';
import { emulatorFromEnv } from './instance';
import { requestSeed, seededBytes } from './seed';
import { basic, json, origin, param, TestClient } from './testing';

const tokenPath = '/emulator/accounts/api/token';
const redirectUri = `${origin}/callback`;
const verifier = 'x'.repeat(20) + 'seeded-run-verifier-0123456789';

/** An emulator on the real CSPRNG: only the seed can make two of them agree. */
function emulator(config: Partial<EmulatorConfig> = {}): Emulator {
	return createEmulator({ clock: manualClock(), config: { ...defaultConfig(), ...config } });
}

function browser(e: Emulator, seed?: string): TestClient {
	const c = new TestClient(e);
	if (seed !== undefined) c.cookies.set(seedCookieName, encodeURIComponent(seed));
	return c;
}

function post(c: TestClient, form: Record<string, string>, auth = true) {
	return c.call('POST', tokenPath, { headers: auth ? { authorization: basic() } : {}, form });
}

interface Run {
	code: string;
	access: string;
	refresh: string;
	refreshed: string[];
	appToken: string;
}

/** The run's PKCE authorization (login, Agree): its code. */
function authorizeRun(c: TestClient, state: string): string {
	const location = c.authorize({
		state,
		scope: 'user-read-private',
		code_challenge: s256(verifier),
		code_challenge_method: 'S256'
	});
	return param(location, 'code')!;
}

/** The run's PKCE exchange of `code`: its tokens. */
function exchangeRun(c: TestClient, code: string): { access: string; refresh: string } {
	const form = {
		grant_type: 'authorization_code',
		code,
		redirect_uri: redirectUri,
		client_id: defaultClientId,
		code_verifier: verifier
	};
	const tokens = json(post(c, form, false));
	return { access: tokens.access_token as string, refresh: tokens.refresh_token as string };
}

/** One explorer run: PKCE authorize, exchange, two refreshes, client credentials. */
function run(c: TestClient, state = 'st4te'): Run {
	const code = authorizeRun(c, state);
	const { access, refresh } = exchangeRun(c, code);
	const refreshed = [0, 1].map((i) => {
		const answer = post(
			c,
			{ grant_type: 'refresh_token', refresh_token: refresh, client_id: defaultClientId },
			false
		);
		expect(answer.status, `refresh ${i}`).toBe(200);
		return json(answer).access_token as string;
	});
	const appToken = json(post(c, { grant_type: 'client_credentials' })).access_token as string;
	return { code, access, refresh, refreshed, appToken };
}

/** Another client's traffic: a plain code flow, a client-credentials token, an unseeded login. */
function otherTraffic(e: Emulator, seed?: string): void {
	const c = browser(e, seed);
	const code = param(c.authorize({ state: 'someone else' }), 'code')!;
	post(c, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
	post(c, { grant_type: 'client_credentials', scope: 'x' });
}

describe('requestSeed', () => {
	const ctx = emulator({ seed: 'from env' }).context;
	const withCookie = (cookie: string | null) => ({
		method: 'GET',
		url: new URL(origin),
		header: (name: string) => (name === 'cookie' ? cookie : null),
		body: ''
	});

	it('takes the grantwalk_seed cookie, URL-decoded, over EMULATOR_SEED', () => {
		expect(requestSeed(ctx, withCookie('a=1; grantwalk_seed=class%202026; b=2'))).toBe(
			'class 2026'
		);
		expect(requestSeed(ctx, withCookie(`grantwalk_seed=${'s'.repeat(64)}`))).toBe('s'.repeat(64));
	});

	it('falls back on EMULATOR_SEED for no, an empty, a too long or a mis-encoded cookie', () => {
		for (const cookie of [
			null,
			'grantwalk_seed=',
			`grantwalk_seed=${'s'.repeat(65)}`,
			'grantwalk_seed=%E0%A4%A'
		])
			expect(requestSeed(ctx, withCookie(cookie)), String(cookie)).toBe('from env');
	});

	it('has no seed without either', () => {
		expect(requestSeed(emulator().context, withCookie(null))).toBeNull();
	});
});

describe('seededBytes', () => {
	it('depends on the seed, the kind and each input, and keeps inputs apart', () => {
		const base = Buffer.from(seededBytes('s', 'code', ['a b', 'c'], 40)).toString('hex');
		expect(Buffer.from(seededBytes('s', 'code', ['a b', 'c'], 40)).toString('hex')).toBe(base);
		for (const other of [
			seededBytes('t', 'code', ['a b', 'c'], 40),
			seededBytes('s', 'access', ['a b', 'c'], 40),
			seededBytes('s', 'code', ['a', 'b c'], 40),
			seededBytes('s', 'code', ['a b', null], 40)
		])
			expect(Buffer.from(other).toString('hex')).not.toBe(base);
		expect(seededBytes('s', 'code', [], 150)).toHaveLength(150);
	});
});

describe('a seeded run', () => {
	it('gives the same code and tokens on two instances, whatever other clients did before', () => {
		const first = run(browser(emulator(), 'workshop'));
		const second = emulator();
		otherTraffic(second);
		otherTraffic(second, 'another seed');
		expect(run(browser(second, 'workshop'))).toEqual(first);
		expect(first.code).toMatch(/^AQ[\w-]{200}$/);
		expect(first.access).toMatch(/^BQ[\w-]{128}$/);
		expect(first.refresh).toMatch(/^AQ[\w-]{131}$/);
		expect(new Set([first.access, ...first.refreshed, first.appToken]).size).toBe(4);
	});

	it('gives the same values again on one instance after the first run consumed them', () => {
		const e = emulator();
		const first = run(browser(e, 'workshop'));
		otherTraffic(e);
		expect(run(browser(e, 'workshop'))).toEqual(first);
	});

	it('is not disturbed by another client between its authorize and its exchange', () => {
		const reference = run(browser(emulator(), 'workshop'));
		const e = emulator();
		const c = browser(e, 'workshop');
		const code = authorizeRun(c, 'st4te');
		otherTraffic(e);
		otherTraffic(e, 'another seed');
		const tokens = exchangeRun(c, code);
		expect(code).toBe(reference.code);
		expect(tokens).toEqual({ access: reference.access, refresh: reference.refresh });
	});

	it('differs for another seed and for another state', () => {
		const base = run(browser(emulator(), 'workshop'));
		for (const other of [
			run(browser(emulator(), 'workshop 2')),
			run(browser(emulator(), 'workshop'), 'other state')
		]) {
			expect(other.code).not.toBe(base.code);
			expect(other.access).not.toBe(base.access);
			expect(other.refresh).not.toBe(base.refresh);
			expect(other.refreshed[0]).not.toBe(base.refreshed[0]);
		}
		// The client-credentials token depends on the seed, not on the state of a user's run.
		expect(run(browser(emulator(), 'workshop 2')).appToken).not.toBe(base.appToken);
		expect(run(browser(emulator(), 'workshop'), 'other state').appToken).toBe(base.appToken);
	});

	it('still uses a code once: the same code twice in a row is invalid_grant', () => {
		const c = browser(emulator(), 'workshop');
		const code = param(c.authorize({ state: 's' }), 'code')!;
		const form = { grant_type: 'authorization_code', code, redirect_uri: redirectUri };
		expect(post(c, form).status).toBe(200);
		const again = post(c, form);
		expect(again.status).toBe(400);
		expect(json(again)).toEqual(tokenErrorBody('invalid-authorization-code'));
	});

	it('rotates refresh tokens the same way on every run, and the rotated-out one stays revoked', () => {
		// The legacy app's classic rules rotate PKCE refresh tokens (reference §6).
		const rotate = (e: Emulator) => {
			const c = browser(e, 'rotation');
			const id = legacyApp.clientId;
			const code = param(
				c.authorize({
					client_id: id,
					code_challenge: s256(verifier),
					code_challenge_method: 'S256'
				}),
				'code'
			)!;
			const exchange = { grant_type: 'authorization_code', code, client_id: id };
			const first = json(
				post(c, { ...exchange, redirect_uri: redirectUri, code_verifier: verifier }, false)
			);
			const refresh = { grant_type: 'refresh_token', client_id: id };
			const old = first.refresh_token as string;
			const rotated = json(post(c, { ...refresh, refresh_token: old }, false));
			expect(json(post(c, { ...refresh, refresh_token: old }, false))).toEqual(
				tokenErrorBody('refresh-token-revoked')
			);
			const next = rotated.refresh_token as string;
			expect(next).toMatch(/^AQ/);
			expect(next).not.toBe(old);
			const again = json(post(c, { ...refresh, refresh_token: next }, false));
			return [old, rotated.access_token, next, again.access_token, again.refresh_token];
		};
		const e = emulator();
		const first = rotate(e);
		expect(rotate(e)).toEqual(first);
		expect(rotate(emulator())).toEqual(first);
	});

	it('follows EMULATOR_SEED without a cookie, and a cookie overrides it', () => {
		const fromEnv = run(browser(emulatorFromEnv({ EMULATOR_SEED: 'class' })));
		expect(run(browser(emulatorFromEnv({ EMULATOR_SEED: 'class' })))).toEqual(fromEnv);
		expect(run(browser(emulator(), 'class'))).toEqual(fromEnv);
		expect(run(browser(emulatorFromEnv({ EMULATOR_SEED: 'class' }), 'mine')).code).not.toBe(
			fromEnv.code
		);
	});
});

describe('a seeded consent replay', () => {
	const base = {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 's',
		scope: 'user-read-private',
		code_challenge: s256(verifier),
		code_challenge_method: 'S256'
	};
	function replayed(params: Record<string, string>, username = 'demo', e = emulator()): string {
		const url = `${origin}/emulator/accounts/authorize?${new URLSearchParams(params)}`;
		const body = json(
			browser(e, 'inputs').control('/authorize', { url, decision: 'agree', username })
		);
		return body.location as string;
	}

	it('derives the code from every authorize input, and from nothing else', () => {
		const code = param(replayed(base), 'code');
		expect(param(replayed(base), 'code')).toBe(code);
		const variants: [Record<string, string>, string][] = [
			[{ ...base, client_id: legacyApp.clientId }, 'demo'],
			[base, 'alex'],
			[{ ...base, redirect_uri: 'https://example.com/callback' }, 'demo'],
			[{ ...base, state: 't' }, 'demo'],
			[{ ...base, scope: 'user-read-email' }, 'demo'],
			[{ ...base, code_challenge: s256(`${verifier}x`) }, 'demo']
		];
		for (const [params, user] of variants)
			expect(param(replayed(params, user), 'code'), JSON.stringify(params)).not.toBe(code);
	});

	it('gives the implicit grant the same working token on two instances', () => {
		const implicit = {
			client_id: legacyApp.clientId,
			response_type: 'token',
			redirect_uri: 'http://localhost:8888/callback',
			state: 'i'
		};
		const e = emulator();
		const token = param(replayed(implicit, 'demo', e), 'access_token', 'fragment');
		expect(token).toMatch(/^BQ/);
		expect(param(replayed(implicit), 'access_token', 'fragment')).toBe(token);
		const me = browser(e).call('GET', '/emulator/api/v1/me', {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(json(me).id).toBe('demo');
	});
});

describe('without a seed', () => {
	it('codes and tokens are random: two instances, or two runs, never agree', () => {
		const a = run(browser(emulator()));
		const b = run(browser(emulator()));
		for (const key of ['code', 'access', 'refresh', 'appToken'] as const)
			expect(a[key]).not.toBe(b[key]);
		const e = emulator();
		expect(run(browser(e)).code).not.toBe(run(browser(e)).code);
	});
});

describe('never seeded: sessions, CSRF tokens, interactions and client secrets', () => {
	function secretsOf(e: Emulator) {
		const c = browser(e, 'workshop');
		const page = c.call(
			'GET',
			`/emulator/accounts/authorize?${new URLSearchParams({
				client_id: defaultClientId,
				response_type: 'code',
				redirect_uri: redirectUri
			})}`
		);
		const interaction = TestClient.field(page, 'interaction');
		c.login(page);
		const app = json(c.control('/apps', {}));
		return {
			csrf: c.cookies.get(csrfCookie),
			session: c.cookies.get(sessionCookie),
			interaction,
			clientId: app.client_id,
			secret: app.client_secret
		};
	}

	it('differ between two instances with the same EMULATOR_SEED and seed cookie', () => {
		const a = secretsOf(emulatorFromEnv({ EMULATOR_SEED: 'workshop' }));
		const b = secretsOf(emulatorFromEnv({ EMULATOR_SEED: 'workshop' }));
		for (const key of Object.keys(a) as (keyof typeof a)[]) {
			expect(a[key], key).toMatch(/^[\w-]{16,}$/);
			expect(a[key], key).not.toBe(b[key]);
		}
	});
});
