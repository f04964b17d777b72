/**
 * Requests to `POST /api/token` for every grant (RFC 6749 §4.1.3, §4.4.2, §6; RFC 7636 §4.5;
 * shared/spotify-reference.md §3).
 */
import { basicAuthorization } from '$lib/core/encoding';
import { joinUrl, TOKEN_PATH } from './endpoints';
import { contentTypeOf, type Field, type HttpRequestDescription, type RequestBody } from './http';
import type { Mistakes } from './mistakes';
import { alterCodeVerifier } from './pkce';

/**
 * How the client proves who it is at the token endpoint.
 * - `basic`: `Authorization: Basic base64(client_id:client_secret)` (RFC 6749 §2.3.1, Spotify's way).
 * - `body`: `client_id` and `client_secret` as form fields (also accepted by Spotify).
 * - `server-secret`: live mode with the server's SPOTIFY_CLIENT_SECRET; the request carries no
 *   credentials and the relay adds the Basic header, so the secret never reaches the browser.
 * - `none`: a public client (PKCE), identified by `client_id` in the body only.
 */
export type ClientAuthentication =
	| { method: 'basic' | 'body'; clientId: string; clientSecret: string }
	| { method: 'server-secret'; clientId: string }
	| { method: 'none'; clientId: string };

export type ConfidentialClient = Exclude<ClientAuthentication, { method: 'none' }>;

interface TokenRequestBase {
	accountsBase: string;
	mistakes?: Mistakes;
}

export interface AuthorizationCodeTokenOptions extends TokenRequestBase {
	client: ConfidentialClient;
	code: string;
	/** The redirect_uri sent to /authorize; it must be repeated exactly (RFC 6749 §4.1.3). */
	redirectUri: string;
}

/** Code exchange for a confidential client (RFC 6749 §4.1.3; Spotify code-flow tutorial). */
export function buildAuthorizationCodeTokenRequest(
	options: AuthorizationCodeTokenOptions
): HttpRequestDescription {
	const fields: Field[] = [
		['grant_type', grantType('authorization_code', options.mistakes)],
		['code', tokenStepCode(options.code, options.mistakes)],
		['redirect_uri', tokenStepRedirectUri(options.redirectUri, options.mistakes)]
	];
	return tokenRequest(options, fields, options.client);
}

export interface PkceTokenOptions extends TokenRequestBase {
	clientId: string;
	code: string;
	redirectUri: string;
	codeVerifier: string;
}

/** Code exchange with PKCE: client_id and code_verifier, no Authorization (RFC 7636 §4.5). */
export function buildPkceTokenRequest(options: PkceTokenOptions): HttpRequestDescription {
	const { mistakes = {} } = options;
	const fields: Field[] = [
		['grant_type', grantType('authorization_code', mistakes)],
		['code', tokenStepCode(options.code, mistakes)],
		['redirect_uri', tokenStepRedirectUri(options.redirectUri, mistakes)],
		['client_id', options.clientId]
	];
	if (!mistakes.omitPkce && !mistakes.omitVerifier) {
		let verifier = options.codeVerifier;
		if (mistakes.wrongVerifier) verifier = alterCodeVerifier(verifier);
		// RFC 7636 §4.1: at least 43 characters; one fewer is malformed whatever it hashes to.
		if (mistakes.shortVerifier) verifier = verifier.slice(0, 42);
		fields.push(['code_verifier', verifier]);
	}
	return tokenRequest(options, fields, { method: 'none', clientId: options.clientId });
}

export interface RefreshTokenOptions extends TokenRequestBase {
	/** Confidential (code flow) authenticates; PKCE sends `client_id` only. */
	client: ClientAuthentication;
	refreshToken: string;
}

/** Refresh: Basic for the code flow, client_id for PKCE (RFC 6749 §6; Spotify refreshing-tokens). */
export function buildRefreshTokenRequest(options: RefreshTokenOptions): HttpRequestDescription {
	const fields: Field[] = [
		['grant_type', 'refresh_token'],
		['refresh_token', options.refreshToken]
	];
	if (options.client.method === 'none') fields.push(['client_id', options.client.clientId]);
	return tokenRequest(options, fields, options.client);
}

