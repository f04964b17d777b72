/**
 * Two emulator instances sharing one real redis-server (Debian's package; .ci/run installs it),
 * each request landing on the other instance: codes, tokens and single use hold across them, and
 * a lost Redis gives Spotify-shaped 503s and recovers. Skipped locally when redis-server is
 * missing; under CI=true a missing redis-server fails.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { runLab } from '../../labs/run-lab';
import { createEmulator, type Emulator } from '../index';
import { nodeListener } from '../node';
import { createRedisStore } from './redis-store';
import { freePort, hasRedis, missingRedis, redisRequired, startRedis } from './redis.test-helpers';
import type { SharedStore } from './shared-store';

if (!hasRedis && redisRequired) throw new Error(missingRedis);

const demo = defaultConfig().apps[0];
const basic = `Basic ${Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64')}`;
const redirectUri = 'http://127.0.0.1:8080/callback';

describe.skipIf(!hasRedis)('emulator state on Redis, two instances', () => {
	let redis: ChildProcess;
	let redisPort: number;
	const stores: SharedStore[] = [];
	const servers: Server[] = [];
	const bases: string[] = [];
	const logs: string[] = [];
	const configs: ReturnType<typeof defaultConfig>[] = [];
	const emulators: Emulator[] = [];
	let turn = 0;
	/** Round robin: each call goes to the other instance. */
	const next = () => bases[turn++ % bases.length];

	beforeAll(async () => {
		redisPort = await freePort();
		redis = await startRedis(redisPort);
		for (let i = 0; i < 2; i++) {
			const store = createRedisStore(`redis://127.0.0.1:${redisPort}/0`, {
				log: (line) => logs.push(line)
			});
			await store.ready();
			stores.push(store);
			const config = defaultConfig();
			config.control = true;
			configs.push(config);
			const emulator = createEmulator({ config, shared: store });
			emulators.push(emulator);
			const server = createServer(nodeListener(emulator, 'http://127.0.0.1'));
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			servers.push(server);
			bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/emulator`);
		}
	});

	afterAll(async () => {
		for (const server of servers) server.close();
		for (const store of stores) await store.close();
		redis?.kill('SIGKILL');
	});

	async function code(extra: Record<string, string> = {}): Promise<string> {
		const authorize = new URL('http://127.0.0.1/emulator/accounts/authorize');
		const params = {
			client_id: demo.clientId,
			response_type: 'code',
			redirect_uri: redirectUri,
			scope: 'user-read-private',
			state: 'st',
			...extra
		};
		for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
		const base = next();
		authorize.host = new URL(base).host;
		const response = await fetch(`${base}/control/authorize`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ url: authorize.href, username: 'demo', decision: 'agree' })
		});
		const body = (await response.json()) as { location?: string };
		expect(response.status, JSON.stringify(body)).toBe(200);
		const found = new URL(body.location ?? '').searchParams.get('code');
		expect(found).toBeTruthy();
		return found as string;
	}

	const token = (form: Record<string, string>, auth = true, base = next()) =>
		fetch(`${base}/accounts/api/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				...(auth && { authorization: basic })
			},
			body: new URLSearchParams(form)
		});

	it('walks the authorization code flow with every request on the other instance', async () => {
		const exchanged = await token({
			grant_type: 'authorization_code',
			code: await code(),
			redirect_uri: redirectUri
		});
		const tokens = (await exchanged.json()) as { access_token: string; refresh_token: string };
		expect(exchanged.status).toBe(200);
		const me = await fetch(`${next()}/api/v1/me`, {
			headers: { authorization: `Bearer ${tokens.access_token}` }
		});
		expect(me.status).toBe(200);
		expect(((await me.json()) as { id: string }).id).toBe('demo');
		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token
		});
		expect(refreshed.status).toBe(200);
	});

	it('walks PKCE and client credentials across instances', async () => {
		const verifier = 'v'.repeat(64);
		const { createHash } = await import('node:crypto');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const pkceCode = await code({ code_challenge: challenge, code_challenge_method: 'S256' });
		const exchanged = await token(
			{
				grant_type: 'authorization_code',
				code: pkceCode,
				redirect_uri: redirectUri,
				client_id: demo.clientId,
				code_verifier: verifier
			},
			false
		);
		expect(exchanged.status).toBe(200);
		const credentials = await token({ grant_type: 'client_credentials' });
		expect(credentials.status).toBe(200);
	});

	it('lets one code be exchanged once, however many instances try at once', async () => {
		const shared = await code();
		const answers = await Promise.all(
			Array.from({ length: 8 }, () =>
				token({ grant_type: 'authorization_code', code: shared, redirect_uri: redirectUri })
			)
		);
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses.filter((status) => status === 200)).toHaveLength(1);
		expect(statuses.filter((status) => status === 400)).toHaveLength(7);
	});

	it('lets one rotating (PKCE) refresh token be used once, however many instances try at once', async () => {
		const verifier = 'w'.repeat(64);
		const { createHash } = await import('node:crypto');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		// The classic era's app: its PKCE refresh tokens rotate (2026's do not).
		const legacy = defaultConfig().apps.find((app) => app.era === 'classic')!;
		const pkce = { client_id: legacy.clientId };
		const exchanged = await token(
			{
				grant_type: 'authorization_code',
				code: await code({
					client_id: legacy.clientId,
					code_challenge: challenge,
					code_challenge_method: 'S256'
				}),
				redirect_uri: redirectUri,
				code_verifier: verifier,
				...pkce
			},
			false
		);
		const { refresh_token } = (await exchanged.json()) as { refresh_token: string };
		const answers = await Promise.all(
			Array.from({ length: 8 }, () =>
				token({ grant_type: 'refresh_token', refresh_token, ...pkce }, false)
			)
		);
		const bodies = await Promise.all(answers.map((answer) => answer.json()));
		const ok = bodies.filter((_, i) => answers[i].status === 200) as { refresh_token?: string }[];
		expect(ok).toHaveLength(1);
		expect(ok[0].refresh_token).toBeTruthy();
		expect(ok[0].refresh_token).not.toBe(refresh_token);
	});

	/** A browser's own sandbox: the cookie the site sets (32 random base64url characters). */
	const sandboxCookie = () => `grantwalk_sandbox=${randomBytes(24).toString('base64url')}`;

	const control = (base: string, path: string, body?: unknown, cookie?: string) =>
		fetch(`${base}/control${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: {
				...(body !== undefined && { 'content-type': 'application/json' }),
				...(cookie && { cookie })
			},
			...(body !== undefined && { body: JSON.stringify(body) })
		});

	/** Where /authorize sends the demo user of `cookie`'s sandbox for this redirect URI. */
	async function outcome(base: string, cookie: string, redirect: string) {
		const authorize = new URL(`${base}/accounts/authorize`);
		for (const [key, value] of Object.entries({
			client_id: demo.clientId,
			response_type: 'code',
			redirect_uri: redirect,
			state: 'st'
		}))
			authorize.searchParams.set(key, value);
		const response = await control(
			base,
			'/authorize',
			{ url: authorize.href, username: 'demo', decision: 'agree' },
			cookie
		);
		return ((await response.json()) as { outcome: string }).outcome;
	}

	it('shares the presenter’s redirect-URI change: sandboxes made before and after, on either instance, follow it', async () => {
		const moved = 'http://127.0.0.1:9999/moved';
		const before = sandboxCookie();
		expect(await outcome(bases[1], before, moved)).toBe('page');
		const changed = await control(bases[0], '/shared/redirect-uris', {
			client_id: demo.clientId,
			redirect_uris: [redirectUri, moved]
		});
		expect(changed.status).toBe(200);
		// The sandbox made before the change, at the instance that did not make it.
		expect(await outcome(bases[1], before, moved)).toBe('redirect');
		expect(await outcome(bases[0], before, moved)).toBe('redirect');
		// A sandbox made after it, and the default sandbox.
		expect(await outcome(bases[1], sandboxCookie(), moved)).toBe('redirect');
		expect(await outcome(bases[1], '', moved)).toBe('redirect');
		// Back to the demo app's own (demo is a fresh copy of the default configuration).
		await control(bases[1], '/shared/redirect-uris', {
			client_id: demo.clientId,
			redirect_uris: demo.redirectUris
		});
		expect(await outcome(bases[0], before, moved)).toBe('page');
	});

	/** Opens the sandbox of `cookie` at `base`: 200, or 503 when every sandbox is taken. */
	const openSandbox = async (base: string, cookie: string) =>
		(await control(base, '/sandbox', undefined, cookie)).status;

	it('caps the attendee sandboxes across instances, made one by one or all at once', async () => {
		spawnSync('redis-cli', ['-p', String(redisPort), 'flushall']);
		for (const config of configs) config.maxSandboxes = 3;
		try {
			const cookies = [sandboxCookie(), sandboxCookie(), sandboxCookie()];
			const made = [];
			for (const cookie of cookies) made.push(await openSandbox(next(), cookie));
			expect(made).toEqual([200, 200, 200]);
			// The three are taken, on both instances; they stay usable at either.
			expect(await openSandbox(bases[0], sandboxCookie())).toBe(503);
			expect(await openSandbox(bases[1], sandboxCookie())).toBe(503);
			for (const cookie of cookies) expect(await openSandbox(next(), cookie)).toBe(200);

			spawnSync('redis-cli', ['-p', String(redisPort), 'flushall']);
			const racing = await Promise.all(
				Array.from({ length: 8 }, () => openSandbox(next(), sandboxCookie()))
			);
			expect(racing.filter((status) => status === 200)).toHaveLength(3);
			expect(racing.filter((status) => status === 503)).toHaveLength(5);
		} finally {
			for (const config of configs) config.maxSandboxes = defaultConfig().maxSandboxes;
		}
	});

	it('resets every sandbox on every instance with the presenter’s reset', async () => {
		const cookie = sandboxCookie();
		const app = await control(bases[0], '/apps', { name: 'Mine' }, cookie);
		const { client_id } = (await app.json()) as { client_id: string };
		const clock = () =>
			control(bases[1], '/rate-limit', { client_id, seconds: 1 }, cookie).then((r) => r.status);
		expect(await clock()).toBe(200);
		expect((await control(bases[1], '/reset', { everything: true })).status).toBe(200);
		expect(await clock()).toBe(400);
		expect(await openSandbox(bases[0], cookie)).toBe(200);
	});

	it('runs an attack lab whole at either instance, leaving nothing on Redis', async () => {
		const keys = () =>
			spawnSync('redis-cli', ['-p', String(redisPort), 'dbsize'], {
				encoding: 'utf8'
			}).stdout.trim();
		// Any request first, so that the default sandbox is seeded before counting.
		expect(await openSandbox(bases[0], '')).toBe(200);
		const before = keys();
		for (const emulator of emulators) {
			const run = await runLab('code-replay', null, {
				sandboxes: emulator.sandboxes,
				origin: 'http://127.0.0.1:5173'
			});
			expect(run.verdict.outcome).toBe('succeeded');
			const blocked = await runLab('code-replay', 'single-use-codes', {
				sandboxes: emulator.sandboxes,
				origin: 'http://127.0.0.1:5173'
			});
			expect(blocked.verdict.outcome).toBe('blocked');
		}
		expect(keys()).toBe(before);
	});

	it('answers 503 in Spotify’s shapes while Redis is gone, logs it, and recovers', async () => {
		const exchanged = await token({
			grant_type: 'authorization_code',
			code: await code(),
			redirect_uri: redirectUri
		});
		const { access_token } = (await exchanged.json()) as { access_token: string };
		redis.kill('SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 200));
		const started = Date.now();
		const down = await token({ grant_type: 'client_credentials' });
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ error: 'server_error' });
		const api = await fetch(`${next()}/api/v1/me`, {
			headers: { authorization: `Bearer ${access_token}` }
		});
		expect(api.status).toBe(503);
		expect(await api.json()).toMatchObject({ error: { status: 503 } });
		expect(Date.now() - started).toBeLessThan(4000);
		expect(
			logs.some((line) => line.includes('unreachable') || line.includes('did not answer'))
		).toBe(true);
		expect(logs.join('\n')).not.toContain(demo.clientSecret);

		redis = await startRedis(redisPort);
		let status = 0;
		for (let i = 0; i < 50 && status !== 200; i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			status = (await token({ grant_type: 'client_credentials' })).status;
		}
		expect(status).toBe(200);
	}, 20_000);
});
