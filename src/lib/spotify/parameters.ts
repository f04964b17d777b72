/**
 * Every parameter a learner meets in Spotify's OAuth flows, as data: where it travels, whether it
 * is required, what it is for and the rule Spotify enforces. Step pages list parameter names in
 * their frontmatter and the content loader checks each one against this catalog. Facts follow
 * shared/spotify-reference.md §2–§7.
 */

export type ParameterLocation = 'query' | 'body' | 'header' | 'fragment' | 'response';

export interface Parameter {
	/** The name exactly as it appears on the wire (RFC spelling, header case for headers). */
	name: string;
	/** Where a learner first meets it. */
	where: ParameterLocation;
	/** e.g. 'required', 'optional, strongly recommended', 'PKCE only'. */
	required: string;
	/** One or two sentences: what it is for. */
	meaning: string;
	/** Spotify's constraint on the value. */
	rule?: string;
	/** URL of the RFC section or Spotify doc that defines it. */
	spec?: string;
}

const rfc6749 = 'https://www.rfc-editor.org/rfc/rfc6749';
const rfc6750 = 'https://www.rfc-editor.org/rfc/rfc6750';
const rfc7636 = 'https://www.rfc-editor.org/rfc/rfc7636';
const spotifyDocs = 'https://developer.spotify.com/documentation/web-api';

