/**
 * The redirect back to the app: the authorization response (RFC 6749 §4.1.2 for codes, in the
 * query; §4.2.2 for the implicit grant, in the fragment). State is checked before anything else.
 */
import {
	AccessDeniedError,
	AuthorizationResponseError,
	MalformedCallbackError,
	StateMismatchError
} from './errors';
import { stateMatches } from './state';

export interface CodeCallback {
	type: 'code';
	code: string;
	state?: string;
}

export interface TokenCallback {
	type: 'token';
	accessToken: string;
	tokenType: string;
	expiresIn?: number;
	state?: string;
}

export type CallbackResult = CodeCallback | TokenCallback;

export interface CallbackOptions {
	/** `query` for both code flows; `fragment` for the implicit grant. */
	responseMode: 'query' | 'fragment';
	/**
	 * The state stored before the redirect. `null` only when the `omitState` mistake is on: then
	 * nothing can be checked, which is the lesson.
	 */
	expectedState: string | null;
}

/**
 * Parses and validates a callback URL (RFC 6749 §4.1.2, §4.2.2, §10.12). Returns the code or
 * token, or throws StateMismatchError, AccessDeniedError, AuthorizationResponseError or
 * MalformedCallbackError.
 */
export function parseCallback(url: string | URL, options: CallbackOptions): CallbackResult {
	const params = callbackParams(new URL(url), options.responseMode);
	const value = (name: string): string | undefined => {
		const values = params.getAll(name);
		if (values.length > 1) throw new MalformedCallbackError('callback-repeated-parameter');
		return values[0];
	};
	for (const name of new Set(params.keys())) value(name);

	// State first: an unsolicited response is rejected whatever else it says.
	const state = value('state');
	if (options.expectedState !== null && !stateMatches(options.expectedState, state))
		throw new StateMismatchError(state);

	const error = value('error');
	const resultName = options.responseMode === 'query' ? 'code' : 'access_token';
	const result = value(resultName);
	if (error !== undefined && result !== undefined)
		throw new MalformedCallbackError('callback-code-and-error');
	if (error !== undefined) {
		const description = value('error_description');
		if (error === 'access_denied') throw new AccessDeniedError(description);
		throw new AuthorizationResponseError(error, description);
	}
	if (!result) throw new MalformedCallbackError('callback-empty');

	if (options.responseMode === 'query') return withState({ type: 'code', code: result }, state);
	const expiresIn = value('expires_in');
	const token: TokenCallback = {
		type: 'token',
		accessToken: result,
		tokenType: value('token_type') ?? 'Bearer'
	};
	if (expiresIn !== undefined && /^\d+$/.test(expiresIn)) token.expiresIn = Number(expiresIn);
	return withState(token, state);
}

/**
 * Where the parameters are. For the implicit grant the token comes in the fragment, but Spotify
 * documents the denial in the query (reference §2.5), so an empty fragment falls back to it.
 */
function callbackParams(url: URL, mode: CallbackOptions['responseMode']): URLSearchParams {
	if (mode === 'fragment') {
		const fragment = new URLSearchParams(url.hash.slice(1));
		if ([...fragment.keys()].length > 0) return fragment;
	}
	return url.searchParams;
}

function withState<T extends CallbackResult>(result: T, state: string | undefined): T {
	if (state !== undefined) result.state = state;
	return result;
}

/** The callback URL with the authorization response removed, for history.replaceState. */
export function stripCallbackParams(url: string | URL): string {
	const clean = new URL(url);
	for (const name of ['code', 'state', 'error', 'error_description', 'error_uri'])
		clean.searchParams.delete(name);
	clean.hash = '';
	return clean.href;
}
