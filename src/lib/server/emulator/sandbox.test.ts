import { describe, expect, it } from 'vitest';
import { seedCookieName } from '../../spotify/emulator-seed';
import { s256 } from './checks/check-pkce';
import { manualClock } from './clock';
import { configFromEnv, defaultClientId, defaultConfig, type EmulatorConfig } from './config';
import { createEmulator, type Emulator } from './index';
import { presenterKeyHeader } from './presenter';
import { isSandboxId, sandboxCookieName } from './sandbox';
import { basic, json, origin, param, TestClient } from './testing';

const tokenPath = '/emulator/accounts/api/token';
const redirectUri = `${origin}/callback`;

function emulator(config: Partial<EmulatorConfig> = {}) {
	const clock = manualClock();
	const e = createEmulator({ clock, config: { ...defaultConfig(), ...config } });
	return { e, clock };
}

let ids = 0;
/** A browser with a sandbox of its own (the cookie the site's pages set). */
function attendee(e: Emulator, seed?: string): TestClient {
	const c = new TestClient(e);
	c.cookies.set(sandboxCookieName, `attendee${String(ids++).padStart(24, '0')}`);
	if (seed !== undefined) c.cookies.set(seedCookieName, encodeURIComponent(seed));
	return c;
}

function appToken(c: TestClient, auth = basic()): string {
	const answer = c.call('POST', tokenPath, {
		headers: { authorization: auth },
		form: { grant_type: 'client_credentials' }
	});
	expect(answer.status, answer.body).toBe(200);
	return json(answer).access_token as string;
}

function callApi(c: TestClient, token: string): number {
	return c.call('GET', '/emulator/api/v1/artists/0GrantwaLkArtist000001', {
		headers: { authorization: `Bearer ${token}` }
	}).status;
}

function codeFlow(c: TestClient, state = 's') {
	const code = param(c.authorize({ state }), 'code')!;
	const tokens = json(
		c.call('POST', tokenPath, {
			headers: { authorization: basic() },
			form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
		})
	);
	return { code, access: tokens.access_token as string, refresh: tokens.refresh_token as string };
}

