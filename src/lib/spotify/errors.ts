/**
 * Every error Spotify's accounts service and Web API are known to answer, with the exact wire
 * strings of shared/spotify-reference.md §2.4, §2.5, §3.6 and §7.4, and what causes each and how to
 * fix it (§10). One catalog feeds the emulator's answers, the parsers' explanations, the error
 * decoder and the /errors pages, so they cannot drift apart.
 */
import type { FlowSlug } from './flows';

/** Where the error shows up. */
export type ErrorSurface =
	| 'authorize-page' //   a plain error page at /authorize, no redirect
	| 'authorize-redirect' // ?error=… (or #error=…) on the redirect back to the app
	| 'token' //            JSON from POST /api/token
	| 'web-api' //          JSON {"error":{"status","message"}} from api.spotify.com
	| 'dashboard'; //       the developer dashboard, not OAuth

export interface SpotifyErrorEntry {
	/** Stable id, used in URLs (/errors/<slug>) and by code; never matched on message text. */
	slug: string;
	surface: ErrorSurface;
	/** HTTP status Spotify answers with (null where a redirect carries the error). */
	status: number | null;
	/** RFC 6749 error code (`invalid_grant`, …) for token and redirect errors. */
	code?: string;
	/**
	 * The exact text: `error_description` for token errors (absent when Spotify sends none),
	 * the page text for authorize pages, `message` for Web API errors.
	 */
	text?: string;
	title: string;
	/** The step of a flow that produces it. */
	step: string;
	/** Likely causes, most likely first. */
	causes: readonly string[];
	fix: string;
	flows: readonly FlowSlug[];
	/** Row of the reference's §10 table, when it is one of the top problems. */
	problem?: number;
}

const codeFlows: readonly FlowSlug[] = ['authorization-code', 'authorization-code-pkce'];
const userFlows: readonly FlowSlug[] = [...codeFlows, 'implicit-grant'];
const allFlows: readonly FlowSlug[] = [...userFlows, 'client-credentials'];
const secretFlows: readonly FlowSlug[] = ['authorization-code', 'client-credentials'];

