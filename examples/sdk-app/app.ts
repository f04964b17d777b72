/**
 * A small app on Spotify's official TypeScript SDK, written as it would be for real Spotify:
 * nothing here knows about the emulator. Its server searches the catalog as the app (client
 * credentials), logs users in with the authorization code flow (the secret stays on the server)
 * and greets them by their Spotify display name. app.test.ts runs it against grantwalk/emulator.
 */
import { SpotifyApi, type AccessToken } from '@spotify/web-api-ts-sdk';

export interface AppConfig {
	clientId: string;
	clientSecret: string;
	redirectUri: string;
}

const scopes = ['user-read-private', 'user-read-email'];

/** "Track – Artist" for the first tracks matching `query`. */
export async function searchTracks(config: AppConfig, query: string): Promise<string[]> {
	const sdk = SpotifyApi.withClientCredentials(config.clientId, config.clientSecret);
	const found = await sdk.search(query, ['track'], undefined, 5);
	return found.tracks.items.map((t) => `${t.name} – ${t.artists.map((a) => a.name).join(', ')}`);
}

/** Where the login button sends the browser. */
export function loginUrl(config: AppConfig, state: string): string {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: config.clientId,
		redirect_uri: config.redirectUri,
		scope: scopes.join(' '),
		state
	});
	return `https://accounts.spotify.com/authorize?${query}`;
}

/** The redirect back: checks `state`, then trades the code for tokens. */
export async function handleCallback(
	config: AppConfig,
	callbackUrl: string,
	expectedState: string
): Promise<AccessToken> {
	const params = new URL(callbackUrl).searchParams;
	if (params.get('state') !== expectedState) throw new Error('state mismatch');
	const code = params.get('code');
	if (!code) throw new Error(`login refused: ${params.get('error')}`);
	const response = await fetch('https://accounts.spotify.com/api/token', {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${btoa(`${config.clientId}:${config.clientSecret}`)}`
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: config.redirectUri
		})
	});
	const body = await response.json();
	if (!response.ok) throw new Error(`token request refused: ${body.error}`);
	return body as AccessToken;
}

/** "Hello, <display name>": the Web API as the user who logged in. */
export async function greeting(config: AppConfig, token: AccessToken): Promise<string> {
	const sdk = SpotifyApi.withAccessToken(config.clientId, token);
	const me = await sdk.currentUser.profile();
	return `Hello, ${me.display_name}`;
}