describe('a sandbox per browser', () => {
	it('apps made in one sandbox do not exist in another, nor in the default one', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e), attendee(e)];
		const made = json(ana.control('/apps', { name: 'Ana’s app' }));
		const auth = basic(made.client_id as string, made.client_secret as string);
		expect(appToken(ana, auth)).toMatch(/^BQ/);
		for (const other of [ben, new TestClient(e)]) {
			const answer = other.call('POST', tokenPath, {
				headers: { authorization: auth },
				form: { grant_type: 'client_credentials' }
			});
			expect(json(answer).error).toBe('invalid_client');
		}
	});

	it('one sandbox’s reset, clock and rate limit change nothing in another', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e), attendee(e)];
		const benToken = appToken(ben);
		const benCode = param(ben.authorize({ state: 'b' }), 'code')!;
		expect(ana.control('/reset', {}).status).toBe(200);
		expect(ana.control('/clock', { advance_seconds: 7200 }).status).toBe(200);
		expect(ana.control('/rate-limit', { client_id: defaultClientId, seconds: 600 }).status).toBe(
			200
		);
		expect(callApi(ana, appToken(ana))).toBe(429);
		expect(callApi(ben, benToken)).toBe(200);
		const exchange = ben.call('POST', tokenPath, {
			headers: { authorization: basic() },
			form: { grant_type: 'authorization_code', code: benCode, redirect_uri: redirectUri }
		});
		expect(exchange.status, exchange.body).toBe(200);
	});

	it('a dashboard change (a redirect URI added to the demo app) stays in its sandbox', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e), attendee(e)];
		const evil = 'https://evil.test/cb';
		const page = ana.call('GET', `/emulator/dashboard/apps/${defaultClientId}`, {
			headers: { accept: 'text/html' }
		});
		const added = ana.call('POST', `/emulator/dashboard/apps/${defaultClientId}/redirect-uris`, {
			form: { csrf: TestClient.field(page, 'csrf'), add: evil }
		});
		expect(added.status).toBe(303);
		expect(ana.call('GET', `/emulator/dashboard/apps/${defaultClientId}`).body).toContain(evil);
		expect(ben.call('GET', `/emulator/dashboard/apps/${defaultClientId}`).body).not.toContain(evil);
		const query = new URLSearchParams({
			client_id: defaultClientId,
			response_type: 'code',
			redirect_uri: evil
		});
		const answer = ben.call('GET', `/emulator/accounts/authorize?${query}`);
		expect(answer.status).toBe(400);
		expect(answer.headers.location).toBeUndefined();
	});

	it('an approval in one sandbox does not skip the consent page in another', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e), attendee(e)];
		ana.authorize({ state: 'a' });
		const again = ana.call('GET', `/emulator/accounts/authorize?${authorizeQuery('a2')}`);
		expect(again.status).toBe(302); // remembered in Ana's sandbox
		const benPage = ben.call('GET', `/emulator/accounts/authorize?${authorizeQuery('b')}`);
		expect(benPage.status).toBe(200); // Ben logs in and consents himself
	});

	it('a flood of token requests evicts only the flooder’s own tokens, within its caps', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e), attendee(e)];
		const benToken = appToken(ben);
		const cap = defaultConfig().sandboxCaps.accessTokens;
		for (let i = 0; i < cap * 2; i++) appToken(ana);
		expect(callApi(ben, benToken)).toBe(200);
		const sizes = e.sandboxes.all().map((ctx) => ctx.store.accessTokens.size);
		expect(sizes[0]).toBe(0); // the default sandbox
		const anaTokens = e.sandboxes.all()[1].store.accessTokens; // Ben, used last, is [2]
		expect(anaTokens.size).toBeGreaterThan(100);
		expect(anaTokens.size).toBeLessThanOrEqual(cap);
		expect(anaTokens.bytes).toBeLessThanOrEqual(defaultConfig().sandboxCaps.bytes * 0.25);
	});

	it('caps count bytes: large authorize requests cannot take more than the sandbox’s budget', () => {
		const { e } = emulator();
		const ana = attendee(e);
		const bigState = 'x'.repeat(7000);
		for (let i = 0; i < 300; i++) {
			const page = ana.call('GET', `/emulator/accounts/authorize?${authorizeQuery(bigState + i)}`);
			expect(page.status).toBe(200);
		}
		const box = e.sandboxes.all().find((ctx) => ctx.sandboxId !== null)!;
		const budget = defaultConfig().sandboxCaps.bytes;
		expect(box.store.interactions.size).toBeLessThan(300);
		expect(box.store.interactions.bytes).toBeLessThanOrEqual(budget * 0.15);
		expect(box.store.bytes()).toBeLessThanOrEqual(budget);
	});

	it('without a cookie (curl, your own app) every request shares the default sandbox', () => {
		const { e } = emulator();
		const [one, two] = [new TestClient(e), new TestClient(e)];
		const made = json(one.control('/apps', {}));
		expect(appToken(two, basic(made.client_id as string, made.client_secret as string))).toMatch(
			/^BQ/
		);
		expect(e.sandboxes.size).toBe(0);
		expect(json(two.call('GET', '/emulator/control/sandbox')).sandbox).toBe('default');
	});

	it('a request sent for another origin’s page uses the default sandbox, not the cookie’s', () => {
		const { e } = emulator();
		const ana = attendee(e);
		expect(json(ana.call('GET', '/emulator/control/sandbox')).sandbox).toBe('own');
		for (const headers of <Record<string, string>[]>[
			{ origin: 'http://127.0.0.1:8000' },
			{ 'sec-fetch-site': 'same-site' },
			{ 'sec-fetch-site': 'cross-site' },
			{ referer: 'http://evil.test/page' }
		])
			expect(json(ana.call('GET', '/emulator/control/sandbox', { headers })).sandbox).toBe(
				'default'
			);
		for (const headers of <Record<string, string>[]>[
			{ origin },
			{ 'sec-fetch-site': 'same-origin' },
			{ referer: `${origin}/flows/x` }
		])
			expect(json(ana.call('GET', '/emulator/control/sandbox', { headers })).sandbox).toBe('own');
	});

	it('a developer’s own app (another origin) finishes its flow in the default sandbox', () => {
		const { e } = emulator();
		const dev = attendee(e); // this browser opened the site before
		const page = dev.call('GET', `/emulator/accounts/authorize?${authorizeQuery('dev')}`, {
			headers: { 'sec-fetch-site': 'same-site' }
		});
		const back = dev.follow(dev.login(page));
		const done = dev.consent(back, 'agree');
		const code = param(done.headers.location, 'code')!;
		// The app's own server exchanges the code: no cookie, so the default sandbox.
		const exchange = new TestClient(e).call('POST', tokenPath, {
			headers: { authorization: basic() },
			form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
		});
		expect(exchange.status, exchange.body).toBe(200);
	});

	it('the emulator’s own pages give a browser without one a sandbox: random, never seeded', () => {
		const cookies = [0, 1].map(() => {
			const e = createEmulator({ config: configFromEnv({ EMULATOR_SEED: 'workshop' }) });
			const page = new TestClient(e).call('GET', '/emulator/dashboard', {
				headers: { accept: 'text/html' }
			});
			const cookie = page.cookies!.find((c) => c.startsWith(`${sandboxCookieName}=`))!;
			expect(cookie).toMatch(/HttpOnly; SameSite=Lax/);
			return cookie.split(';')[0].split('=')[1];
		});
		expect(cookies.every(isSandboxId)).toBe(true);
		expect(cookies[0]).not.toBe(cookies[1]);
	});

	it('keeps at most maxSandboxes, makes room by evicting an idle one, and refuses while all are busy', () => {
		const { e, clock } = emulator({ maxSandboxes: 2 });
		const [ana, ben, cleo] = [attendee(e), attendee(e), attendee(e)];
		for (const c of [ana, ben]) for (let i = 0; i < 3; i++) appToken(c);
		const full = cleo.call('POST', tokenPath, {
			headers: { authorization: basic() },
			form: { grant_type: 'client_credentials' }
		});
		expect(full.status).toBe(503);
		expect(full.headers['retry-after']).toBe('60');
		clock.advance(16 * 60_000);
		appToken(ben);
		expect(appToken(cleo)).toMatch(/^BQ/); // Ana, idle 16 minutes, made room
		expect(e.sandboxes.size).toBe(2);
	});

	it('forgets a sandbox idle longer than sandboxIdleSeconds', () => {
		const { e, clock } = emulator({ sandboxIdleSeconds: 3600 });
		const ana = attendee(e);
		appToken(ana);
		clock.advance(3601_000);
		appToken(attendee(e));
		expect(e.sandboxes.size).toBe(1);
	});
});