export interface ClientCredentialsOptions extends TokenRequestBase {
	client: ConfidentialClient;
}

/** Client credentials grant: the app alone (RFC 6749 §4.4.2; Spotify client-credentials tutorial). */
export function buildClientCredentialsRequest(
	options: ClientCredentialsOptions
): HttpRequestDescription {
	return tokenRequest(
		options,
		[['grant_type', grantType('client_credentials', options.mistakes)]],
		options.client
	);
}

export { basicAuthorization };

/**
 * Teaching mistake "different redirect URI": the real-world slip of a trailing slash added or
 * lost between the two steps (reference §10, problem 6).
 */
export function alterRedirectUri(uri: string): string {
	// Spotify compares the raw strings, so the change is made on the string, before any query.
	const cut = uri.search(/[?#]/);
	const [head, tail] = cut < 0 ? [uri, ''] : [uri.slice(0, cut), uri.slice(cut)];
	return (head.endsWith('/') ? head.slice(0, -1) : `${head}/`) + tail;
}

function tokenStepRedirectUri(uri: string, mistakes: Mistakes | undefined): string {
	return mistakes?.differentRedirectUri ? alterRedirectUri(uri) : uri;
}

/** `emptyCode`: the field is sent, with nothing in it (read from the wrong part of the URL). */
function tokenStepCode(code: string, mistakes: Mistakes | undefined): string {
	return mistakes?.emptyCode ? '' : code;
}

/** `misspeltGrantType`: a hyphen for the underscore, which Spotify echoes back as unsupported. */
function grantType(value: string, mistakes: Mistakes | undefined): string {
	return mistakes?.misspeltGrantType ? value.replace('_', '-') : value;
}

/**
 * The secret as the credential switches spoil it: another app's (an old, rotated one), or the
 * right one where the id should be and the other way round.
 */
function spoiledCredentials(
	clientId: string,
	clientSecret: string,
	mistakes: Mistakes | undefined
): { clientId: string; clientSecret: string } {
	if (mistakes?.swappedCredentials) return { clientId: clientSecret, clientSecret: clientId };
	if (mistakes?.wrongSecret) return { clientId, clientSecret: rotatedSecret(clientSecret) };
	return { clientId, clientSecret };
}

/** A secret of the same shape that is not this one: its last character changed. */
function rotatedSecret(secret: string): string {
	const last = secret.at(-1) === '0' ? '1' : '0';
	return `${secret.slice(0, -1)}${last}`;
}

function tokenRequest(
	options: TokenRequestBase,
	fields: Field[],
	client: ClientAuthentication
): HttpRequestDescription {
	const { mistakes } = options;
	if (client.method === 'body') {
		const sent = spoiledCredentials(client.clientId, client.clientSecret, mistakes);
		fields.push(['client_id', sent.clientId], ['client_secret', sent.clientSecret]);
	}
	const body: RequestBody = { type: mistakes?.bodyAsJson ? 'json' : 'form', fields };
	const headers: Record<string, string> = { 'Content-Type': contentTypeOf(body) };
	if (client.method === 'basic') {
		const sent = spoiledCredentials(client.clientId, client.clientSecret, mistakes);
		// `echo "id:secret" | base64` encodes the newline too: a classic cause of bare invalid_client.
		const newline = mistakes?.basicWithNewline ? '\n' : '';
		headers.Authorization = basicAuthorization(sent.clientId, sent.clientSecret + newline);
	}
	const url = joinUrl(options.accountsBase, TOKEN_PATH);
	if (mistakes?.tokenRequestAsGet) return asGet(url, headers, fields);
	return { method: 'POST', url, headers, body };
}

/**
 * `tokenRequestAsGet`: the parameters in the query string of a GET, as a link or a form with
 * method=get would send them. A client secret never goes into a URL: it is left out.
 */
function asGet(
	url: string,
	headers: Record<string, string>,
	fields: readonly Field[]
): HttpRequestDescription {
	const query = new URLSearchParams();
	for (const [name, value] of fields) if (name !== 'client_secret') query.append(name, value);
	const { Authorization: authorization } = headers;
	return {
		method: 'GET',
		url: `${url}?${query}`,
		headers: authorization ? { Authorization: authorization } : {}
	};
}
