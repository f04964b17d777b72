/**
 * The authorize redirect: the URL the browser is sent to (RFC 6749 §4.1.1, §4.2.1; RFC 7636
 * §4.3; Spotify's code-flow, code-pkce-flow and implicit-flow tutorials).
 */
import { AUTHORIZE_PATH, joinUrl } from './endpoints';
import type { HttpRequestDescription } from './http';
import type { Mistakes } from './mistakes';
import { alterRedirectUri } from './token-request';

export interface AuthorizeRequestOptions {
	/** `https://accounts.spotify.com` or the emulator's accounts base. */
	accountsBase: string;
	clientId: string;
	redirectUri: string;
	/** `code` for both code flows; `token` only for the (removed) implicit grant. */
	responseType?: 'code' | 'token';
	/** Required: dropping it is the explicit `omitState` mistake, never an oversight. */
	state: string;
	scope?: readonly string[] | string;
	showDialog?: boolean;
	/** The S256 challenge (see `computeCodeChallenge`); sent with `code_challenge_method=S256`. */
	codeChallenge?: string;
	/** The verifier itself: only the `plainChallenge` mistake sends it (as a plain challenge). */
	codeVerifier?: string;
	mistakes?: Mistakes;
}

/** A scope Spotify removed in 2019: /authorize answers `Illegal scope` (spotify/web-api#1322). */
export const removedScope = 'user-read-birthdate';

/** Builds `GET /authorize` with its query in Spotify's documented order (Spotify code flow docs). */
export function buildAuthorizeRequest(options: AuthorizeRequestOptions): HttpRequestDescription {
	const { mistakes = {} } = options;
	const params = new URLSearchParams();
	if (!mistakes.omitResponseType) params.set('response_type', options.responseType ?? 'code');
	if (!mistakes.omitClientId)
		params.set('client_id', mistakes.unknownClientId ? 'undefined' : options.clientId);
	if (!mistakes.omitRedirectUri) params.set('redirect_uri', authorizeRedirectUri(options));
	if (!mistakes.omitState) params.set('state', options.state);
	const scopes = typeof options.scope === 'string' ? [options.scope] : [...(options.scope ?? [])];
	if (mistakes.illegalScope) scopes.push(removedScope);
	const scope = scopes.filter((s) => s !== '').join(' ');
	if (scope) params.set('scope', scope);
	if (options.showDialog !== undefined) params.set('show_dialog', String(options.showDialog));
	if (options.codeChallenge !== undefined && !mistakes.omitPkce) {
		const plain = mistakes.plainChallenge === true;
		params.set('code_challenge_method', plain ? 'plain' : 'S256');
		params.set('code_challenge', plain ? (options.codeVerifier ?? '') : options.codeChallenge);
	}
	return {
		method: 'GET',
		url: `${joinUrl(options.accountsBase, AUTHORIZE_PATH)}?${params}`,
		headers: {}
	};
}

/** The redirect_uri as the switches spoil it: /authorize then shows an error page, no redirect. */
function authorizeRedirectUri({ redirectUri, mistakes = {} }: AuthorizeRequestOptions): string {
	if (mistakes.quotedRedirectUri) return `"${redirectUri}"`;
	if (mistakes.insecureRedirectUri) return toLocalhost(redirectUri);
	if (mistakes.unregisteredRedirectUri) return alterRedirectUri(redirectUri);
	return redirectUri;
}

/**
 * The same callback on `http://localhost`: insecure under Spotify's 2025 rules
 * (developer.spotify.com/documentation/web-api/concepts/redirect_uri).
 */
function toLocalhost(uri: string): string {
	try {
		const url = new URL(uri);
		return `http://localhost${url.port ? `:${url.port}` : ''}${url.pathname}${url.search}`;
	} catch {
		return 'http://localhost/callback';
	}
}