export const spotifyErrors = [
	// --- /authorize: plain pages, never a redirect (reference §2.4) ---
	{
		slug: 'invalid-redirect-uri-authorize',
		surface: 'authorize-page',
		status: 400,
		text: 'INVALID_CLIENT: Invalid redirect URI',
		title: 'Invalid redirect URI at /authorize',
		step: 'authorize',
		causes: [
			'The redirect_uri is not registered for the app.',
			'It is not byte-identical to the registered one: a trailing slash, a different case, port, path or query.',
			'The URI was added in the dashboard but the settings were not saved.'
		],
		fix: 'Register the exact string in the dashboard, press Save, and send that same string.',
		flows: userFlows,
		problem: 1
	},
	{
		slug: 'insecure-redirect-uri',
		surface: 'authorize-page',
		status: 400,
		text: 'INVALID_CLIENT: Insecure redirect URI',
		title: 'Insecure redirect URI',
		step: 'authorize',
		causes: [
			'The redirect URI uses http with localhost, a LAN address or a public host (banned for new apps from 2025-04-09 and for all apps from 2025-11-27).'
		],
		fix: 'Use http://127.0.0.1:PORT/… or http://[::1]:PORT/… for local development, and https everywhere else.',
		flows: userFlows,
		problem: 2
	},
	{
		slug: 'invalid-client-authorize',
		surface: 'authorize-page',
		status: 400,
		text: 'INVALID_CLIENT: Invalid client',
		title: 'Invalid client at /authorize',
		step: 'authorize',
		causes: [
			'The client_id is unknown or garbled (a stray character, the word undefined, an empty environment variable).'
		],
		fix: "Copy the Client ID from the app's dashboard page and check that the app really sends it.",
		flows: userFlows
	},
	{
		slug: 'failed-to-get-client',
		surface: 'authorize-page',
		status: 400,
		text: 'INVALID_CLIENT: Failed to get client',
		title: 'Failed to get client',
		step: 'authorize',
		causes: ['Reported in 2025 with valid-looking client IDs; the cause is not documented.'],
		fix: 'Check the client ID; if it is right, wait and retry, or create a new app.',
		flows: userFlows
	},
	{
		slug: 'illegal-redirect-uri',
		surface: 'authorize-page',
		status: 400,
		text: 'Illegal redirect_uri',
		title: 'Illegal redirect_uri',
		step: 'authorize',
		causes: ['The redirect_uri is not a URI at all, such as None or a value wrapped in quotes.'],
		fix: 'Send the registered redirect URI as a plain, absolute URI.',
		flows: userFlows
	},
	{
		slug: 'illegal-scope',
		surface: 'authorize-page',
		status: 400,
		text: 'Illegal scope',
		title: 'Illegal scope',
		step: 'authorize',
		causes: [
			'A scope is unknown, removed (user-read-birthdate), not for third parties (openid) or Spotify-internal.'
		],
		fix: 'Request only the documented scopes.',
		flows: userFlows,
		problem: 17
	},
	{
		slug: 'missing-client-id',
		surface: 'authorize-page',
		status: 400,
		text: 'Missing required parameter: client_id',
		title: 'Missing client_id',
		step: 'authorize',
		causes: ['client_id is absent or empty in the authorize URL.'],
		fix: 'Add client_id to the authorize URL.',
		flows: userFlows
	},
	{
		slug: 'missing-redirect-uri',
		surface: 'authorize-page',
		status: 400,
		text: 'Missing required parameter: redirect_uri',
		title: 'Missing redirect_uri',
		step: 'authorize',
		causes: ['redirect_uri is absent or empty in the authorize URL.'],
		fix: 'Add the registered redirect_uri to the authorize URL.',
		flows: userFlows
	},
	{
		slug: 'missing-response-type',
		surface: 'authorize-page',
		status: 400,
		text: 'Missing required parameter: response_type',
		title: 'Missing response_type',
		step: 'authorize',
		causes: ['response_type is absent or empty in the authorize URL.'],
		fix: 'Add response_type=code.',
		flows: userFlows
	},
	{
		slug: 'response-type-must-be-code',
		surface: 'authorize-page',
		status: 400,
		text: 'response_type must be code',
		title: 'response_type must be code',
		step: 'authorize',
		causes: [
			'The app still uses the implicit grant (response_type=token), removed on 2025-11-27; or sends another unsupported response_type.'
		],
		fix: 'Migrate to the authorization code flow with PKCE.',
		flows: ['implicit-grant'],
		problem: 18
	},
	{
		slug: 'something-went-wrong',
		surface: 'authorize-page',
		status: 400,
		text: 'Something went wrong, please try again or check out our help area',
		title: 'Something went wrong',
		step: 'authorize',
		causes: ['A generic failure of the accounts service.'],
		fix: 'Retry; check the authorize URL with the inspector.',
		flows: userFlows
	},
	// --- Redirect errors (reference §2.3, §2.5) ---
	{
		slug: 'access-denied',
		surface: 'authorize-redirect',
		status: null,
		code: 'access_denied',
		title: 'The user denied access',
		step: 'callback',
		causes: ['The user pressed Cancel on the consent page.'],
		fix: 'Nothing is broken: explain why the app needs access and let the user try again.',
		flows: userFlows
	},
	{
		slug: 'unsupported-response-type',
		surface: 'authorize-redirect',
		status: null,
		code: 'unsupported_response_type',
		title: 'Unsupported response type',
		step: 'callback',
		causes: ['The app still uses the implicit grant (response_type=token), removed on 2025-11-27.'],
		fix: 'Migrate to the authorization code flow with PKCE.',
		flows: ['implicit-grant'],
		problem: 18
	},
	// --- POST /api/token (reference §3.6) ---
	{
		slug: 'invalid-authorization-code',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'Invalid authorization code',
		title: 'Invalid authorization code',
		step: 'token',
		causes: [
			'The code was already exchanged: a page reload, a retry, or React StrictMode running the effect twice.',
			'The code was issued to another client.',
			'The code was copied incompletely.'
		],
		fix: 'Exchange each code exactly once, then remove it from the URL.',
		flows: codeFlows,
		problem: 4
	},
	{
		slug: 'authorization-code-expired',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'Authorization code expired',
		title: 'Authorization code expired',
		step: 'token',
		causes: ['More than about ten minutes passed between the redirect and the exchange.'],
		fix: 'Exchange the code as soon as the callback arrives.',
		flows: codeFlows,
		problem: 5
	},
	{
		slug: 'invalid-redirect-uri-token',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'Invalid redirect URI',
		title: 'Invalid redirect URI at the token step',
		step: 'token',
		causes: [
			'The token request sends a redirect_uri that differs from the one sent to /authorize: encoded twice, pre-encoded in configuration, or missing a slash.'
		],
		fix: 'Send the identical raw string and let the form encoder encode it once.',
		flows: codeFlows,
		problem: 6
	},
	{
		slug: 'code-verifier-incorrect',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'code_verifier was incorrect',
		title: 'code_verifier was incorrect',
		step: 'token',
		causes: [
			'The challenge was made with standard base64 (+, / and = padding) instead of base64url.',
			'The challenge hashed the random bytes or a hex digest instead of the verifier string.',
			'The verifier was regenerated or lost between the redirect and the callback.'
		],
		fix: 'Send base64url(sha256(verifier)) without padding, and keep the verifier (sessionStorage) until the callback.',
		flows: ['authorization-code-pkce'],
		problem: 9
	},
	{
		slug: 'code-verifier-invalid',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'code_verifier was invalid',
		title: 'code_verifier was invalid',
		step: 'token',
		causes: [
			'The verifier is shorter than 43 or longer than 128 characters, or uses characters outside A-Z a-z 0-9 - . _ ~.'
		],
		fix: 'Generate 43 to 128 characters of the unreserved set.',
		flows: ['authorization-code-pkce']
	},
	{
		slug: 'code-verifier-required',
		surface: 'token',
		status: 400,
		code: 'invalid_request',
		text: 'code_verifier required',
		title: 'code_verifier required',
		step: 'token',
		causes: [
			'A code obtained with PKCE was exchanged without code_verifier, for example by a backend that dropped it.'
		],
		fix: 'Send code_verifier and client_id with the exchange.',
		flows: ['authorization-code-pkce'],
		problem: 10
	},
	{
		slug: 'code-must-be-supplied',
		surface: 'token',
		status: 400,
		code: 'invalid_request',
		text: 'code must be supplied',
		title: 'code must be supplied',
		step: 'token',
		causes: ['The code parameter is missing or empty.'],
		fix: 'Send the code from the callback.',
		flows: codeFlows
	},
	{
		slug: 'invalid-refresh-token',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'Invalid refresh token',
		title: 'Invalid refresh token',
		step: 'refresh',
		causes: [
			'The refresh token is unknown, garbled or belongs to another client.',
			'Since 2026 it may have passed its six-month lifetime.'
		],
		fix: 'Discard it and send the user through authorization again.',
		flows: codeFlows,
		problem: 12
	},
	{
		slug: 'refresh-token-revoked',
		surface: 'token',
		status: 400,
		code: 'invalid_grant',
		text: 'Refresh token revoked',
		title: 'Refresh token revoked',
		step: 'refresh',
		causes: [
			'The user removed the app from their account.',
			"The user's password was reset.",
			'Before 2026, a PKCE refresh token was reused after it had been rotated.'
		],
		fix: 'Store a new refresh token whenever one is returned; on invalid_grant discard and re-authorize, never retry.',
		flows: codeFlows,
		problem: 11
	},
	{
		slug: 'invalid-client-secret',
		surface: 'token',
		status: 400,
		code: 'invalid_client',
		text: 'Invalid client secret',
		title: 'Invalid client secret',
		step: 'token',
		causes: ['The secret is wrong, was rotated in the dashboard, or id and secret are swapped.'],
		fix: "Copy the secret again from the dashboard and send base64('<client_id>:<client_secret>').",
		flows: secretFlows,
		problem: 7
	},
	{
		slug: 'invalid-client-token',
		surface: 'token',
		status: 400,
		code: 'invalid_client',
		text: 'Invalid client',
		title: 'Invalid client at the token step',
		step: 'token',
		causes: ['The client_id is unknown.'],
		fix: "Use the Client ID from the app's dashboard page.",
		flows: allFlows
	},
	{
		slug: 'invalid-client-malformed',
		surface: 'token',
		status: 400,
		code: 'invalid_client',
		title: 'invalid_client with no description',
		step: 'token',
		causes: [
			"The Basic header is not base64 of id:secret: a bytes repr (Basic b'…'), a trailing newline from echo, a missing colon.",
			'No client credentials were sent at all.'
		],
		fix: "Send Authorization: Basic base64('<client_id>:<client_secret>') exactly, with no newline.",
		flows: secretFlows,
		problem: 7
	},
	{
		slug: 'grant-type-missing',
		surface: 'token',
		status: 400,
		code: 'unsupported_grant_type',
		text: 'grant_type parameter is missing',
		title: 'grant_type parameter is missing',
		step: 'token',
		causes: [
			'The body was sent as JSON (the axios default) or in the query string, so no form field grant_type arrived.'
		],
		fix: 'Send an application/x-www-form-urlencoded body, for example with URLSearchParams.',
		flows: allFlows,
		problem: 8
	},
	{
		slug: 'grant-type-unsupported',
		surface: 'token',
		status: 400,
		code: 'unsupported_grant_type',
		text: 'grant_type {value} is not supported',
		title: 'grant_type is not supported',
		step: 'token',
		causes: [
			'grant_type is misspelt, padded with whitespace, or a grant Spotify does not offer (password, implicit).'
		],
		fix: 'Use authorization_code, refresh_token or client_credentials.',
		flows: allFlows
	},
	// --- Web API (reference §7.4) ---
	{
		slug: 'no-token-provided',
		surface: 'web-api',
		status: 401,
		text: 'No token provided',
		title: 'No token provided',
		step: 'api-call',
		causes: ['The request has no Authorization header.'],
		fix: 'Send Authorization: Bearer <access_token>.',
		flows: allFlows
	},
	{
		slug: 'invalid-access-token',
		surface: 'web-api',
		status: 401,
		text: 'Invalid access token',
		title: 'Invalid access token',
		step: 'api-call',
		causes: [
			'The token is garbled, truncated, or not an access token (a refresh token or a code).'
		],
		fix: 'Send the access_token from the token response.',
		flows: allFlows
	},
	{
		slug: 'access-token-expired',
		surface: 'web-api',
		status: 401,
		text: 'The access token expired',
		title: 'The access token expired',
		step: 'api-call',
		causes: ['Access tokens last 3600 seconds.'],
		fix: 'Refresh before expires_in runs out (say 60 s early) and branch on status 401, not on the message.',
		flows: allFlows,
		problem: 13
	},
	{
		slug: 'missing-invalid-expired-token',
		surface: 'web-api',
		status: 401,
		text: 'Missing/invalid/expired access token',
		title: 'Missing/invalid/expired access token',
		step: 'api-call',
		causes: [
			'Since about July 2026 Spotify answers every missing, invalid or expired token with this one message.'
		],
		fix: 'Refresh or re-authorize; branch on status 401, never on the message text.',
		flows: allFlows,
		problem: 13
	},
	{
		slug: 'only-bearer-supported',
		surface: 'web-api',
		status: 400,
		text: 'Only valid bearer authentication supported',
		title: 'Only valid bearer authentication supported',
		step: 'api-call',
		causes: [
			'The Authorization header is not Bearer <token>: Basic, an empty token, or a whole token object printed into it.'
		],
		fix: "Send 'Bearer ' followed by the access token string.",
		flows: allFlows,
		problem: 20
	},
	{
		slug: 'insufficient-client-scope',
		surface: 'web-api',
		status: 403,
		text: 'Insufficient client scope',
		title: 'Insufficient client scope',
		step: 'api-call',
		causes: [
			'The token lacks a scope the endpoint needs.',
			'A client-credentials token was used on a /v1/me endpoint: it has no user.',
			'A token cached from an older scope set.'
		],
		fix: 'Request the scope (with show_dialog=true to re-consent), or use a user flow for /v1/me.',
		flows: allFlows,
		problem: 14
	},
	{
		slug: 'user-not-registered',
		surface: 'web-api',
		status: 403,
		text: 'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
		title: 'The user may not be registered',
		step: 'api-call',
		causes: [
			'The app is in development mode and the user is not on its allow-list (at most five users since 2026).'
		],
		fix: "Add the user's Spotify email in the dashboard's User Management, or apply for extended quota.",
		flows: userFlows,
		problem: 15
	},
	{
		slug: 'premium-required',
		surface: 'web-api',
		status: 403,
		text: 'Active premium subscription required for the owner of the app. When the subscription status changes, it can take a few hours before requests are allowed again.',
		title: 'Premium required for the app owner',
		step: 'api-call',
		causes: [
			"Since February 2026 a development-mode app stops working when its owner's Premium lapses."
		],
		fix: 'The owner subscribes to Premium; it can take hours to take effect.',
		flows: allFlows,
		problem: 16
	},
	{
		slug: 'rate-limited',
		surface: 'web-api',
		status: 429,
		title: 'Too many requests',
		step: 'api-call',
		causes: ['Too many calls in a rolling 30-second window, often from immediate retries.'],
		fix: 'Wait the Retry-After seconds, back off, and batch calls.',
		flows: allFlows,
		problem: 21
	},
	// --- Developer dashboard (reference §2.4) ---
	{
		slug: 'redirect-uri-not-secure',
		surface: 'dashboard',
		status: null,
		text: 'This redirect URI is not secure.',
		title: 'This redirect URI is not secure',
		step: 'app settings',
		causes: ['The dashboard refuses http://localhost, LAN addresses and public http URIs.'],
		fix: 'Register http://127.0.0.1:PORT/… or http://[::1]:PORT/…, or an https URI.',
		flows: userFlows,
		problem: 2
	},
	// --- Added for the emulator (issue 3): answers the reference's tables do not cover. Where
	// Spotify's exact text is undocumented, the text is the most commonly reported one. ---
	{
		slug: 'pkce-method-unsupported',
		surface: 'authorize-redirect',
		status: null,
		code: 'invalid_request',
		title: 'Unsupported code_challenge_method',
		step: 'authorize',
		causes: [
			'code_challenge_method is plain or unknown: Spotify documents only S256 (reference §11 recommends refusing plain).',
			'code_challenge was sent without code_challenge_method, or the method without a challenge.'
		],
		fix: 'Send code_challenge_method=S256 with code_challenge = base64url(sha256(verifier)).',
		flows: ['authorization-code-pkce']
	},
	{
		slug: 'refresh-token-must-be-supplied',
		surface: 'token',
		status: 400,
		code: 'invalid_request',
		text: 'refresh_token must be supplied',
		title: 'refresh_token must be supplied',
		step: 'refresh',
		causes: [
			'The refresh_token parameter is missing or empty, for example a refresh token saved as null because a refresh response had none.'
		],
		fix: 'Keep the refresh token you already have when a response carries none; if you have none, authorize again.',
		// The emulator's wording (not a reported Spotify text), so not one of the reference's
		// top problems, though it is what problem 12's null refresh token leads to.
		flows: ['authorization-code', 'authorization-code-pkce']
	},
	{
		slug: 'token-method-not-allowed',
		surface: 'token',
		status: 405,
		code: 'invalid_request',
		text: 'Method not allowed',
		title: 'The token endpoint takes POST only',
		step: 'token',
		causes: [
			'The token request was sent with GET (parameters in the query string) or another method. Spotify’s exact answer is not documented.'
		],
		fix: 'POST an application/x-www-form-urlencoded body to /api/token.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'invalid-id',
		surface: 'web-api',
		status: 400,
		text: 'invalid id',
		title: 'invalid id',
		step: 'api-call',
		causes: [
			'The id in the path is not a 22-character base62 Spotify id (a URI or URL was pasted instead).'
		],
		fix: 'Send the bare id, e.g. the last part of spotify:artist:<id>.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'resource-not-found',
		surface: 'web-api',
		status: 404,
		text: 'Resource not found',
		title: 'Resource not found',
		step: 'api-call',
		causes: [
			'The id is well formed but nothing has it (in the emulator: not in its invented catalog).'
		],
		fix: 'Check the id; search for the item first.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'no-search-query',
		surface: 'web-api',
		status: 400,
		text: 'No search query',
		title: 'No search query',
		step: 'api-call',
		causes: ['/v1/search was called without q, or with an empty q.'],
		fix: 'Send q with the words to search for.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'missing-search-type',
		surface: 'web-api',
		status: 400,
		text: 'Missing parameter type',
		title: 'Missing parameter type',
		step: 'api-call',
		causes: ['/v1/search was called without type.'],
		fix: 'Send type=artist (or track, album, playlist, show, episode, audiobook; comma-separated).',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'bad-search-type',
		surface: 'web-api',
		status: 400,
		text: 'Bad search type field',
		title: 'Bad search type field',
		step: 'api-call',
		causes: ['type has a value Spotify does not know, often a plural such as artists.'],
		fix: 'Use the singular names: artist, track, album, playlist, show, episode, audiobook.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'invalid-limit',
		surface: 'web-api',
		status: 400,
		text: 'Invalid limit',
		title: 'Invalid limit',
		step: 'api-call',
		causes: [
			'limit is not a number within the endpoint’s range (search: 0–10 since 2026; top items: 1–50).'
		],
		fix: 'Send a limit inside the documented range and page with offset.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'invalid-offset',
		surface: 'web-api',
		status: 400,
		text: 'Invalid offset',
		title: 'Invalid offset',
		step: 'api-call',
		causes: ['offset is negative, not a number, or beyond the endpoint’s maximum.'],
		fix: 'Send an offset from 0 up to the documented maximum.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'invalid-time-range',
		surface: 'web-api',
		status: 400,
		text: 'Invalid time range',
		title: 'Invalid time range',
		step: 'api-call',
		causes: ['time_range is not short_term, medium_term or long_term.'],
		fix: 'Use short_term (about 4 weeks), medium_term (6 months, the default) or long_term.',
		flows: ['authorization-code', 'authorization-code-pkce']
	},
	{
		slug: 'service-not-found',
		surface: 'web-api',
		status: 404,
		text: 'Service not found',
		title: 'Service not found',
		step: 'api-call',
		causes: [
			'The path is not a Web API endpoint: a typo, a missing /v1, or an endpoint the emulator does not implement.'
		],
		fix: 'Check the path against the Web API reference.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	},
	{
		slug: 'web-api-method-not-allowed',
		surface: 'web-api',
		status: 405,
		text: 'Method not allowed',
		title: 'Method not allowed',
		step: 'api-call',
		causes: ['The endpoint exists but not with this HTTP method.'],
		fix: 'Use the method the Web API reference gives for the endpoint.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	}
] as const satisfies readonly SpotifyErrorEntry[];

export type SpotifyErrorSlug = (typeof spotifyErrors)[number]['slug'];

const bySlug = new Map<string, SpotifyErrorEntry>(spotifyErrors.map((e) => [e.slug, e]));

export function getSpotifyError(slug: SpotifyErrorSlug): SpotifyErrorEntry {
	return bySlug.get(slug)!;
}

/** The exact JSON body of a token-endpoint error (`{value}` in the text is replaced by `value`). */
export function tokenErrorBody(
	slug: SpotifyErrorSlug,
	value = ''
): { error: string; error_description?: string } {
	const entry = getSpotifyError(slug);
	if (entry.surface !== 'token' || !entry.code) throw new Error(`${slug} is not a token error`);
	return entry.text === undefined
		? { error: entry.code }
		: { error: entry.code, error_description: entry.text.replace('{value}', value) };
}

/** The exact body of a Web API error: `{"error":{"status","message"}}`. */
export function webApiErrorBody(slug: SpotifyErrorSlug): {
	error: { status: number; message?: string };
} {
	const entry = getSpotifyError(slug);
	if (entry.surface !== 'web-api' || entry.status === null)
		throw new Error(`${slug} is not a Web API error`);
	return entry.text === undefined
		? { error: { status: entry.status } }
		: { error: { status: entry.status, message: entry.text } };
}

/** Finds the catalog entry for a token error answer, by code first and then description. */
export function findTokenError(code: string, description?: string): SpotifyErrorEntry | undefined {
	const candidates = spotifyErrors.filter((e) => e.surface === 'token' && e.code === code);
	if (description === undefined) return candidates.find((e) => !('text' in e)) ?? candidates[0];
	return (
		candidates.find((e) => 'text' in e && e.text === description) ??
		candidates.find(
			(e) => 'text' in e && e.text.includes('{value}') && matchesTemplate(e.text, description)
		)
	);
}

/** Finds the catalog entry for the text of an error page at /authorize. */
export function findAuthorizePageError(text: string): SpotifyErrorEntry | undefined {
	return spotifyErrors.find(
		(e) => e.surface === 'authorize-page' && 'text' in e && e.text === text
	);
}

/** Finds the catalog entry for an `?error=` code on the redirect back (access_denied aside). */
export function findRedirectError(code: string): SpotifyErrorEntry | undefined {
	return spotifyErrors.find((e) => e.surface === 'authorize-redirect' && e.code === code);
}

/** Finds the catalog entry for a Web API error answer. */
export function findWebApiError(status: number, message?: string): SpotifyErrorEntry | undefined {
	return spotifyErrors.find(
		(e) =>
			e.surface === 'web-api' &&
			e.status === status &&
			(message === undefined || !('text' in e) || e.text === message)
	);
}

function matchesTemplate(template: string, text: string): boolean {
	const [before, after] = template.split('{value}');
	return (
		text.startsWith(before) && text.endsWith(after) && text.length >= before.length + after.length
	);
}

// --- Problems the client detects itself (appended for the protocol core, src/lib/oauth/) ---

/**
 * A check the client makes on what comes back, where Spotify itself sends no error: the callback
 * parser and the response parsers explain these with the same cause-and-fix shape as Spotify's
 * own errors. `code` is the client's own code (`state_mismatch` follows Spotify's example app).
 */
export interface ClientCheckEntry {
	slug: string;
	code: string;
	title: string;
	step: string;
	causes: readonly string[];
	fix: string;
	flows: readonly FlowSlug[];
}

export const clientCheckErrors = [
	{
		slug: 'state-mismatch',
		code: 'state_mismatch',
		title: 'The state does not match',
		step: 'callback',
		causes: [
			'This browser session did not start the request: a forged or replayed redirect (CSRF, RFC 6749 §10.12).',
			'The stored state was lost or replaced: another tab started a new flow, or session storage was cleared.',
			'The app stopped sending state, or Spotify was given a different value than the one stored.'
		],
		fix: 'Reject the response and never exchange its code; start the flow again from this tab.',
		flows: userFlows
	},
	{
		slug: 'callback-code-and-error',
		code: 'invalid_callback',
		title: 'The callback carries both a result and an error',
		step: 'callback',
		causes: [
			'The redirect was crafted or altered: a genuine response carries either the result or error, never both (RFC 6749 §4.1.2).'
		],
		fix: 'Reject the callback and start the flow again.',
		flows: userFlows
	},
	{
		slug: 'callback-empty',
		code: 'invalid_callback',
		title: 'The callback carries neither a result nor an error',
		step: 'callback',
		causes: [
			'The callback page was opened directly, reloaded after the parameters were removed, or reached through a redirect that dropped the query.',
			'For the implicit grant: the parameters were looked for in the query instead of the fragment.'
		],
		fix: 'Start the flow from the beginning, and check that nothing rewrites the callback URL.',
		flows: userFlows
	},
	{
		slug: 'callback-repeated-parameter',
		code: 'invalid_callback',
		title: 'A callback parameter appears twice',
		step: 'callback',
		causes: [
			'The redirect was crafted or concatenated: response parameters must not be included more than once (RFC 6749 §3.1).'
		],
		fix: 'Reject the callback and start the flow again.',
		flows: userFlows
	},
	{
		slug: 'malformed-token-response',
		code: 'invalid_response',
		title: 'The token response is not a token',
		step: 'token',
		causes: [
			'Something other than the token endpoint answered: a wrong URL, a proxy, or an HTML error page.',
			'The JSON lacks access_token, token_type or expires_in.'
		],
		fix: 'Check the token URL and read the raw response.',
		flows: allFlows
	},
	{
		slug: 'malformed-web-api-response',
		code: 'invalid_response',
		title: 'The Web API response cannot be read',
		step: 'api-call',
		causes: [
			'Something other than the Web API answered, or the body is not the JSON the endpoint documents.'
		],
		fix: 'Check the request URL and read the raw response.',
		flows: allFlows
	}
] as const satisfies readonly ClientCheckEntry[];

export type ClientCheckSlug = (typeof clientCheckErrors)[number]['slug'];

export function getClientCheckError(slug: ClientCheckSlug): ClientCheckEntry {
	return clientCheckErrors.find((e) => e.slug === slug)!;
}

// --- Notices around Spotify OAuth that no public OAuth endpoint sends (appended for the error
// decoder and the /errors pages, issue 6): people paste them, so the decoder answers honestly. ---

/** A message developers meet near Spotify OAuth that is not an answer of its public endpoints. */
export interface NoticeEntry {
	slug: string;
	title: string;
	/** The text as people report it. */
	text: string;
	/** Where it really comes from. */
	where: string;
	step: string;
	causes: readonly string[];
	fix: string;
	/** Row of the reference's §10 table, when it is one of the top problems. */
	problem?: number;
}

export const otherNotices = [
	{
		slug: 'spotify-network-vpn',
		title: 'You must be on the Spotify network / VPN',
		text: 'You must be on the Spotify network / VPN for this to work',
		where: 'A Spotify-internal page or host, not the public OAuth endpoints',
		step: 'outside OAuth',
		causes: [
			'The request went to a Spotify-internal host, tool or API meant for Spotify staff. No report shows accounts.spotify.com/authorize, accounts.spotify.com/api/token or api.spotify.com/v1 answering with this text.',
			'A URL copied from an internal document, a screenshot or a reverse-engineered client rather than from the developer docs.'
		],
		fix: 'Third-party apps use only the public endpoints — https://accounts.spotify.com/authorize, https://accounts.spotify.com/api/token and https://api.spotify.com/v1 — with a Client ID from developer.spotify.com/dashboard. No VPN opens internal hosts to outside apps.'
	},
	{
		slug: 'cors-blocked',
		title: 'Blocked by CORS policy',
		text: 'has been blocked by CORS policy',
		where:
			'Your browser’s console: the browser refused to hand your page the answer, Spotify did not send this',
		step: 'outside OAuth',
		causes: [
			'The page calls accounts.spotify.com/authorize with fetch or XHR: /authorize is a page the user is sent to, it answers with a redirect to the login page, which carries no CORS headers.',
			'The token request goes to a wrong URL (/token, /api/token/, api.spotify.com): the 404 page has no CORS headers, so the browser reports CORS instead of the 404.',
			'A confidential exchange (with the client secret) is made from the browser: it belongs on your server, and the secret must not ship to the browser anyway.'
		],
		fix: 'Send the user to /authorize by navigation (window.location or a link), not fetch. From the browser make only the PKCE exchange: POST https://accounts.spotify.com/api/token with a URLSearchParams body, client_id and code_verifier; Spotify sends CORS headers for it. Do exchanges with a secret on your server.'
	},
	{
		slug: 'address-already-in-use',
		title: 'Address already in use',
		text: 'Address already in use',
		where: "Your app's own local callback server, not Spotify",
		step: 'callback',
		causes: [
			'The port the local callback server listens on is taken: another run of the app, a dev server, Docker.'
		],
		fix: 'Pick a free port; register the loopback literal without a port (http://127.0.0.1/callback) so any port matches, and let the server choose one.',
		problem: 22
	}
] as const satisfies readonly NoticeEntry[];

export type NoticeSlug = (typeof otherNotices)[number]['slug'];
