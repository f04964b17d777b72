import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from './clock';
import {
	createSpotifyEmulator,
	demoApp,
	SpotifyEmulatorError,
	type ListeningEmulator
} from './spotify-emulator';

const app = {
	clientId: 'test-client',
	clientSecret: 'test-secret',
	redirectUris: ['http://127.0.0.1/callback']
};
const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenRequest(form: Record<string, string>, auth = basic(app.clientId, app.clientSecret)) {
	return new Request('https://accounts.spotify.com/api/token', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth },
		body: new URLSearchParams(form)
	});
}

function authorizeUrl(params: Record<string, string> = {}) {
	const query = new URLSearchParams({
		client_id: app.clientId,
		response_type: 'code',
		redirect_uri: 'http://127.0.0.1:3000/callback',
		scope: 'user-read-private user-read-email',
		state: 'xyz',
		...params
	});
	return `https://accounts.spotify.com/authorize?${query}`;
}

/** The code flow through Spotify's own URLs: authorize as the user, exchange, return the tokens. */
async function userTokens(emulator: ReturnType<typeof createSpotifyEmulator>, username = 'demo') {
	const outcome = emulator.authorize(authorizeUrl(), { username });
	if (outcome.outcome !== 'redirect') throw new Error(`no redirect: ${outcome.text}`);
	const code = new URL(outcome.location).searchParams.get('code')!;
	const response = await emulator.handle(
		tokenRequest({
			grant_type: 'authorization_code',
			code,
			redirect_uri: 'http://127.0.0.1:3000/callback'
		})
	);
	expect(response.status).toBe(200);
	return (await response.json()) as { access_token: string; refresh_token: string };
}

function me(emulator: ReturnType<typeof createSpotifyEmulator>, token: string) {
	return emulator.fetch('https://api.spotify.com/v1/me', {
		headers: { authorization: `Bearer ${token}` }
	});
}

