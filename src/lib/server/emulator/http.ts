/**
 * Response builders for the emulator's three surfaces: the token endpoint (compact JSON, reference
 * §3.1), the Web API (pretty-printed JSON, §7.3) and plain redirects. CORS follows §3.1 and §7.4.
 */
import {
	getSpotifyError,
	tokenErrorBody,
	webApiErrorBody,
	type SpotifyErrorSlug
} from '../../spotify/errors';
import type { EmuResponse } from './types';

/** Lets browser PKCE exchanges reach /api/token, as Spotify's own SPA example does. */
export const tokenCors: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'POST, OPTIONS',
	'access-control-allow-headers': 'Authorization, Content-Type',
	'access-control-max-age': '604800'
};

/** The CORS headers seen on api.spotify.com (reference §7.4). */
export const webApiCors: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE, PATCH',
	'access-control-allow-headers':
		'Accept, App-Platform, Authorization, Content-Type, Origin, Retry-After, Spotify-App-Version, X-Cloud-Trace-Context, client-token',
	'access-control-max-age': '604800'
};

/**
 * The token endpoint's headers, one frozen object for every answer (it is sent on every request;
 * code that adds a header copies it, as handleIn and node.ts's send do).
 */
const tokenHeaders: Record<string, string> = Object.freeze({
	'content-type': 'application/json',
	'cache-control': 'no-store',
	pragma: 'no-cache',
	// The other CORS headers matter only on the preflight; fewer headers, faster responses.
	'access-control-allow-origin': '*'
});

/** Compact JSON from the token endpoint; never cached (RFC 6749 §5.1). */
export function tokenJson(status: number, body: unknown): EmuResponse {
	return { status, headers: tokenHeaders, body: JSON.stringify(body) };
}

/** A token-endpoint error with the catalog's exact body (reference §3.6). */
export function tokenError(slug: SpotifyErrorSlug, value?: string): EmuResponse {
	return tokenJson(getSpotifyError(slug).status ?? 400, tokenErrorBody(slug, value));
}

/** Web API JSON, pretty-printed with two spaces as api.spotify.com answers (reference §7.3). */
export function webApiJson(
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): EmuResponse {
	return {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'private, max-age=0',
			'access-control-allow-origin': '*',
			...headers
		},
		body: JSON.stringify(body, null, 2)
	};
}

/** A Web API error with the catalog's exact body; the status comes from the catalog too. */
export function webApiError(
	slug: SpotifyErrorSlug,
	headers: Record<string, string> = {}
): EmuResponse {
	const body = webApiErrorBody(slug);
	return webApiJson(body.error.status, body, headers);
}

export function redirect(status: 302 | 303, location: string, cookies?: string[]): EmuResponse {
	return {
		status,
		// The location may carry a code or a token: keep it out of any Referer.
		headers: { location, 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' },
		cookies,
		body: ''
	};
}

export function preflight(cors: Record<string, string>): EmuResponse {
	return { status: 204, headers: { ...cors }, body: '' };
}

/** The control API's own JSON (not Spotify's): compact, never cached. */
export function controlJson(status: number, body: unknown): EmuResponse {
	return {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
		body: JSON.stringify(body)
	};
}

/** Appends parameters to a redirect URI's query (or fragment), keeping any query it has. */
export function withParams(
	uri: string,
	params: Record<string, string | null>,
	where: 'query' | 'fragment' = 'query'
): string {
	const pairs = Object.entries(params)
		.filter((e): e is [string, string] => e[1] !== null)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&');
	if (where === 'fragment') return `${uri}#${pairs}`;
	return `${uri}${uri.includes('?') ? '&' : '?'}${pairs}`;
}