export const parameters: readonly Parameter[] = [
	// --- GET https://accounts.spotify.com/authorize (reference §2.1) ---
	{
		name: 'response_type',
		where: 'query',
		required: 'required',
		meaning:
			'Tells the accounts service what the app wants back on the redirect: an authorization code.',
		rule: 'Must be code. The implicit grant used token, which Spotify rejects since 2025-11-27.',
		spec: `${rfc6749}#section-4.1.1`
	},
	{
		name: 'client_id',
		where: 'query',
		required: 'required at /authorize; in the token body for PKCE refreshes and exchanges',
		meaning:
			"The app's public identifier, shown on its page in the Spotify developer dashboard. It says which app is asking; it proves nothing on its own.",
		rule: 'The Client ID from the dashboard (32 hex characters); an unknown one gives INVALID_CLIENT: Invalid client.',
		spec: `${rfc6749}#section-2.2`
	},
	{
		name: 'redirect_uri',
		where: 'query',
		required: 'required at /authorize and again in the code exchange',
		meaning:
			'Where the accounts service sends the browser back with the result. The token request repeats it so Spotify can check that the code is redeemed for the same address it was issued to.',
		rule: 'Must exactly equal a URI registered in the dashboard (case, path, trailing slash). https, or http only on 127.0.0.1 or [::1]; localhost is refused. A loopback address registered without a port accepts any port.',
		spec: `${spotifyDocs}/concepts/redirect_uri`
	},
	{
		name: 'state',
		where: 'query',
		required: 'optional, strongly recommended',
		meaning:
			'A random value the app makes up, remembers, and gets back unchanged on the redirect. If what comes back is not what the app sent, the response was not started by this user in this browser and must be thrown away.',
		rule: 'Opaque to Spotify; echoed on success and on error.',
		spec: `${rfc6749}#section-10.12`
	},
	{
		name: 'scope',
		where: 'query',
		required: 'optional',
		meaning:
			'The permissions the app asks the user for, separated by spaces. The token response returns the scopes actually granted under the same name.',
		rule: 'Only documented Spotify scopes; an unknown or removed one gives Illegal scope. Without it only public data is reachable.',
		spec: `${spotifyDocs}/concepts/scopes`
	},
	{
		name: 'show_dialog',
		where: 'query',
		required: 'optional',
		meaning:
			'Whether to show the consent screen even to a user who already approved the app. Useful when switching accounts or after adding scopes.',
		rule: 'true or false; defaults to false, which may send a returning user straight back.',
		spec: `${spotifyDocs}/tutorials/code-flow`
	},
	{
		name: 'code_challenge_method',
		where: 'query',
		required: 'PKCE only, required',
		meaning: 'Names how the code challenge was derived from the code verifier.',
		rule: 'S256 is the only value Spotify documents.',
		spec: `${rfc7636}#section-4.3`
	},
	{
		name: 'code_challenge',
		where: 'query',
		required: 'PKCE only, required',
		meaning:
			'The SHA-256 hash of the code verifier. Spotify stores it with the code, so only whoever holds the verifier can later redeem that code.',
		rule: 'base64url of SHA-256 of the verifier string, without = padding (43 characters).',
		spec: `${rfc7636}#section-4.2`
	},
	// --- The redirect back to the app (reference §2.2, §2.3, §2.5) ---
	{
		name: 'code',
		where: 'query',
		required: 'returned on success; required in the code exchange',
		meaning:
			'A short-lived, one-time authorization code. It is worthless until exchanged at the token endpoint, which is where the app proves who it is.',
		rule: 'Single use, expires after about ten minutes.',
		spec: `${rfc6749}#section-4.1.2`
	},
	{
		name: 'error',
		where: 'query',
		required: 'returned instead of a code (or a token) on failure',
		meaning:
			'An error code on the redirect (access_denied when the user cancels) or in a token-endpoint JSON error.',
		spec: `${rfc6749}#section-4.1.2.1`
	},
	{
		name: 'error_description',
		where: 'response',
		required: 'usually present in token-endpoint errors',
		meaning:
			'A human-readable explanation next to error in a token-endpoint error. Branch on error, not on this text.',
		spec: `${rfc6749}#section-5.2`
	},
	// --- POST https://accounts.spotify.com/api/token (reference §3) ---
	{
		name: 'grant_type',
		where: 'body',
		required: 'required',
		meaning:
			'Says what the app is trading for tokens: an authorization code, a refresh token, or its own client credentials.',
		rule: 'authorization_code, refresh_token or client_credentials, in a form-encoded body; a JSON body gives grant_type parameter is missing.',
		spec: `${rfc6749}#section-4.1.3`
	},
	{
		name: 'code_verifier',
		where: 'body',
		required: 'PKCE only, required in the code exchange',
		meaning:
			'The random secret the app created before the redirect. Spotify hashes it and compares it with the stored code challenge.',
		rule: '43 to 128 characters from A-Z a-z 0-9 - . _ ~, the same string that was hashed.',
		spec: `${rfc7636}#section-4.5`
	},
	{
		name: 'refresh_token',
		where: 'response',
		required: 'returned by the code exchange; required in a refresh request',
		meaning:
			'A long-lived credential that gets new access tokens without sending the user to Spotify again.',
		rule: 'Since 2026-07-20 (new apps 2026-06-18) it lasts six months from the authorization and refreshing does not extend it; refresh responses no longer carry a new one.',
		spec: `${spotifyDocs}/tutorials/refreshing-tokens`
	},
	{
		name: 'client_secret',
		where: 'header',
		required: 'confidential flows only (authorization code, client credentials)',
		meaning:
			"The app's password, from the dashboard. It proves to the token endpoint that the request comes from the app, so it must live only on a server.",
		rule: 'Sent inside the Basic Authorization header (or as a body field); never in a URL, a browser or a mobile app.',
		spec: `${rfc6749}#section-2.3.1`
	},
	{
		name: 'Authorization',
		where: 'header',
		required: 'required for confidential token requests and for every Web API call',
		meaning:
			'At the token endpoint, Basic followed by base64 of client_id:client_secret authenticates the app. At the Web API, Bearer followed by the access token authorizes the call.',
		rule: 'Basic base64(client_id:client_secret) with no newline; Bearer access_token with nothing else.',
		spec: `${rfc6750}#section-2.1`
	},
	{
		name: 'Content-Type',
		where: 'header',
		required: 'required on token requests',
		meaning: 'Tells the token endpoint how the body is encoded.',
		rule: 'application/x-www-form-urlencoded; the response comes back as application/json.',
		spec: `${rfc6749}#section-4.1.3`
	},
	// --- Token responses (reference §3.2–§3.5, §2.5) ---
	{
		name: 'access_token',
		where: 'response',
		required: 'always returned on success',
		meaning:
			'The credential the Web API accepts. Whoever holds it can call the API as the app (and the user) until it expires. The removed implicit grant returned it in the URL fragment instead of a JSON body.',
		rule: 'Opaque string; valid for 3600 seconds.',
		spec: `${spotifyDocs}/concepts/access-token`
	},
	{
		name: 'token_type',
		where: 'response',
		required: 'always returned on success',
		meaning: 'How to present the access token: as a bearer token in the Authorization header.',
		rule: 'Always Bearer.',
		spec: `${rfc6749}#section-7.1`
	},
	{
		name: 'expires_in',
		where: 'response',
		required: 'always returned on success',
		meaning: 'Seconds until the access token stops working. Refresh a little before it runs out.',
		rule: '3600 on Spotify.',
		spec: `${rfc6749}#section-5.1`
	}
];

const byName = new Map(parameters.map((p) => [p.name, p]));

/** The catalog entry for a parameter name, or undefined when the catalog does not know it. */
export function findParameter(name: string): Parameter | undefined {
	return byName.get(name);
}
