/**
 * Pieces the lab scripts share: the victim's app (its callback URL, its sessions), the
 * authorize URL it builds, its code exchange and the verdict of a token issued to the app.
 */
import type { Refusal, Verdict } from '../../../attacks/types';
import { buildWebApiRequest } from '../../../oauth/api-request';
import { buildAuthorizeRequest } from '../../../oauth/authorize-request';
import { parseCallback } from '../../../oauth/callback';
import { OAuthError } from '../../../oauth/errors';
import { explainError } from '../../../oauth/explain';
import type { HttpRequestDescription, HttpResponseDescription } from '../../../oauth/http';
import { computeCodeChallenge, generateCodeVerifier } from '../../../oauth/pkce';
import { generateState } from '../../../oauth/state';
import { buildAuthorizationCodeTokenRequest } from '../../../oauth/token-request';
import type { App } from '../../emulator/types';
import { blocked, emulatorRefusal, victimAppOrigin, type Browser, type LabWorld } from '../world';

export const callbackUrl = `${victimAppOrigin}/callback`;
export const scopes = ['user-read-private', 'user-read-email'];
/** The app's session cookie, as each browser's jar holds it. */
export const sessionCookie = 'victim-app.example session';

export interface Pending {
	state?: string;
	verifier?: string;
}

/** The app starts a sign-in for `browser`: what it keeps in that browser's session, and the URL. */
export async function startSignIn(
	world: LabWorld,
	browser: Browser,
	app: App,
	options: { state: boolean; pkce: boolean; responseType?: 'code' | 'token'; redirectUri?: string }
): Promise<{ pending: Pending; url: string }> {
	browser.cookies.set(sessionCookie, `s-${generateState({ length: 12 })}`);
	const pending: Pending = {};
	if (options.state) pending.state = generateState();
	if (options.pkce) pending.verifier = generateCodeVerifier();
	if (pending.state) browser.storage.set('app session: state', pending.state);
	if (pending.verifier) browser.storage.set('app session: code_verifier', pending.verifier);
	const request = buildAuthorizeRequest({
		accountsBase: world.bases.accounts,
		clientId: app.clientId,
		redirectUri: options.redirectUri ?? callbackUrl,
		responseType: options.responseType ?? 'code',
		state: pending.state ?? '',
		scope: scopes,
		codeChallenge: pending.verifier ? await computeCodeChallenge(pending.verifier) : undefined,
		mistakes: { omitState: !pending.state }
	});
	return { pending, url: request.url };
}

/** The app's callback: the state check (when it keeps one), as src/lib/oauth/callback.ts does it. */
export function checkCallback(url: string, pending: Pending, stepId: string): Refusal | null {
	if (pending.state === undefined) return null;
	try {
		parseCallback(url, { responseMode: 'query', expectedState: pending.state });
		return null;
	} catch (e) {
		if (!(e instanceof OAuthError)) throw e;
		return { by: 'app', message: `${e.error}: ${explainError(e)?.title ?? e.message}`, stepId };
	}
}

/** The app's backend exchanges a code with its secret (and the session's verifier, if any). */
export function backendExchange(
	world: LabWorld,
	id: string,
	title: string,
	app: App,
	code: string,
	verifier?: string
): { token: string | null; response: HttpResponseDescription } {
	const request: HttpRequestDescription = buildAuthorizationCodeTokenRequest({
		accountsBase: world.bases.accounts,
		client: { method: 'basic', clientId: app.clientId, clientSecret: app.clientSecret },
		code,
		redirectUri: callbackUrl
	});
	const withVerifier: HttpRequestDescription =
		verifier && request.body
			? {
					...request,
					body: { ...request.body, fields: [...request.body.fields, ['code_verifier', verifier]] }
				}
			: request;
	const response = world.send(id, 'victim-app', title, withVerifier);
	return { token: accessToken(response), response };
}

export function accessToken(response: HttpResponseDescription): string | null {
	if (response.status !== 200) return null;
	return (JSON.parse(response.body) as { access_token?: string }).access_token ?? null;
}

export function refreshToken(response: HttpResponseDescription): string | null {
	if (response.status !== 200) return null;
	return (JSON.parse(response.body) as { refresh_token?: string }).refresh_token ?? null;
}

/** The code (or the fragment's token) of a redirect's Location. */
export function fromCallback(location: string, name: 'code' | 'access_token'): string {
	const url = new URL(location);
	const params = name === 'code' ? url.searchParams : new URLSearchParams(url.hash.slice(1));
	return params.get(name) ?? '';
}

/** The verdict of an attack whose goal is a token issued to the victim's app (no user). */
export function appTokenVerdict(
	world: LabWorld,
	token: string | null,
	refusal: Refusal | null
): Verdict {
	if (token !== null) {
		const response = world.send(
			'attacker-uses-token',
			'attacker',
			'The attacker calls the Web API with the token, as the app',
			buildWebApiRequest({
				apiBase: world.bases.api,
				path: '/v1/artists/0GrantwaLkArtist000001',
				accessToken: token
			})
		);
		if (response.status === 200)
			return {
				outcome: 'succeeded',
				text: "Attack succeeded: the attacker holds a token issued to the victim's app",
				evidence:
					'GET /v1/artists/… answered 200 to the attacker: the Web API takes the attacker for the app, and counts the calls against its quota.'
			};
		refusal ??= emulatorRefusal('attacker-uses-token', response);
	}
	return blocked(refusal);
}
