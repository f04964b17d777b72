/**
 * The authorize redirect: the URL the browser is sent to (RFC 6749 §4.1.1, §4.2.1; RFC 7636
 * §4.3; Spotify's code-flow, code-pkce-flow and implicit-flow tutorials).
 */
import { AUTHORIZE_PATH, joinUrl } from './endpoints';
import type { HttpRequestDescription } from './http';
import type { Mistakes } from './mistakes';

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
	mistakes?: Mistakes;
}

/** Builds `GET /authorize` with its query in Spotify's documented order (Spotify code flow docs). */
export function buildAuthorizeRequest(options: AuthorizeRequestOptions): HttpRequestDescription {
	const { mistakes = {} } = options;
	const params = new URLSearchParams();
	params.set('response_type', options.responseType ?? 'code');
	params.set('client_id', options.clientId);
	params.set('redirect_uri', options.redirectUri);
	if (!mistakes.omitState) params.set('state', options.state);
	const scope = typeof options.scope === 'string' ? options.scope : options.scope?.join(' ');
	if (scope) params.set('scope', scope);
	if (options.showDialog !== undefined) params.set('show_dialog', String(options.showDialog));
	if (options.codeChallenge !== undefined && !mistakes.omitPkce) {
		params.set('code_challenge_method', 'S256');
		params.set('code_challenge', options.codeChallenge);
	}
	return {
		method: 'GET',
		url: `${joinUrl(options.accountsBase, AUTHORIZE_PATH)}?${params}`,
		headers: {}
	};
}