describe('the presenter key', () => {
	const keyed = { presenterKey: 'class-key', presenterKeyRequired: true };

	it('guards resetting every sandbox', () => {
		const { e } = emulator(keyed);
		const [ana, ben] = [attendee(e), attendee(e)];
		const benToken = appToken(ben);
		for (const key of [undefined, 'wrong']) {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (key) headers[presenterKeyHeader] = key;
			const answer = ana.call('POST', '/emulator/control/reset', {
				headers,
				body: '{"everything":true}'
			});
			expect(answer.status).toBe(403);
			expect(json(answer).error).toBe('presenter_key_required');
		}
		expect(callApi(ben, benToken)).toBe(200);
		const answer = ana.call('POST', '/emulator/control/reset', {
			headers: { 'content-type': 'application/json', [presenterKeyHeader]: 'class-key' },
			body: '{"everything":true}'
		});
		expect(answer.status).toBe(200);
		expect(callApi(ben, benToken)).toBe(401);
	});

	it('guards the demo apps’ redirect URIs as every sandbox sees them', () => {
		const { e } = emulator(keyed);
		const [ana, ben] = [attendee(e), attendee(e)];
		appToken(ben); // Ben's sandbox exists before the change
		const uris = [redirectUri, 'https://class.example/callback'];
		const body = JSON.stringify({ client_id: defaultClientId, redirect_uris: uris });
		const refused = ana.call('POST', '/emulator/control/shared/redirect-uris', {
			headers: { 'content-type': 'application/json' },
			body
		});
		expect(refused.status).toBe(403);
		const insecure = ana.call('POST', '/emulator/control/shared/redirect-uris', {
			headers: { 'content-type': 'application/json', [presenterKeyHeader]: 'class-key' },
			body: JSON.stringify({ client_id: defaultClientId, redirect_uris: ['http://evil.test/cb'] })
		});
		expect(insecure.status).toBe(400);
		const ok = ana.call('POST', '/emulator/control/shared/redirect-uris', {
			headers: { 'content-type': 'application/json', [presenterKeyHeader]: 'class-key' },
			body
		});
		expect(ok.status, ok.body).toBe(200);
		const query = authorizeQuery('c', 'https://class.example/callback');
		for (const c of [ben, attendee(e), new TestClient(e)])
			expect(c.call('GET', `/emulator/accounts/authorize?${query}`).status).toBe(200);
	});

	it('is not needed on one’s own machine (listening on loopback, no key set)', () => {
		const { e } = emulator();
		expect(attendee(e).control('/reset', { everything: true }).status).toBe(200);
	});

	it('is required when the server listens beyond loopback, and read from the environment', () => {
		expect(configFromEnv({}).presenterKeyRequired).toBe(false);
		expect(configFromEnv({ HOST: '0.0.0.0' }).presenterKeyRequired).toBe(true);
		expect(configFromEnv({ HOST: '0.0.0.0' }).presenterKey).toBeNull();
		const set = configFromEnv({ GRANTWALK_PRESENTER_KEY: ' k ' });
		expect([set.presenterKey, set.presenterKeyRequired]).toEqual(['k', true]);
	});
});

