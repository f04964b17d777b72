// The SDK app (app.ts) against the emulator, through the package entry as another project would
// import it. The SDK sends its token requests with the global fetch to https://accounts.spotify.com
// (its `fetch` option covers only Web API calls), so the test replaces the global fetch: the app
// keeps Spotify's real URLs and nothing leaves the process.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSpotifyEmulator, type SpotifyEmulator } from 'grantwalk/emulator';
import { greeting, handleCallback, loginUrl, searchTracks, type AppConfig } from './app';

const config: AppConfig = {
	clientId: 'example-sdk-app',
	clientSecret: 'example-sdk-secret',
	redirectUri: 'http://127.0.0.1:3000/callback'
};

let spotify: SpotifyEmulator;

beforeEach(() => {
	spotify = createSpotifyEmulator({
		apps: [{ ...config, redirectUris: [config.redirectUri] }],
		users: [{ username: 'sam', displayName: 'Sam Tester' }],
		seed: 'sdk-example'
	});
	vi.stubGlobal('fetch', spotify.fetch);
});
afterEach(() => {
	vi.unstubAllGlobals();
});

/** The user's part: open the login link, log in, press Agree; the app handles the redirect. */
async function logIn(username?: string) {
	const outcome = spotify.authorize(loginUrl(config, 'state-1'), { username });
	if (outcome.outcome !== 'redirect') throw new Error(outcome.text);
	return handleCallback(config, outcome.location, 'state-1');
}

describe('an app on @spotify/web-api-ts-sdk, against grantwalk/emulator', () => {
	it('searches the catalog with client credentials', async () => {
		expect(await searchTracks(config, 'challenge')).toEqual([
			'S256 – PKCE & the Verifiers',
			'Code Verifier Was Incorrect – PKCE & the Verifiers'
		]);
		const [token] = spotify.tokens();
		expect(token).toMatchObject({ kind: 'access_token', clientId: config.clientId, userId: null });
	});

	it('logs a user in with the authorization code flow and greets them', async () => {
		const token = await logIn();
		expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect(await greeting(config, token)).toBe('Hello, Demo User');
		expect(await greeting(config, await logIn('sam'))).toBe('Hello, Sam Tester');
	});

	it('sees Spotify refuse a token expired by hand, and a consent the user cancelled', async () => {
		const token = await logIn();
		spotify.expire(token.access_token);
		await expect(greeting(config, token)).rejects.toThrow(/expired token/);

		const cancelled = spotify.authorize(loginUrl(config, 'state-2'), { decision: 'cancel' });
		expect(cancelled.outcome).toBe('redirect');
		const location = (cancelled as { location: string }).location;
		await expect(handleCallback(config, location, 'state-2')).rejects.toThrow(
			'login refused: access_denied'
		);
	});

	it('refuses a code used twice, as Spotify does', async () => {
		const outcome = spotify.authorize(loginUrl(config, 'state-3'));
		const location = (outcome as { location: string }).location;
		await handleCallback(config, location, 'state-3');
		await expect(handleCallback(config, location, 'state-3')).rejects.toThrow(
			'token request refused: invalid_grant'
		);
	});
});
