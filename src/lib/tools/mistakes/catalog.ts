/**
 * One catalog of the mistakes developers make with Spotify's OAuth, as data: an id, how it is
 * detected, the message, the error Spotify answers (an entry of src/lib/spotify/errors.ts, whose
 * status and exact text are the answer), where it was seen, and the fix. The exercise grader, the
 * authorize-URL and token-request inspectors, the Basic-header check, the redirect-URI linter
 * and the error decoder all read it, so a mistake taught once is recognised everywhere.
 *
 * `rank` orders the failures of one answer, most fundamental first: a request sent to the wrong
 * place or in the wrong encoding hides everything after it.
 */
import {
	base64,
	base64url,
	CHALLENGE_PATTERN,
	hex,
	sha256,
	VERIFIER_PATTERN
} from '$lib/core/encoding';
import type { SpotifyErrorSlug } from '$lib/spotify/errors';
import { isKnownScope } from '$lib/spotify/scopes';
import { suggestScope } from '$lib/tools/scope-check';
import { editDistance } from '$lib/tools/edit-distance';
import {
	field,
	type AuthorizeSubject,
	type BasicReading,
	type Expectation,
	type Subject,
	type SubjectKind
} from './subject';

export interface Detection {
	/** What exactly was found, in a sentence (values masked by the caller when shown). */
	detail?: string;
	/** The name or value that was probably meant: "did you mean `code_challenge`?" */
	didYouMean?: string;
	/** What Spotify echoes in its answer (`grant_type {value} is not supported`). */
	value?: string;
}

export interface MistakeEntry {
	id: string;
	/** What it is found in. */
	kinds: readonly SubjectKind[];
	title: string;
	/** The rule it breaks, in a sentence. */
	rule: string;
	/** Where the rule is written down or the mistake was seen (issue threads: owner/repo #n). */
	sources: readonly string[];
	/** Spotify's answer; absent when Spotify accepts the request and the app breaks later. */
	error?: SpotifyErrorSlug;
	/** What happens instead, when Spotify answers nothing wrong. */
	consequence?: string;
	fix: string;
	rank: number;
	detect(subject: Subject, expected?: Expectation): Detection | undefined;
}

const authorizeNames = [
	'client_id',
	'response_type',
	'redirect_uri',
	'state',
	'scope',
	'show_dialog',
	'code_challenge_method',
	'code_challenge'
];
const tokenNames = [
	'grant_type',
	'code',
	'redirect_uri',
	'client_id',
	'client_secret',
	'code_verifier',
	'refresh_token',
	'scope'
];
const grants = ['authorization_code', 'refresh_token', 'client_credentials'];

/** The documented name a misspelt one was meant to be (`redirect_url`, `codeChallenge`). */
export function suggestName(name: string, known: readonly string[]): string | undefined {
	if (known.includes(name)) return undefined;
	const snake = name
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.replace(/-/g, '_')
		.toLowerCase();
	return known.find((k) => k === snake || editDistance(snake, k) <= 2);
}

const sourcesDocs = {
	code: 'developer.spotify.com/documentation/web-api/tutorials/code-flow',
	pkce: 'developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow',
	cc: 'developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow',
	refresh: 'developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens',
	redirect: 'developer.spotify.com/documentation/web-api/concepts/redirect_uri',
	scopes: 'developer.spotify.com/documentation/web-api/concepts/scopes'
};

function on<K extends Subject['kind']>(
	kind: K,
	detect: (s: Extract<Subject, { kind: K }>, e?: Expectation) => Detection | undefined
): (s: Subject, e?: Expectation) => Detection | undefined {
	return (s, e) => (s.kind === kind ? detect(s as Extract<Subject, { kind: K }>, e) : undefined);
}

const q = (s: AuthorizeSubject, name: string) => {
	const v = s.query.get(name);
	return v === null || v === '' ? undefined : v;
};

function digestOf(text: string): Uint8Array {
	return sha256(new TextEncoder().encode(text));
}

/** How a challenge went wrong, compared with the verifier's right one. */
export function challengeProblem(
	challenge: string,
	verifier: string
): 'standard-base64' | 'padding' | 'hex' | 'verifier' | 'other' | undefined {
	const digest = digestOf(verifier);
	if (challenge === base64url(digest)) return undefined;
	const standard = base64(digest);
	const spaced = challenge.replace(/ /g, '+');
	// A digest whose base64 has no + or / differs from base64url by its padding alone.
	if (challenge === `${base64url(digest)}=`) return 'padding';
	if (spaced === standard || spaced === standard.replace(/=+$/, '')) return 'standard-base64';
	if (challenge.toLowerCase() === hex(digest)) return 'hex';
	if (challenge === verifier) return 'verifier';
	return 'other';
}

function basicOf(s: Subject): BasicReading | undefined {
	return s.kind === 'basic' ? s.basic : s.kind === 'token' ? s.basic : undefined;
}

const onBasic =
	(detect: (b: BasicReading, e?: Expectation) => Detection | undefined) =>
	(s: Subject, e?: Expectation) => {
		const b = basicOf(s);
		return b ? detect(b, e) : undefined;
	};

const isLocalhost = (uri: string) => /^https?:\/\/localhost(?=[:/]|$)/i.test(uri);

