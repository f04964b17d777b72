/**
 * Token endpoint answers: a token set on 200, a TokenResponseError for RFC 6749 §5.2 error JSON,
 * a MalformedResponseError for anything else (shared/spotify-reference.md §3).
 */
import { MalformedResponseError, TokenResponseError } from './errors';
import type { HttpResponseDescription } from './http';

export interface TokenSet {
	accessToken: string;
	/** Always `Bearer` at Spotify (the client-credentials docs once showed `bearer`). */
	tokenType: string;
	/** Seconds; 3600 at Spotify. */
	expiresIn: number;
	/** Absent for client credentials, and in refresh answers that do not rotate it. */
	refreshToken?: string;
	/** Space-separated granted scopes; may be `""`; absent for client credentials. */
	scope?: string;
}

/** Parses a token endpoint response (RFC 6749 §5.1 success, §5.2 error). */
export function parseTokenResponse(response: HttpResponseDescription): TokenSet {
	const json = parseJsonObject(response.body);
	if (response.status !== 200) {
		if (json && typeof json.error === 'string')
			throw new TokenResponseError(
				response.status,
				json.error,
				typeof json.error_description === 'string' ? json.error_description : undefined
			);
		throw malformed(response, json ? 'error answer without an error field' : 'body is not JSON');
	}
	if (!json) throw malformed(response, 'body is not JSON');
	if (typeof json.access_token !== 'string' || json.access_token === '')
		throw malformed(response, 'access_token missing');
	if (typeof json.token_type !== 'string') throw malformed(response, 'token_type missing');
	if (json.token_type.toLowerCase() !== 'bearer')
		throw malformed(response, `token_type ${json.token_type} is not Bearer`);
	if (typeof json.expires_in !== 'number' || !Number.isFinite(json.expires_in))
		throw malformed(response, 'expires_in missing');

	const tokens: TokenSet = {
		accessToken: json.access_token,
		tokenType: json.token_type,
		expiresIn: json.expires_in
	};
	if (typeof json.refresh_token === 'string') tokens.refreshToken = json.refresh_token;
	if (typeof json.scope === 'string') tokens.scope = json.scope;
	return tokens;
}

/**
 * The tokens after a refresh: a refresh answer may omit `refresh_token`, and then the old one
 * stays valid (Spotify refreshing-tokens tutorial; reference §3.4, §6).
 */
export function mergeRefreshedTokens(previous: TokenSet, refreshed: TokenSet): TokenSet {
	const merged = { ...refreshed };
	if (merged.refreshToken === undefined && previous.refreshToken !== undefined)
		merged.refreshToken = previous.refreshToken;
	if (merged.scope === undefined && previous.scope !== undefined) merged.scope = previous.scope;
	return merged;
}

/** A JSON object, or undefined for anything else (HTML error pages, empty bodies, arrays). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

function malformed(response: HttpResponseDescription, detail: string): MalformedResponseError {
	return new MalformedResponseError('malformed-token-response', response.status, detail);
}