describe('seeded runs in sandboxes', () => {
	it('give every attendee the same code and tokens, even at the very same moment', () => {
		const { e } = emulator();
		const [ana, ben] = [attendee(e, 'workshop'), attendee(e, 'workshop')];
		const challenge = { code_challenge: s256('v'.repeat(43)), code_challenge_method: 'S256' };
		const codes = [ana, ben].map((c) => param(c.authorize({ state: 'st', ...challenge }), 'code')!);
		expect(codes[0]).toBe(codes[1]);
		const tokens = [ana, ben].map((c, i) => {
			const answer = c.call('POST', tokenPath, {
				form: {
					grant_type: 'authorization_code',
					code: codes[i],
					redirect_uri: redirectUri,
					client_id: defaultClientId,
					code_verifier: 'v'.repeat(43)
				}
			});
			expect(answer.status, answer.body).toBe(200);
			return json(answer);
		});
		expect(tokens[0].access_token).toBe(tokens[1].access_token);
		expect(tokens[0].refresh_token).toBe(tokens[1].refresh_token);
		// A third attendee, later and after other traffic, sees the same values again.
		codeFlow(attendee(e));
		const cleo = attendee(e, 'workshop');
		expect(param(cleo.authorize({ state: 'st', ...challenge }), 'code')).toBe(codes[0]);
	});
});

describe('class hosting: the site on a LAN address or a DNS name over http', () => {
	function authorizeFrom(e: Emulator, siteOrigin: string, uri: string, clientId = defaultClientId) {
		const query = new URLSearchParams({
			client_id: clientId,
			response_type: 'code',
			redirect_uri: uri
		});
		const answer = attendee(e).call('GET', `${siteOrigin}/emulator/accounts/authorize?${query}`);
		return answer.status === 200 ? 'login' : answer.body;
	}

	it('the demo apps accept the site’s own /callback on a LAN address', () => {
		const { e } = emulator();
		const lan = 'http://192.168.1.20:5173';
		expect(authorizeFrom(e, lan, `${lan}/callback`)).toBe('login');
		expect(authorizeFrom(e, lan, `${lan}/callback/`)).toContain(
			'INVALID_CLIENT: Invalid redirect URI'
		);
		// Another origin's http URI is still insecure, as on Spotify.
		expect(authorizeFrom(e, lan, 'http://192.168.1.21:5173/callback')).toContain(
			'INVALID_CLIENT: Insecure redirect URI'
		);
	});

	it('a DNS name counts only when the server allows it (GRANTWALK_ALLOWED_HOSTS)', () => {
		const site = 'http://workshop.test:5173';
		const allowed = createEmulator({
			config: configFromEnv({ GRANTWALK_ALLOWED_HOSTS: 'workshop.test' })
		});
		expect(authorizeFrom(allowed, site, `${site}/callback`)).toBe('login');
		const { e } = emulator();
		expect(authorizeFrom(e, site, `${site}/callback`)).toContain(
			'INVALID_CLIENT: Insecure redirect URI'
		);
	});

	it('keeps Spotify’s rules for apps of one’s own, and for localhost', () => {
		const { e } = emulator();
		const lan = 'http://10.0.0.7:5173';
		const c = attendee(e);
		const made = json(c.control('/apps', { redirect_uris: ['https://example.com/cb'] }));
		const query = new URLSearchParams({
			client_id: made.client_id as string,
			response_type: 'code',
			redirect_uri: `${lan}/callback`
		});
		expect(c.call('GET', `${lan}/emulator/accounts/authorize?${query}`).body).toContain(
			'INVALID_CLIENT: Insecure redirect URI'
		);
		const local = 'http://localhost:5173';
		expect(authorizeFrom(e, local, `${local}/callback`)).toContain(
			'INVALID_CLIENT: Insecure redirect URI'
		);
	});
});

function authorizeQuery(state: string, uri = redirectUri): URLSearchParams {
	return new URLSearchParams({
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: uri,
		state
	});
}
