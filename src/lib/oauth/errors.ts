/**
 * Typed errors of the protocol core, one class per kind. Each carries the wire code (`error`),
 * Spotify's `error_description` and the HTTP status (null for redirects and client checks).
 * The catalog entry that explains the likely cause and the fix is looked up by `explainError`
 * (explain.ts) where an error is shown: the catalog stays out of the explorer's first load.
 * Code branches on `kind` and `error`, never on message text (CONVENTIONS.md, habit 5).
 */
import type { ClientCheckEntry, ClientCheckSlug, SpotifyErrorEntry } from '$lib/spotify/errors';

export type OAuthErrorKind =
	| 'authorize-page'
	| 'token-response'
	| 'web-api'
	| 'access-denied'
	| 'authorization-response'
	| 'state-mismatch'
	| 'malformed-callback'
	| 'malformed-response';

export type ErrorExplanation = SpotifyErrorEntry | ClientCheckEntry;

/** Plain data for snapshots and the UI (errors do not survive structured cloning intact). */
export interface OAuthErrorData {
	kind: OAuthErrorKind;
	error: string;
	error_description?: string;
	status: number | null;
	/**
	 * The catalog slug, where the kind alone names the entry (access_denied, the client's own
	 * checks); the others are found from the wire values (explain.ts).
	 */
	slug?: string;
}

export abstract class OAuthError extends Error {
	abstract readonly kind: OAuthErrorKind;

	constructor(
		readonly error: string,
		readonly error_description: string | undefined,
		readonly status: number | null,
		readonly slug?: string
	) {
		super(error_description ? `${error}: ${error_description}` : error);
	}

	toJSON(): OAuthErrorData {
		const data: OAuthErrorData = { kind: this.kind, error: this.error, status: this.status };
		if (this.error_description !== undefined) data.error_description = this.error_description;
		if (this.slug !== undefined) data.slug = this.slug;
		return data;
	}
}

/**
 * `/authorize` refused the request with its own error page (no redirect: reference §2.4), e.g.
 * `INVALID_CLIENT: Invalid redirect URI`. `error_description` is the page's text.
 */
export class AuthorizePageError extends OAuthError {
	readonly kind = 'authorize-page';
	constructor(status: number, text: string) {
		super('authorize_page', text, status);
	}
}

/** `/api/token` answered `{"error":…,"error_description":…}` (RFC 6749 §5.2). */
export class TokenResponseError extends OAuthError {
	readonly kind = 'token-response';
	constructor(status: number, error: string, description?: string) {
		super(error, description, status);
	}
}

/**
 * The Web API answered `{"error":{"status","message"}}`. `error` is the RFC 6750 §3.1 code the
 * status stands for (`invalid_token` for 401, …), because Spotify's body carries none.
 */
export class WebApiError extends OAuthError {
	readonly kind = 'web-api';
	constructor(
		status: number,
		message: string | undefined,
		/** Seconds from `Retry-After` on a 429. */
		readonly retryAfter?: number
	) {
		super(bearerErrorCode(status), message, status);
	}
}

/** The user pressed Cancel: `?error=access_denied` (RFC 6749 §4.1.2.1). */
export class AccessDeniedError extends OAuthError {
	readonly kind = 'access-denied';
	constructor(description?: string) {
		super('access_denied', description, null, 'access-denied');
	}
}

/** Any other `?error=` (or `#error=`) on the redirect back, e.g. `unsupported_response_type`. */
export class AuthorizationResponseError extends OAuthError {
	readonly kind = 'authorization-response';
	constructor(error: string, description?: string) {
		super(error, description, null);
	}
}

/** The callback's `state` is missing or differs from the stored one (RFC 6749 §10.12). */
export class StateMismatchError extends OAuthError {
	readonly kind = 'state-mismatch';
	constructor(readonly received: string | undefined) {
		super(clientCheckCodes['state-mismatch'], undefined, null, 'state-mismatch');
	}
}

/** A callback that is not a valid authorization response: both or neither, or repeated params. */
export class MalformedCallbackError extends OAuthError {
	readonly kind = 'malformed-callback';
	constructor(slug: 'callback-code-and-error' | 'callback-empty' | 'callback-repeated-parameter') {
		super(clientCheckCodes[slug], undefined, null, slug);
	}
}

/** A response that is not what the endpoint documents (not JSON, missing fields). */
export class MalformedResponseError extends OAuthError {
	readonly kind = 'malformed-response';
	constructor(
		slug: Extract<ClientCheckSlug, 'malformed-token-response' | 'malformed-web-api-response'>,
		status: number,
		/** What exactly is wrong, for the learner: `body is not JSON`, `access_token missing`. */
		readonly detail: string
	) {
		super(clientCheckCodes[slug], undefined, status, slug);
	}
}

/**
 * The client's own codes for its checks (the catalog's `code` of each, a test keeps them equal):
 * a few bytes here instead of the catalog in every page that parses a response.
 */
export const clientCheckCodes: Record<ClientCheckSlug, string> = {
	'state-mismatch': 'state_mismatch',
	'callback-code-and-error': 'invalid_callback',
	'callback-empty': 'invalid_callback',
	'callback-repeated-parameter': 'invalid_callback',
	'malformed-token-response': 'invalid_response',
	'malformed-web-api-response': 'invalid_response'
};

function bearerErrorCode(status: number): string {
	if (status === 401) return 'invalid_token';
	if (status === 403) return 'insufficient_scope';
	if (status === 429) return 'rate_limited';
	if (status >= 500) return 'server_error';
	return 'invalid_request';
}
