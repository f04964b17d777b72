import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { createHash } from 'node:crypto';
import { seedCookieName } from '../../src/lib/spotify/emulator-seed';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import {
	authorizationCode,
	authorizeUrl,
	basicAuth,
	createApp,
	tokenPath
} from '../../src/lib/server/emulator/testing-http';

const verifier = 'seeded-run-replay-verifier-0123456789-abcdefghij';
const challenge = createHash('sha256').update(verifier).digest('base64url');

/** A fresh browser-like context whose document.cookie holds the run's seed. */
function withSeed(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, seed: string) {
	const { hostname } = new URL(baseURL);
	return playwright.request.newContext({
		baseURL,
		storageState: {
			cookies: [
				{
					name: seedCookieName,
					value: encodeURIComponent(seed),
					domain: hostname,
					path: '/',
					expires: -1,
					httpOnly: false,
					secure: false,
					sameSite: 'Lax'
				}
			],
			origins: []
		}
	});
}

/** The explorer's replayed PKCE run: consent replay, exchange, refresh. */
async function replayRun(request: APIRequestContext, baseURL: string, state: string) {
	const redirectUri = `${baseURL}/callback`;
	const url = authorizeUrl(baseURL, {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: redirectUri,
		state,
		scope: 'user-read-private',
		code_challenge: challenge,
		code_challenge_method: 'S256'
	});
	const replay = await request.post('/emulator/control/authorize', {
		data: { url, decision: 'agree' }
	});
	const code = new URL((await replay.json()).location).searchParams.get('code')!;
	const exchange = await request.post(tokenPath, {
		form: {
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: defaultClientId,
			code_verifier: verifier
		}
	});
	expect(exchange.status()).toBe(200);
	const tokens = await exchange.json();
	const refreshed = await request.post(tokenPath, {
		form: {
			grant_type: 'refresh_token',
			refresh_token: tokens.refresh_token,
			client_id: defaultClientId
		}
	});
	expect(refreshed.status()).toBe(200);
	return {
		code,
		access: tokens.access_token as string,
		refresh: tokens.refresh_token as string,
		refreshed: (await refreshed.json()).access_token as string
	};
}

test('a seeded run replayed in a second browser gives the same code and tokens, and both succeed', async ({
	playwright,
	request,
	baseURL
}) => {
	const seed = 'api replay seed';
	const first = await withSeed(playwright, baseURL!, seed);
	const one = await replayRun(first, baseURL!, 'st4te');
	expect(one.code).toMatch(/^AQ/);

	// Other clients in between: an unseeded code flow on another app, a run under another seed.
	const app = await createApp(request);
	const other = await authorizationCode(request, app, `${baseURL}/callback`);
	await request.post(tokenPath, {
		headers: { authorization: basicAuth(app.client_id, app.client_secret) },
		form: { grant_type: 'authorization_code', code: other, redirect_uri: `${baseURL}/callback` }
	});
	const stranger = await withSeed(playwright, baseURL!, 'api replay, another seed');
	const theirs = await replayRun(stranger, baseURL!, 'st4te');
	expect(theirs.code).not.toBe(one.code);

	const second = await withSeed(playwright, baseURL!, seed);
	expect(await replayRun(second, baseURL!, 'st4te')).toEqual(one);
	const otherState = await replayRun(second, baseURL!, 'another state');
	expect(otherState.code).not.toBe(one.code);
	expect(otherState.access).not.toBe(one.access);
	await Promise.all([first.dispose(), stranger.dispose(), second.dispose()]);
});

test('without a seed cookie, the same run gives other values every time', async ({
	request,
	baseURL
}) => {
	const a = await replayRun(request, baseURL!, 'unseeded');
	const b = await replayRun(request, baseURL!, 'unseeded');
	expect(a.code).not.toBe(b.code);
	expect(a.access).not.toBe(b.access);
});