describe('createSpotifyEmulator', () => {
	it('answers Spotify’s own URLs in-process, links in Web API objects pointing at Spotify', async () => {
		const emulator = createSpotifyEmulator({ apps: [app] });
		const { access_token } = await userTokens(emulator);
		const response = await me(emulator, access_token);
		expect(response.status).toBe(200);
		const profile = (await response.json()) as { id: string; display_name: string; href: string };
		expect(profile).toMatchObject({ id: 'demo', display_name: 'Demo User' });
		expect(profile.href).toBe('https://api.spotify.com/v1/users/demo');
	});

	it('answers the emulator’s own paths, and refuses from fetch any other URL', async () => {
		const emulator = createSpotifyEmulator();
		const token = await emulator.fetch('http://emulator.test/emulator/accounts/api/token', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: basic(demoApp.clientId, demoApp.clientSecret)
			},
			body: 'grant_type=client_credentials'
		});
		expect(token.status).toBe(200);
		expect(await token.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		await expect(emulator.fetch('https://example.com/')).rejects.toThrow(TypeError);
		await expect(emulator.fetch('http://api.spotify.com/v1/me')).rejects.toThrow(TypeError);
	});

	it('gives Spotify’s token errors for bad credentials', async () => {
		const emulator = createSpotifyEmulator({ apps: [app] });
		const response = await emulator.handle(
			tokenRequest({ grant_type: 'client_credentials' }, basic(app.clientId, 'wrong'))
		);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: 'invalid_client',
			error_description: 'Invalid client secret'
		});
	});

	it('adds users who can log in and whom /v1/me describes', async () => {
		const emulator = createSpotifyEmulator({
			apps: [app],
			users: [{ username: 'sam', displayName: 'Sam Tester', country: 'NO' }]
		});
		const added = emulator.addUser({ username: 'kim', product: 'free' });
		expect(added).toMatchObject({ id: 'kim', password: 'kim', displayName: 'kim' });
		for (const [username, name] of [
			['sam', 'Sam Tester'],
			['kim', 'kim'],
			['demo', 'Demo User']
		]) {
			const { access_token } = await userTokens(emulator, username);
			expect(await (await me(emulator, access_token)).json()).toMatchObject({
				id: username,
				display_name: name
			});
		}
		expect(() => emulator.addUser({ username: 'sam' })).toThrow(SpotifyEmulatorError);
		expect(() => emulator.addUser({ username: 'Not Valid!' })).toThrow(/username/);
		emulator.reset();
		expect(() => emulator.authorize(authorizeUrl(), { username: 'kim' })).toThrow(/username/);
		expect(emulator.authorize(authorizeUrl(), { username: 'sam' }).outcome).toBe('redirect');
	});

	it('leaves the demo apps and users out when asked', () => {
		const emulator = createSpotifyEmulator({
			demoApps: false,
			demoUsers: false,
			apps: [app],
			users: [{ username: 'sam' }]
		});
		expect(emulator.demoApp).toBeNull();
		expect(() => emulator.authorize(authorizeUrl(), { username: 'demo' })).toThrow(/username/);
		expect(emulator.authorize(authorizeUrl()).outcome).toBe('redirect');
		const unknown = emulator.authorize(authorizeUrl({ client_id: demoApp.clientId }));
		expect(unknown).toMatchObject({ outcome: 'page', status: 400 });
	});

	it('adds apps with generated credentials, checking redirect URIs by era', async () => {
		const emulator = createSpotifyEmulator();
		const created = emulator.addApp({ name: 'Mine', redirectUris: ['http://127.0.0.1/cb'] });
		expect(created.clientId).toMatch(/^[0-9a-f]{32}$/);
		expect(created).toMatchObject({
			name: 'Mine',
			era: '2026',
			redirectUris: ['http://127.0.0.1/cb']
		});
		const token = await emulator.handle(
			tokenRequest(
				{ grant_type: 'client_credentials' },
				basic(created.clientId, created.clientSecret)
			)
		);
		expect(token.status).toBe(200);
		expect(() => emulator.addApp({ redirectUris: ['http://localhost:3000/cb'] })).toThrow(
			SpotifyEmulatorError
		);
		expect(
			emulator.addApp({ era: 'classic', redirectUris: ['http://localhost:3000/cb'] }).era
		).toBe('classic');
		expect(() =>
			createSpotifyEmulator({ apps: [{ ...app, redirectUris: ['http://localhost/cb'] }] })
		).toThrow(/not secure/);
	});

	it('expires tokens and codes by hand, and lists what it issued', async () => {
		const emulator = createSpotifyEmulator({ apps: [app] });
		const { access_token, refresh_token } = await userTokens(emulator);
		const issued = emulator.tokens();
		expect(issued.map((t) => [t.kind, t.userId, t.expired])).toEqual([
			['access_token', 'demo', false],
			['refresh_token', 'demo', false]
		]);
		expect(issued[0].scopes).toEqual(['user-read-private', 'user-read-email']);
		expect(emulator.expire(access_token)).toBe('access_token');
		const refused = await me(emulator, access_token);
		expect(refused.status).toBe(401);
		expect(emulator.tokens().find((t) => t.token === access_token)?.expired).toBe(true);
		expect(emulator.expire(refresh_token)).toBe('refresh_token');
		const outcome = emulator.authorize(authorizeUrl());
		const code = new URL((outcome as { location: string }).location).searchParams.get('code')!;
		expect(emulator.expire(code)).toBe('code');
		expect(() => emulator.expire('nothing-like-it')).toThrow(SpotifyEmulatorError);
	});

	it('moves the clock past an access token’s hour, on top of an injected clock', async () => {
		const clock = manualClock(Date.UTC(2026, 0, 1));
		const emulator = createSpotifyEmulator({ apps: [app], clock });
		const { access_token } = await userTokens(emulator);
		expect(emulator.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
		clock.advance(3599_000);
		expect((await me(emulator, access_token)).status).toBe(200);
		expect(emulator.advanceClock(1).toISOString()).toBe('2026-01-01T01:00:00.000Z');
		expect((await me(emulator, access_token)).status).toBe(401);
		expect(() => emulator.advanceClock(-5)).toThrow(SpotifyEmulatorError);
		emulator.reset();
		expect(emulator.now().toISOString()).toBe('2026-01-01T00:59:59.000Z');
	});

	it('rate-limits an app, and resets one app without touching the others', async () => {
		const emulator = createSpotifyEmulator({ apps: [app] });
		const { access_token } = await userTokens(emulator);
		emulator.rateLimit(app.clientId, 30);
		const limited = await me(emulator, access_token);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('30');
		expect(() => emulator.rateLimit('nobody', 30)).toThrow(/client_id/);
		emulator.reset({ clientId: app.clientId });
		expect(emulator.tokens()).toEqual([]);
	});

	it('derives the same codes and tokens from the same seed, and follows the era', async () => {
		const run = async () => userTokens(createSpotifyEmulator({ apps: [app], seed: 'ci' }));
		expect(await run()).toEqual(await run());
		const classic = createSpotifyEmulator({ era: 'classic' });
		expect(classic.demoApp?.era).toBe('classic');
		const implicit = classic.authorize(
			`https://accounts.spotify.com/authorize?${new URLSearchParams({
				client_id: demoApp.clientId,
				response_type: 'token',
				redirect_uri: 'http://127.0.0.1:3000/callback'
			})}`
		);
		expect(implicit.outcome === 'redirect' && implicit.location).toContain('#access_token=');
	});

	describe('listen', () => {
		let listening: ListeningEmulator | undefined;
		afterEach(() => listening?.close());

		it('serves the same state over HTTP on a free port', async () => {
			const emulator = createSpotifyEmulator({ apps: [app] });
			listening = await emulator.listen();
			expect(listening.url).toBe(`http://127.0.0.1:${listening.port}/emulator`);
			const { access_token } = await userTokens(emulator);
			const response = await fetch(`${listening.apiUrl}/v1/me`, {
				headers: { authorization: `Bearer ${access_token}` }
			});
			expect(await response.json()).toMatchObject({
				id: 'demo',
				href: `${listening.apiUrl}/v1/users/demo`
			});
			const control = await fetch(`${listening.url}/control`);
			expect(control.status).toBe(200);
		});
	});
});