export const mistakes = [
	// --- Where the request goes, and how ---
	{
		id: 'authorize-wrong-endpoint',
		kinds: ['authorize'],
		title: 'Not Spotify’s authorize endpoint',
		rule: 'The user is sent to GET https://accounts.spotify.com/authorize.',
		sources: [sourcesDocs.code],
		consequence: 'Spotify answers 404 or another site opens; no consent, no code.',
		fix: 'Start the URL with https://accounts.spotify.com/authorize?',
		rank: 10,
		detect: on('authorize', (s) =>
			s.url.origin === 'https://accounts.spotify.com' &&
			/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?authorize\/?$/i.test(s.url.pathname)
				? undefined
				: { detail: `The URL goes to ${s.url.origin}${s.url.pathname}.` }
		)
	},
	{
		id: 'token-wrong-endpoint',
		kinds: ['token'],
		title: 'Not Spotify’s token endpoint',
		rule: 'Tokens come from POST https://accounts.spotify.com/api/token (not api.spotify.com, not /token).',
		sources: [sourcesDocs.code, 'spotify/web-api #1503'],
		consequence: 'Spotify answers 404 (or an HTML page) instead of tokens.',
		fix: 'Send the request to https://accounts.spotify.com/api/token.',
		rank: 10,
		detect: on('token', (s) =>
			s.url && s.url.origin === 'https://accounts.spotify.com' && s.url.pathname === '/api/token'
				? undefined
				: { detail: `The request goes to ${s.url ? s.url.origin + s.url.pathname : 'no URL'}.` }
		)
	},
	{
		id: 'token-request-as-get',
		kinds: ['token'],
		title: 'The token request is a GET',
		rule: 'The token endpoint takes POST only, with the parameters in the body.',
		sources: [sourcesDocs.code, 'RFC 6749 §3.2'],
		error: 'token-method-not-allowed',
		fix: 'Send POST with the parameters in an application/x-www-form-urlencoded body.',
		rank: 20,
		detect: on('token', (s) =>
			s.method === 'POST' ? undefined : { detail: `The method is ${s.method}.` }
		)
	},
	{
		id: 'body-as-json',
		kinds: ['token'],
		title: 'The body is JSON',
		rule: 'The token endpoint reads an application/x-www-form-urlencoded body only; a JSON body has no grant_type for it.',
		sources: ['spotify/web-api #1503', 'spotify/web-api #1534'],
		error: 'grant-type-missing',
		fix: 'Send new URLSearchParams({...}) (fetch), data={...} (Python requests) or -d name=value (curl), with Content-Type: application/x-www-form-urlencoded.',
		rank: 30,
		detect: on('token', (s) =>
			s.json || /json/i.test(s.contentType)
				? { detail: `Content-Type is ${s.contentType || 'not set'} and the body is JSON.` }
				: undefined
		)
	},
	{
		id: 'body-multipart',
		kinds: ['token'],
		title: 'The body is multipart/form-data',
		rule: 'The token endpoint reads application/x-www-form-urlencoded only (curl -F and FormData send multipart).',
		sources: [sourcesDocs.code],
		error: 'grant-type-missing',
		fix: 'Use curl -d (not -F), or URLSearchParams instead of FormData.',
		rank: 30,
		detect: on('token', (s) =>
			s.bodyKind === 'multipart' || /multipart/i.test(s.contentType) ? {} : undefined
		)
	},
	{
		id: 'body-in-query',
		kinds: ['token'],
		title: 'The parameters are in the URL, not the body',
		rule: 'The token endpoint reads its parameters from the form body; a query string is ignored, and puts codes and secrets in logs.',
		sources: ['spotify/web-api #1503', 'RFC 6749 §4.1.3'],
		error: 'grant-type-missing',
		fix: 'Move the parameters into the body.',
		rank: 30,
		detect: on('token', (s) =>
			s.url && s.url.searchParams.has('grant_type') && !field(s, 'grant_type') ? {} : undefined
		)
	},
	{
		id: 'missing-content-type',
		kinds: ['token'],
		title: 'No Content-Type: application/x-www-form-urlencoded',
		rule: 'Spotify’s docs mark the header “Required”; without it the body is not read as a form.',
		sources: [sourcesDocs.code],
		error: 'grant-type-missing',
		fix: 'Add Content-Type: application/x-www-form-urlencoded (URLSearchParams and curl -d set it for you).',
		rank: 31,
		detect: on('token', (s) =>
			!s.json && s.bodyKind !== 'multipart' && s.fields.length > 0 && s.contentType === ''
				? {}
				: undefined
		)
	},
	// --- grant_type ---
	{
		id: 'missing-grant-type',
		kinds: ['token'],
		title: 'grant_type is missing',
		rule: 'Every token request names its grant: authorization_code, refresh_token or client_credentials.',
		sources: ['spotify/web-api #1503'],
		error: 'grant-type-missing',
		fix: 'Add grant_type to the body.',
		rank: 40,
		detect: on('token', (s) =>
			!field(s, 'grant_type') && !s.fields.some(([n]) => suggestName(n, ['grant_type']))
				? {}
				: undefined
		)
	},
	{
		id: 'misspelt-grant-type',
		kinds: ['token'],
		title: 'grant_type is misspelt',
		rule: 'Spotify knows exactly authorization_code, refresh_token and client_credentials.',
		sources: ['AshuTyagi16/Spotify-KMP #1'],
		error: 'grant-type-unsupported',
		fix: 'Spell the grant with underscores, in lower case.',
		rank: 41,
		detect: on('token', (s) => {
			const g = field(s, 'grant_type');
			if (!g || grants.includes(g)) return undefined;
			const meant = suggestName(g.trim(), grants);
			return { detail: `grant_type is “${g}”.`, didYouMean: meant, value: g };
		})
	},
	{
		id: 'wrong-grant-type',
		kinds: ['token'],
		title: 'Another grant than the one asked for',
		rule: 'Each step has its grant: the code exchange authorization_code, the refresh refresh_token, an app token client_credentials.',
		sources: [sourcesDocs.code, sourcesDocs.refresh, sourcesDocs.cc],
		consequence: 'Spotify may answer, but not with what this step needs.',
		fix: 'Use the grant of this step.',
		rank: 42,
		detect: on('token', (s, e) => {
			const g = field(s, 'grant_type');
			return e?.grant && g && grants.includes(g) && g !== e.grant
				? { detail: `grant_type is ${g}.`, didYouMean: e.grant }
				: undefined;
		})
	},
	{
		id: 'misspelt-parameter',
		kinds: ['authorize', 'token'],
		title: 'A parameter name is misspelt',
		rule: 'Spotify reads parameters by their exact names (snake_case); any other name is ignored.',
		sources: [sourcesDocs.code, 'spotify/web-api-examples #16'],
		consequence: 'The parameter counts as missing.',
		fix: 'Use the documented name.',
		rank: 35,
		detect: (s) => {
			const names =
				s.kind === 'authorize'
					? [...s.query.keys()]
					: s.kind === 'token'
						? s.fields.map(([n]) => n)
						: [];
			const known = s.kind === 'authorize' ? authorizeNames : tokenNames;
			for (const name of names) {
				const meant = suggestName(name, known);
				if (meant && !names.includes(meant)) return { detail: `“${name}”`, didYouMean: meant };
			}
			return undefined;
		}
	},
	// --- the client ---
	{
		id: 'missing-client-id',
		kinds: ['authorize'],
		title: 'client_id is missing',
		rule: 'The authorize URL names the app by its Client ID.',
		sources: ['spotify/web-api-examples #16'],
		error: 'missing-client-id',
		fix: 'Add client_id=<your Client ID>.',
		rank: 50,
		detect: on('authorize', (s) => (q(s, 'client_id') ? undefined : {}))
	},
	{
		id: 'wrong-client-id',
		kinds: ['authorize'],
		title: 'client_id is not the app’s',
		rule: 'client_id is the app’s Client ID exactly (32 hexadecimal digits), not undefined, quoted or cut.',
		sources: ['jonashcroft/Nowify #12', 'secuvera/SpotMyBackup #8'],
		error: 'invalid-client-authorize',
		fix: 'Copy the Client ID from the dashboard; check the environment variable is set where the URL is built.',
		rank: 51,
		detect: on('authorize', (s, e) => {
			const id = q(s, 'client_id');
			if (!id) return undefined;
			if (e) return id === e.world.clientId ? undefined : { detail: `client_id is “${id}”.` };
			return /^(undefined|null|none|\[object Object\])$/i.test(id) || /['"[\]{}<> ]/.test(id)
				? { detail: `client_id is “${id}”.` }
				: undefined;
		})
	},
	{
		id: 'secret-in-authorize-url',
		kinds: ['authorize'],
		title: 'The client secret is in the authorize URL',
		rule: 'The authorize URL goes through the browser, its history and logs; the secret never does.',
		sources: ['DESIGN.md security rules', sourcesDocs.code],
		consequence: 'Spotify ignores it; anyone who sees the URL has your secret. Rotate it.',
		fix: 'Remove client_secret; send it only from your server, to /api/token.',
		rank: 52,
		detect: on('authorize', (s) => (s.query.has('client_secret') ? {} : undefined))
	},
	// --- response_type ---
	{
		id: 'missing-response-type',
		kinds: ['authorize'],
		title: 'response_type is missing',
		rule: 'The code and PKCE flows send response_type=code.',
		sources: [sourcesDocs.code],
		error: 'missing-response-type',
		fix: 'Add response_type=code.',
		rank: 53,
		detect: on('authorize', (s) => (q(s, 'response_type') ? undefined : {}))
	},
	{
		id: 'response-type-token',
		kinds: ['authorize'],
		title: 'response_type=token: the removed implicit grant',
		rule: 'Spotify removed the implicit grant on 2025-11-27; only response_type=code is left.',
		sources: ['caseychu/spotify-backup PR #66', 'linsomniac/spotify_to_ytmusic #248'],
		error: 'response-type-must-be-code',
		fix: 'Send response_type=code and use PKCE.',
		rank: 54,
		detect: on('authorize', (s) => (q(s, 'response_type') === 'token' ? {} : undefined))
	},
	{
		id: 'response-type-unknown',
		kinds: ['authorize'],
		title: 'response_type is not code',
		rule: 'response_type is the word code (not authorization_code, not Code).',
		sources: [sourcesDocs.code],
		error: 'response-type-must-be-code',
		fix: 'Send response_type=code.',
		rank: 54,
		detect: on('authorize', (s) => {
			const v = q(s, 'response_type');
			return v && v !== 'code' && v !== 'token'
				? { detail: `response_type is “${v}”.`, didYouMean: 'code' }
				: undefined;
		})
	},
	// --- redirect_uri at /authorize ---
	{
		id: 'missing-redirect-uri',
		kinds: ['authorize'],
		title: 'redirect_uri is missing',
		rule: 'Spotify redirects only to a URI the request names and the app registered.',
		sources: ['aome510/spotify-player #704'],
		error: 'missing-redirect-uri',
		fix: 'Add redirect_uri, exactly as registered.',
		rank: 60,
		detect: on('authorize', (s) => (q(s, 'redirect_uri') ? undefined : {}))
	},
	{
		id: 'quoted-redirect-uri',
		kinds: ['authorize'],
		title: 'redirect_uri is wrapped in quotes',
		rule: 'The value is the URI itself; quotes from a .env file or a config are part of the string.',
		sources: ['regisb/spotify-onthego #28', 'radujica/tospotify #6'],
		error: 'illegal-redirect-uri',
		fix: 'Remove the quotes where the value is read.',
		rank: 61,
		detect: on('authorize', (s) => {
			const v = q(s, 'redirect_uri');
			return v && /^['"].*['"]$/.test(v) ? {} : undefined;
		})
	},
	{
		id: 'redirect-uri-double-encoded',
		kinds: ['authorize', 'token'],
		title: 'redirect_uri is encoded twice',
		rule: 'Encode the URI once; the form or URL encoder does it. A pre-encoded value is encoded again.',
		sources: ['spotify/web-api #513', 'thelinmichael/spotify-web-api-node #177'],
		error: 'invalid-redirect-uri-authorize',
		fix: 'Pass the raw URI (http://127.0.0.1:8888/callback) to URLSearchParams, not encodeURIComponent of it.',
		rank: 62,
		detect: (s) => {
			const v =
				s.kind === 'authorize'
					? q(s, 'redirect_uri')
					: s.kind === 'token'
						? field(s, 'redirect_uri')
						: undefined;
			return v && /^https?%3A/i.test(v) ? { detail: `redirect_uri reads “${v}”.` } : undefined;
		}
	},
	{
		id: 'insecure-redirect-uri',
		kinds: ['authorize'],
		title: 'An insecure redirect URI: localhost or plain http',
		rule: 'Since 2025 (all apps from 2025-11-27): https, or http only on the loopback literals 127.0.0.1 and [::1]; localhost is refused.',
		sources: [sourcesDocs.redirect, 'FoxxMD/multi-scrobbler #330', 'WB2024/soulify #6'],
		error: 'insecure-redirect-uri',
		fix: 'Use http://127.0.0.1:PORT/… (or https) in the dashboard and in the code.',
		rank: 63,
		detect: on('authorize', (s, e) => {
			const v = q(s, 'redirect_uri');
			if (!v || e?.world.era === 'classic') return undefined;
			if (isLocalhost(v))
				return { detail: `${v}`, didYouMean: v.replace(/\/\/localhost/i, '//127.0.0.1') };
			return /^http:\/\//i.test(v) && !/^http:\/\/(127\.0\.0\.1|\[::1\])(?=[:/]|$)/.test(v)
				? { detail: v, didYouMean: v.replace(/^http:/i, 'https:') }
				: undefined;
		})
	},
	{
		id: 'unregistered-redirect-uri',
		kinds: ['authorize'],
		title: 'redirect_uri is not the registered one',
		rule: 'The URI must equal a registered one byte for byte: scheme, host, port, path, trailing slash, case.',
		sources: ['spotify/web-api-examples #26', 'JohnnyCrazy/SpotifyAPI-NET #441'],
		error: 'invalid-redirect-uri-authorize',
		fix: 'Send exactly the registered URI.',
		rank: 64,
		detect: on('authorize', (s, e) => {
			const v = q(s, 'redirect_uri');
			if (!e || !v || v === e.world.redirectUri || /^['"]|^https?%3A/i.test(v)) return undefined;
			if (isLocalhost(v) && e.world.era !== 'classic') return undefined;
			return { detail: `It is ${v}.`, didYouMean: e.world.redirectUri };
		})
	},
	// --- the app's behaviour between requests ---
	{
		id: 'code-reused',
		kinds: [],
		title: 'The same code exchanged twice',
		rule: 'A code is single use: a page reload, a retry or React StrictMode’s double useEffect sends it a second time.',
		sources: [
			'jwilsson/spotify-web-api-php #188',
			'thelinmichael/spotify-web-api-node #501',
			'spotify/spotify-web-api-ts-sdk #47'
		],
		error: 'invalid-authorization-code',
		fix: 'Exchange each code once: guard the effect (a ref, or the exchange on the server), and remove code from the URL after reading it.',
		rank: 121,
		// Seen by the emulator's single-use check, not in one request.
		detect: () => undefined
	},
	// --- choosing the flow ---
	{
		id: 'flow-implicit-grant',
		kinds: ['flow-choice'],
		title: 'The implicit grant',
		rule: 'Spotify removed the implicit grant for all apps on 2025-11-27.',
		sources: ['developer.spotify.com/documentation/web-api/tutorials/migration-implicit-auth-code'],
		error: 'response-type-must-be-code',
		fix: 'Use the authorization code flow with PKCE.',
		rank: 200,
		detect: on('flow-choice', (s) => (s.chosen === 'implicit-grant' ? {} : undefined))
	},
	{
		id: 'flow-secret-on-device',
		kinds: ['flow-choice'],
		title: 'A flow with a client secret, for an app that cannot keep one',
		rule: 'A secret in a browser app, a mobile or desktop app or a CLI can be extracted: such apps use PKCE.',
		sources: [sourcesDocs.pkce, 'RFC 9700 §2.1.1'],
		consequence:
			'Spotify answers, but anyone can read your secret from the app and act as your app.',
		fix: 'Use the authorization code flow with PKCE (or a backend of your own that keeps the secret).',
		rank: 201,
		detect: on('flow-choice', (s) =>
			!s.canKeepSecret && (s.chosen === 'authorization-code' || s.chosen === 'client-credentials')
				? {}
				: undefined
		)
	},
	{
		id: 'flow-app-token-for-user-data',
		kinds: ['flow-choice'],
		title: 'An app token for a user’s data',
		rule: 'Client credentials act as the app: no user, so no /v1/me, no library, no playback.',
		sources: ['spotify/web-api #806', 'spotify/web-api #1489'],
		error: 'insufficient-client-scope',
		fix: 'Let the user sign in: authorization code (with a server) or PKCE (without).',
		rank: 202,
		detect: on('flow-choice', (s) => (s.user && s.chosen === 'client-credentials' ? {} : undefined))
	},
	{
		id: 'flow-user-flow-without-user',
		kinds: ['flow-choice'],
		title: 'A user sign-in where no user is present',
		rule: 'A backend job reading public catalogue data has nobody to consent: it authenticates as the app.',
		sources: [sourcesDocs.cc],
		consequence: 'Someone has to log in by hand, and the job stops when the refresh token expires.',
		fix: 'Use client credentials.',
		rank: 203,
		detect: on('flow-choice', (s) =>
			!s.user && s.chosen !== 'client-credentials' && s.chosen !== 'implicit-grant' ? {} : undefined
		)
	},
	// --- registering a redirect URI (the dashboard) ---
	{
		id: 'localhost-redirect-uri',
		kinds: ['redirect-uri'],
		title: 'localhost as the redirect URI',
		rule: 'Since 2025 Spotify refuses localhost (and its aliases); the loopback literals 127.0.0.1 and [::1] stay allowed over http.',
		sources: [
			sourcesDocs.redirect,
			'ActivityWatch/aw-watcher-spotify #29',
			'spotify/web-api-examples README'
		],
		error: 'redirect-uri-not-secure',
		fix: 'Register and send the same URI with 127.0.0.1 in place of localhost.',
		rank: 65,
		detect: on('redirect-uri', (s, e) =>
			e?.world.era !== 'classic' && isLocalhost(s.uri)
				? { didYouMean: s.uri.replace(/\/\/localhost/i, '//127.0.0.1') }
				: undefined
		)
	},
	{
		id: 'private-network-redirect-uri',
		kinds: ['redirect-uri'],
		title: 'Plain http to a LAN address',
		rule: 'http is allowed only on the loopback literals; a LAN address (192.168.…, 10.…) needs https.',
		sources: [sourcesDocs.redirect, 'WB2024/soulify #6'],
		error: 'redirect-uri-not-secure',
		fix: 'Serve the callback over https, or run the app on this machine and use http://127.0.0.1:PORT/….',
		rank: 65,
		detect: on('redirect-uri', (s, e) =>
			e?.world.era !== 'classic' &&
			/^http:\/\/(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/i.test(s.uri)
				? { didYouMean: s.uri.replace(/^http:/i, 'https:') }
				: undefined
		)
	},
	{
		id: 'public-http-redirect-uri',
		kinds: ['redirect-uri'],
		title: 'Plain http to a public host',
		rule: 'Redirect URIs use https, except on the loopback literals.',
		sources: [sourcesDocs.redirect, 'FoxxMD/multi-scrobbler #330'],
		error: 'redirect-uri-not-secure',
		fix: 'Use https.',
		rank: 65,
		detect: on('redirect-uri', (s, e) =>
			e?.world.era !== 'classic' &&
			/^http:\/\//i.test(s.uri) &&
			!isLocalhost(s.uri) &&
			!/^http:\/\/(127\.0\.0\.1|\[::1\]|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/i.test(s.uri)
				? { didYouMean: s.uri.replace(/^http:/i, 'https:') }
				: undefined
		)
	},
	{
		id: 'fragment-redirect-uri',
		kinds: ['redirect-uri'],
		title: 'A fragment (#…) in the redirect URI',
		rule: 'RFC 6749 §3.1.2: the redirect URI must not include a fragment.',
		sources: ['RFC 6749 §3.1.2'],
		error: 'illegal-redirect-uri',
		fix: 'Drop the #… part.',
		rank: 66,
		detect: on('redirect-uri', (s) =>
			s.uri.includes('#') ? { didYouMean: s.uri.slice(0, s.uri.indexOf('#')) } : undefined
		)
	},
	// --- scope ---
	{
		id: 'illegal-scope',
		kinds: ['authorize'],
		title: 'A scope Spotify refuses',
		rule: 'Only documented scopes; removed ones (user-read-birthdate), openid and internal scopes give Illegal scope.',
		sources: [sourcesDocs.scopes, 'spotify/web-api #1262', 'spotify/web-api #1322'],
		error: 'illegal-scope',
		fix: 'Request only the documented scopes.',
		rank: 70,
		detect: on('authorize', (s) => {
			const scope = q(s, 'scope');
			if (!scope || scope.includes(',')) return undefined;
			const bad = scope.split(/\s+/).filter((x) => x && !isKnownScope(x));
			if (bad.length === 0) return undefined;
			const meant = bad.map((b) => suggestScope(b)).find(Boolean);
			return { detail: `${bad.join(', ')}`, didYouMean: meant };
		})
	},
	{
		id: 'scope-comma-separated',
		kinds: ['authorize'],
		title: 'Scopes joined with commas',
		rule: 'scope is a space-separated list (sent as %20 or +); a comma makes one unknown scope.',
		sources: [sourcesDocs.scopes, 'spotify/web-api #1262'],
		error: 'illegal-scope',
		fix: 'Join the scopes with spaces: scopes.join(" ").',
		rank: 71,
		detect: on('authorize', (s) => (q(s, 'scope')?.includes(',') ? {} : undefined))
	},
	{
		id: 'missing-scopes',
		kinds: ['authorize'],
		title: 'Not the scopes asked for',
		rule: 'Request every scope the app needs, no more.',
		sources: [sourcesDocs.scopes, 'spotify/web-api #387'],
		consequence: 'The Web API later answers 403 Insufficient client scope.',
		fix: 'Request exactly the scopes given, space-separated.',
		rank: 72,
		detect: on('authorize', (s, e) => {
			if (!e) return undefined;
			const sent = new Set((q(s, 'scope') ?? '').split(/[\s,]+/).filter(Boolean));
			const want = e.world.scopes;
			const same = want.every((x) => sent.has(x)) && sent.size === want.length;
			return same ? undefined : { detail: `Asked for ${want.join(' ')}.` };
		})
	},
	// --- state ---
	{
		id: 'missing-state',
		kinds: ['authorize'],
		title: 'No state',
		rule: 'Spotify “strongly recommends” state: a random value the callback compares, against CSRF.',
		sources: [sourcesDocs.code, 'RFC 6749 §10.12'],
		consequence: 'Spotify accepts it; the callback cannot tell a forged redirect from yours.',
		fix: 'Send state and compare it on the callback.',
		rank: 80,
		detect: on('authorize', (s) => (q(s, 'state') ? undefined : {}))
	},
	{
		id: 'wrong-state',
		kinds: ['authorize'],
		title: 'Not the state the app stored',
		rule: 'state is the value the app saved before the redirect, so the callback can compare it.',
		sources: [sourcesDocs.code, 'RFC 6749 §10.12'],
		consequence: 'The callback sees a state it never stored and refuses it (state mismatch).',
		fix: 'Send the given state.',
		rank: 81,
		detect: on('authorize', (s, e) => {
			const v = q(s, 'state');
			return e && v && v !== e.world.state ? { didYouMean: e.world.state } : undefined;
		})
	},
	// --- PKCE at /authorize ---
	{
		id: 'pkce-missing-challenge',
		kinds: ['authorize'],
		title: 'No code_challenge',
		rule: 'A PKCE app sends code_challenge_method=S256 and code_challenge = base64url(sha256(verifier)).',
		sources: [sourcesDocs.pkce],
		consequence: 'Spotify issues a plain code, which an app without a secret cannot exchange.',
		fix: 'Add code_challenge_method=S256&code_challenge=…',
		rank: 90,
		detect: on('authorize', (s, e) =>
			e?.pkce && !q(s, 'code_challenge') && !suggestAny(s, 'code_challenge') ? {} : undefined
		)
	},
	{
		id: 'pkce-method-not-s256',
		kinds: ['authorize'],
		title: 'code_challenge_method is not S256',
		rule: 'Spotify documents only S256; plain or a missing method is refused.',
		sources: [sourcesDocs.pkce, 'RFC 7636 §4.3'],
		error: 'pkce-method-unsupported',
		fix: 'Send code_challenge_method=S256.',
		rank: 91,
		detect: on('authorize', (s) => {
			if (!q(s, 'code_challenge')) return undefined;
			const m = q(s, 'code_challenge_method');
			if (m === 'S256') return undefined;
			if (!m && suggestAny(s, 'code_challenge_method')) return undefined;
			return { detail: m ? `It is “${m}”.` : 'It is missing.', didYouMean: 'S256' };
		})
	},
	{
		id: 'challenge-standard-base64',
		kinds: ['authorize', 'challenge'],
		title: 'The challenge is standard base64 (+ / =)',
		rule: 'code_challenge = BASE64URL(SHA256(verifier)): - and _ instead of + and /, no = padding.',
		sources: ['RFC 7636 §4.2', 'spotify/web-api-examples #126'],
		error: 'code-verifier-incorrect',
		fix: 'Replace + with -, / with _, and drop the = padding (or use a base64url encoder).',
		rank: 92,
		detect: challengeDetect('standard-base64')
	},
	{
		id: 'challenge-padded',
		kinds: ['authorize', 'challenge'],
		title: 'The challenge keeps its = padding',
		rule: 'base64url without padding: 43 characters, no =.',
		sources: ['RFC 7636 appendix A'],
		error: 'code-verifier-incorrect',
		fix: 'Drop the trailing =.',
		rank: 92,
		detect: challengeDetect('padding')
	},
	{
		id: 'challenge-hex',
		kinds: ['authorize', 'challenge'],
		title: 'The challenge is the hex digest',
		rule: 'The digest’s bytes are base64url-encoded, not written in hexadecimal.',
		sources: ['ramsayleung/rspotify #419'],
		error: 'code-verifier-incorrect',
		fix: 'base64url-encode the 32 bytes of the digest (crypto.subtle.digest returns bytes).',
		rank: 92,
		detect: challengeDetect('hex')
	},
	{
		id: 'challenge-is-verifier',
		kinds: ['authorize', 'challenge'],
		title: 'The verifier itself was sent as the challenge',
		rule: 'The challenge is the hash of the verifier; the verifier stays secret until the exchange.',
		sources: ['RFC 7636 §4.2'],
		error: 'code-verifier-incorrect',
		fix: 'Send base64url(sha256(verifier)) as code_challenge.',
		rank: 92,
		detect: challengeDetect('verifier')
	},
	{
		id: 'challenge-wrong',
		kinds: ['authorize', 'challenge'],
		title: 'The challenge is not made from this verifier',
		rule: 'code_challenge = BASE64URL(SHA256(ASCII(code_verifier))) of the very verifier sent later.',
		sources: ['RFC 7636 §4.2', 'zmb3/spotify #129'],
		error: 'code-verifier-incorrect',
		fix: 'Hash the given verifier string (not random bytes, not another verifier).',
		rank: 93,
		detect: challengeDetect('other')
	},
	// --- client authentication at /api/token ---
	{
		id: 'basic-missing-scheme',
		kinds: ['basic', 'token'],
		title: 'The Authorization header does not start with Basic',
		rule: 'Client credentials go as Authorization: Basic base64(client_id:client_secret).',
		sources: ['RFC 7617 §2', sourcesDocs.code],
		error: 'invalid-client-malformed',
		fix: 'Write the word Basic, a space, then the base64.',
		rank: 100,
		detect: onBasic((b) =>
			/^basic$/i.test(b.scheme)
				? undefined
				: { detail: `It starts with “${b.scheme || b.raw.slice(0, 8)}”.` }
		)
	},
	{
		id: 'basic-bytes-repr',
		kinds: ['basic', 'token'],
		title: "Basic b'…': Python bytes printed into the header",
		rule: "The header holds the base64 text; str(b64encode(…)) writes b'…' with the quotes.",
		sources: ['spotify/web-api #289', 'novatorem/novatorem #42'],
		error: 'invalid-client-malformed',
		fix: 'Use base64.b64encode(f"{id}:{secret}".encode()).decode() (not str()).',
		rank: 101,
		detect: onBasic((b) => (b.bytesRepr ? {} : undefined))
	},
	{
		id: 'basic-not-encoded',
		kinds: ['basic', 'token'],
		title: 'id:secret sent without base64',
		rule: 'The credentials are base64-encoded after joining them with a colon.',
		sources: ['RFC 7617 §2', 'spotify/web-api #289'],
		error: 'invalid-client-malformed',
		fix: 'base64-encode "client_id:client_secret".',
		rank: 102,
		detect: onBasic((b) =>
			/^basic$/i.test(b.scheme) &&
			!b.bytesRepr &&
			b.decoded === undefined &&
			b.credentials.includes(':')
				? {}
				: undefined
		)
	},
	{
		id: 'basic-not-base64',
		kinds: ['basic', 'token'],
		title: 'The Basic credentials are not base64',
		rule: 'After Basic comes standard base64 (A–Z a–z 0–9 + / and = padding).',
		sources: ['spotify/web-api #289', 'novatorem/spotify-readme #6'],
		error: 'invalid-client-malformed',
		fix: 'base64-encode "client_id:client_secret" with a standard encoder (btoa, base64.b64encode).',
		rank: 102,
		detect: onBasic((b) =>
			/^basic$/i.test(b.scheme) &&
			!b.bytesRepr &&
			b.decoded === undefined &&
			!b.credentials.includes(':')
				? {}
				: undefined
		)
	},
	{
		id: 'basic-newline',
		kinds: ['basic', 'token'],
		title: 'A newline inside the Basic credentials',
		rule: 'Encode exactly id:secret; echo without -n adds a newline before base64.',
		sources: ['spotify/web-api #96', 'spotify/web-api-examples #39'],
		error: 'invalid-client-malformed',
		fix: 'Use echo -n or printf \'%s\' "$ID:$SECRET" | base64.',
		rank: 103,
		detect: onBasic((b) => (b.decoded !== undefined && /[\r\n]/.test(b.decoded) ? {} : undefined))
	},
	{
		id: 'basic-separator',
		kinds: ['basic', 'token'],
		title: 'id and secret not joined by a colon',
		rule: 'RFC 7617: user-id ":" password.',
		sources: ['RFC 7617 §2'],
		error: 'invalid-client-malformed',
		fix: 'Join them as client_id:client_secret.',
		rank: 104,
		detect: onBasic((b) =>
			b.decoded !== undefined && !b.decoded.includes(':') ? { detail: 'No colon.' } : undefined
		)
	},
	{
		id: 'basic-swapped',
		kinds: ['basic', 'token'],
		title: 'Secret and id swapped',
		rule: 'The Client ID comes first: base64(client_id:client_secret).',
		sources: ['spotify/web-api #289'],
		error: 'invalid-client-token',
		fix: 'Put the Client ID before the colon.',
		rank: 105,
		detect: onBasic((b, e) =>
			e && b.decoded?.trim() === `${e.world.clientSecret}:${e.world.clientId}` ? {} : undefined
		)
	},
	{
		id: 'basic-wrong-credentials',
		kinds: ['basic', 'token'],
		title: 'Not this app’s Client ID and secret',
		rule: 'The Basic header carries the app’s own Client ID and secret.',
		sources: [sourcesDocs.code, 'novatorem/novatorem #42'],
		error: 'invalid-client-secret',
		fix: 'Encode the given Client ID and secret.',
		rank: 106,
		detect: onBasic((b, e) => {
			if (!e || b.decoded === undefined || /[\r\n]/.test(b.decoded)) return undefined;
			const expected = `${e.world.clientId}:${e.world.clientSecret}`;
			if (b.decoded === expected || b.decoded === `${e.world.clientSecret}:${e.world.clientId}`)
				return undefined;
			return b.decoded.includes(':') ? {} : undefined;
		})
	},
	{
		id: 'missing-client-auth',
		kinds: ['token'],
		title: 'No client credentials',
		rule: 'A confidential app authenticates every token request with its secret (Basic header, or client_id and client_secret in the body).',
		sources: [sourcesDocs.code, sourcesDocs.cc, sourcesDocs.refresh],
		error: 'invalid-client-malformed',
		fix: 'Add Authorization: Basic base64(client_id:client_secret).',
		rank: 107,
		detect: on('token', (s, e) =>
			e?.confidential && !s.basic && !field(s, 'client_secret') ? {} : undefined
		)
	},
	{
		id: 'body-secret-wrong',
		kinds: ['token'],
		title: 'client_secret in the body is not the app’s',
		rule: 'Body credentials are the app’s own Client ID and secret.',
		sources: [sourcesDocs.code],
		error: 'invalid-client-secret',
		fix: 'Send the given secret.',
		rank: 106,
		detect: on('token', (s, e) => {
			const secret = field(s, 'client_secret');
			return e && !s.basic && secret && secret !== e.world.clientSecret ? {} : undefined;
		})
	},
	{
		id: 'secret-in-public-client',
		kinds: ['token'],
		title: 'A client secret in a PKCE request',
		rule: 'A PKCE app (browser, mobile, CLI) has no secret to keep: it sends client_id and the verifier.',
		sources: [sourcesDocs.pkce],
		consequence: 'Spotify accepts it, but shipping the secret in a public app gives it away.',
		fix: 'Drop the Basic header or client_secret; send client_id in the body.',
		rank: 108,
		detect: on('token', (s, e) =>
			e && e.confidential === false && (s.basic || field(s, 'client_secret')) ? {} : undefined
		)
	},
	{
		id: 'pkce-missing-client-id',
		kinds: ['token'],
		title: 'A PKCE request without client_id',
		rule: 'Without a secret, client_id goes in the body (PKCE exchange and PKCE refresh).',
		sources: [sourcesDocs.pkce, sourcesDocs.refresh],
		error: 'invalid-client-malformed',
		fix: 'Add client_id to the body.',
		rank: 109,
		detect: on('token', (s, e) =>
			e && e.confidential === false && !s.basic && !field(s, 'client_id') ? {} : undefined
		)
	},
	{
		id: 'pkce-wrong-client-id',
		kinds: ['token'],
		title: 'client_id is not the app’s',
		rule: 'client_id is the app’s Client ID exactly.',
		sources: [sourcesDocs.pkce],
		error: 'invalid-client-token',
		fix: 'Send the given Client ID.',
		rank: 110,
		detect: on('token', (s, e) => {
			const id = field(s, 'client_id');
			return e && !s.basic && id && id !== e.world.clientId ? {} : undefined;
		})
	},
	// --- the code ---
	{
		id: 'missing-code',
		kinds: ['token'],
		title: 'code is missing',
		rule: 'The exchange sends the code from the callback’s query.',
		sources: ['radujica/tospotify #15'],
		error: 'code-must-be-supplied',
		fix: 'Add code=<the code from the callback>.',
		rank: 120,
		detect: on('token', (s, e) =>
			(e?.grant ?? field(s, 'grant_type')) === 'authorization_code' &&
			!field(s, 'code') &&
			!s.fields.some(([n]) => suggestName(n, ['code']))
				? {}
				: undefined
		)
	},
	{
		id: 'wrong-code',
		kinds: ['token'],
		title: 'Not the code Spotify issued',
		rule: 'The code is used exactly as received, once, by the client it was issued to.',
		sources: ['jwilsson/spotify-web-api-php #188', 'spotify/web-api #676'],
		error: 'invalid-authorization-code',
		fix: 'Send the given code, unchanged and only once.',
		rank: 121,
		detect: on('token', (s, e) => {
			const code = field(s, 'code');
			return e?.code && code && code !== e.code ? {} : undefined;
		})
	},
	{
		id: 'token-redirect-uri-mismatch',
		kinds: ['token'],
		title: 'redirect_uri differs from the one sent to /authorize',
		rule: 'The exchange repeats the authorize step’s redirect_uri, identical (it is only compared).',
		sources: ['spotify/web-api #513', 'spotify/web-api #1106'],
		error: 'invalid-redirect-uri-token',
		fix: 'Send the same raw string as at /authorize.',
		rank: 122,
		detect: on('token', (s, e) => {
			if (!e || (e.grant ?? field(s, 'grant_type')) !== 'authorization_code' || !field(s, 'code'))
				return undefined;
			const v = field(s, 'redirect_uri');
			return v === e.world.redirectUri
				? undefined
				: { detail: v ? `It is ${v}.` : 'It is missing.', didYouMean: e.world.redirectUri };
		})
	},
	// --- the verifier ---
	{
		id: 'missing-verifier',
		kinds: ['token'],
		title: 'code_verifier is missing',
		rule: 'A code issued with a challenge is exchanged with its verifier.',
		sources: ['spotipy-dev/spotipy #640', 'react-native-app-auth PR #666'],
		error: 'code-verifier-required',
		fix: 'Keep the verifier from before the redirect and send it as code_verifier.',
		rank: 130,
		detect: on('token', (s, e) =>
			e?.pkce &&
			(e.grant ?? field(s, 'grant_type')) === 'authorization_code' &&
			!field(s, 'code_verifier') &&
			!s.fields.some(([n]) => suggestName(n, ['code_verifier']))
				? {}
				: undefined
		)
	},
	{
		id: 'malformed-verifier',
		kinds: ['token'],
		title: 'code_verifier is malformed',
		rule: 'RFC 7636 §4.1: 43 to 128 characters of A–Z a–z 0–9 - . _ ~',
		sources: ['RFC 7636 §4.1', 'pocketbase PR #887'],
		error: 'code-verifier-invalid',
		fix: 'Send the verifier as generated, whole.',
		rank: 131,
		detect: on('token', (s) => {
			const v = field(s, 'code_verifier');
			return v && !VERIFIER_PATTERN.test(v)
				? { detail: `It has ${v.length} characters.` }
				: undefined;
		})
	},
	{
		id: 'wrong-verifier',
		kinds: ['token'],
		title: 'Not the verifier the challenge was made from',
		rule: 'base64url(sha256(code_verifier)) must equal the code_challenge sent to /authorize.',
		sources: ['spotify/web-api-examples #126', 'ramsayleung/rspotify #419'],
		error: 'code-verifier-incorrect',
		fix: 'Send the verifier kept from before the redirect, not a new one.',
		rank: 132,
		detect: on('token', (s, e) => {
			const v = field(s, 'code_verifier');
			return e?.pkce && v && VERIFIER_PATTERN.test(v) && v !== e.world.verifier ? {} : undefined;
		})
	},
	// --- the refresh token ---
	{
		id: 'missing-refresh-token',
		kinds: ['token'],
		title: 'refresh_token is missing',
		rule: 'A refresh sends the refresh token the app stored.',
		sources: [sourcesDocs.refresh],
		error: 'refresh-token-must-be-supplied',
		fix: 'Add refresh_token=<the stored token>.',
		rank: 140,
		detect: on('token', (s) =>
			field(s, 'grant_type') === 'refresh_token' && !field(s, 'refresh_token') ? {} : undefined
		)
	},
	{
		id: 'wrong-refresh-token',
		kinds: ['token'],
		title: 'Not the refresh token Spotify issued',
		rule: 'Send the stored refresh token whole (and the rotated one, when Spotify returns one).',
		sources: ['spotify/web-api #1202', 'ramsayleung/rspotify #396'],
		error: 'invalid-refresh-token',
		fix: 'Send the given refresh token unchanged.',
		rank: 141,
		detect: on('token', (s, e) => {
			const t = field(s, 'refresh_token');
			return e?.refreshToken && t && t !== e.refreshToken ? {} : undefined;
		})
	},
	{
		id: 'access-token-as-refresh-token',
		kinds: ['token'],
		title: 'The access token sent as the refresh token',
		rule: 'Access tokens (BQ…) call the Web API; refresh tokens (AQ…) get new access tokens.',
		sources: [sourcesDocs.refresh],
		error: 'invalid-refresh-token',
		fix: 'Send the refresh_token from the token response.',
		rank: 141,
		detect: on('token', (s) => (field(s, 'refresh_token')?.startsWith('BQ') ? {} : undefined))
	}
] as const satisfies readonly MistakeEntry[];

export type MistakeId = (typeof mistakes)[number]['id'];

function suggestAny(s: AuthorizeSubject, name: string): boolean {
	return [...s.query.keys()].some((k) => suggestName(k, authorizeNames) === name);
}

function challengeDetect(problem: ReturnType<typeof challengeProblem>) {
	return (s: Subject, e?: Expectation): Detection | undefined => {
		if (!e) {
			// Without the verifier only the shape tells: hex, padding or standard base64.
			const c =
				s.kind === 'challenge'
					? s.challenge
					: s.kind === 'authorize'
						? q(s, 'code_challenge')
						: undefined;
			if (!c || CHALLENGE_PATTERN.test(c)) return undefined;
			if (problem === 'hex' && /^[0-9a-f]{64}$/i.test(c)) return {};
			if (problem === 'standard-base64' && /[+/]|=$/.test(c) && c.length === 44) return {};
			return undefined;
		}
		const c =
			s.kind === 'challenge'
				? s.challenge.trim()
				: s.kind === 'authorize'
					? q(s, 'code_challenge')
					: undefined;
		if (!c) return undefined;
		if (s.kind === 'authorize' && !e.pkce) return undefined;
		return challengeProblem(c, e.world.verifier) === problem ? {} : undefined;
	};
}

const byId = new Map<string, MistakeEntry>(mistakes.map((m) => [m.id, m]));

export function getMistake(id: MistakeId): MistakeEntry {
	return byId.get(id)!;
}

export interface RecognisedMistake {
	mistake: MistakeEntry;
	detection: Detection;
}

/** Every mistake of the catalog found in `subject`, most fundamental first. */
export function recognise(subject: Subject, expected?: Expectation): RecognisedMistake[] {
	const found: RecognisedMistake[] = [];
	for (const mistake of mistakes as readonly MistakeEntry[]) {
		if (!mistake.kinds.includes(subject.kind)) continue;
		const detection = mistake.detect(subject, expected);
		if (detection) found.push({ mistake, detection });
	}
	return found.sort((a, b) => a.mistake.rank - b.mistake.rank);
}

/** A recognised mistake as the debug tools show it: plain data, ready for a page. */
export interface KnownMistake {
	id: string;
	title: string;
	rule: string;
	fix: string;
	sources: readonly string[];
	error?: SpotifyErrorSlug;
	didYouMean?: string;
}

export function known(found: readonly RecognisedMistake[]): KnownMistake[] {
	return found.map(({ mistake, detection }) => ({
		id: mistake.id,
		title: mistake.title,
		rule: mistake.rule,
		fix: mistake.fix,
		sources: mistake.sources,
		...(mistake.error && { error: mistake.error }),
		...(detection.didYouMean && { didYouMean: detection.didYouMean })
	}));
}

/** The catalog's mistakes behind one of Spotify's answers (for the error decoder). */
export function mistakesBehind(error: string): MistakeEntry[] {
	return (mistakes as readonly MistakeEntry[]).filter((m) => m.error === error);
}
