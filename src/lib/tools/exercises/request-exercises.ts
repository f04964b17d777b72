/**
 * The exercises where the learner writes a request (or a piece of one): graded by running it
 * through the emulator's /authorize checks and /api/token handler, for the attempt's app, and by
 * the catalog of mistakes, which names everything that is wrong, not only what Spotify trips on
 * first.
 */
import { basicAuthorization } from '$lib/core/encoding';
import type { SpotifyErrorSlug } from '$lib/spotify/errors';
import { recognise, type MistakeId } from '$lib/tools/mistakes/catalog';
import type { Expectation, Subject } from '$lib/tools/mistakes/subject';
import {
	describeAuthorize,
	describeToken,
	failureOf,
	withExecution,
	type GradeResult
} from './grade';
import {
	readAuthorizeAnswer,
	readBasicAnswer,
	readChallengeAnswer,
	readTokenAnswer
} from './read-answer';
import type { Exercise } from './exercise';
import type { AuthorizeOutcome, Executor } from './types';
import { spotifyAuthorizeUrl, spotifyTokenUrl, type ExerciseWorld } from './world';

const form = 'application/x-www-form-urlencoded';

function found(subject: Subject, expected: Expectation, applies: readonly MistakeId[]) {
	return recognise(subject, expected)
		.filter((r) => (applies as readonly string[]).includes(r.mistake.id))
		.map(failureOf);
}

/** The slug Spotify answers an authorize outcome with, when it refuses. */
function authorizeRefusal(outcome: AuthorizeOutcome): SpotifyErrorSlug | undefined {
	if (outcome.kind === 'page') return outcome.error ?? 'something-went-wrong';
	if (outcome.kind === 'redirect-error')
		return outcome.error === 'unsupported_response_type'
			? 'unsupported-response-type'
			: 'pkce-method-unsupported';
	return undefined;
}

/** The PKCE exchange the app would do next, with the attempt's verifier: does the challenge hold? */
function exchangeWithVerifier(
	exec: Executor,
	world: ExerciseWorld,
	code: string,
	redirectUri: string
) {
	return exec.token({
		method: 'POST',
		headers: { 'content-type': form },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: world.clientId,
			code_verifier: world.verifier
		}).toString()
	});
}

function gradeAuthorize(
	answer: string,
	world: ExerciseWorld,
	exec: Executor,
	pkce: boolean,
	applies: readonly MistakeId[]
): GradeResult {
	const read = readAuthorizeAnswer(answer);
	if (!read.ok) return { passed: false, unreadable: read.message, failures: [] };
	const failures = found(read.value, { world, pkce }, applies);
	const outcome = exec.authorize(read.value.query);
	let refused = authorizeRefusal(outcome);
	let executed = describeAuthorize(outcome);
	if (outcome.kind === 'code' && pkce) {
		const exchange = exchangeWithVerifier(
			exec,
			world,
			outcome.code,
			read.value.query.get('redirect_uri') ?? ''
		);
		executed += ` The exchange with the verifier answers ${describeToken(exchange)}`;
		if (exchange.status !== 200) refused = exchange.error;
	}
	const all = withExecution(failures, refused, executed);
	return {
		passed: outcome.kind === 'code' && !refused && all.length === 0,
		failures: all,
		executed
	};
}

function gradeToken(
	answer: string,
	expected: Expectation,
	exec: Executor,
	applies: readonly MistakeId[]
): GradeResult {
	const read = readTokenAnswer(answer);
	if (!read.ok) return { passed: false, unreadable: read.message, failures: [] };
	const failures = found(read.value.subject, expected, applies);
	const outcome = exec.token(read.value.wire);
	const executed = describeToken(outcome);
	const all = withExecution(failures, outcome.status === 200 ? undefined : outcome.error, executed);
	return {
		passed: outcome.status === 200 && all.length === 0,
		failures: all,
		executed,
		readAs: read.value.source
	};
}

const authorizeMistakes = [
	'authorize-wrong-endpoint',
	'misspelt-parameter',
	'missing-client-id',
	'wrong-client-id',
	'secret-in-authorize-url',
	'missing-response-type',
	'response-type-token',
	'response-type-unknown',
	'missing-redirect-uri',
	'quoted-redirect-uri',
	'redirect-uri-double-encoded',
	'insecure-redirect-uri',
	'unregistered-redirect-uri',
	'illegal-scope',
	'scope-comma-separated',
	'missing-scopes',
	'missing-state',
	'wrong-state'
] as const satisfies readonly MistakeId[];

const challengeMistakes = [
	'challenge-standard-base64',
	'challenge-padded',
	'challenge-hex',
	'challenge-is-verifier',
	'challenge-wrong'
] as const satisfies readonly MistakeId[];

const basicMistakes = [
	'basic-missing-scheme',
	'basic-bytes-repr',
	'basic-not-encoded',
	'basic-not-base64',
	'basic-newline',
	'basic-separator',
	'basic-swapped',
	'basic-wrong-credentials'
] as const satisfies readonly MistakeId[];

const transportMistakes = [
	'token-wrong-endpoint',
	'token-request-as-get',
	'body-as-json',
	'body-multipart',
	'body-in-query',
	'missing-content-type',
	'missing-grant-type',
	'misspelt-grant-type',
	'wrong-grant-type',
	'misspelt-parameter'
] as const satisfies readonly MistakeId[];

const confidentialMistakes = [
	...basicMistakes,
	'missing-client-auth',
	'body-secret-wrong'
] as const satisfies readonly MistakeId[];

const publicMistakes = [
	'secret-in-public-client',
	'pkce-missing-client-id',
	'pkce-wrong-client-id'
] as const satisfies readonly MistakeId[];

const codeMistakes = [
	'missing-code',
	'wrong-code',
	'token-redirect-uri-mismatch',
	'redirect-uri-double-encoded'
] as const satisfies readonly MistakeId[];

const refreshMistakes = [
	'missing-refresh-token',
	'wrong-refresh-token',
	'access-token-as-refresh-token'
] as const satisfies readonly MistakeId[];

const app = (w: ExerciseWorld) => [
	{ label: 'Client ID', value: w.clientId },
	{ label: 'Registered redirect URI', value: w.redirectUri }
];

const secret = (w: ExerciseWorld) => ({
	label: 'Client secret (made up for this attempt)',
	value: w.clientSecret
});

function authorizeSolution(w: ExerciseWorld, pkce: boolean): string {
	const q = new URLSearchParams({
		client_id: w.clientId,
		response_type: 'code',
		redirect_uri: w.redirectUri,
		scope: w.scopes.join(' '),
		state: w.state
	});
	if (pkce) {
		q.set('code_challenge_method', 'S256');
		q.set('code_challenge', w.challenge);
	}
	return `${spotifyAuthorizeUrl}?${q}`;
}

function curl(headers: string[], fields: Record<string, string>): string {
	return [
		`curl -X POST ${spotifyTokenUrl}`,
		...headers.map((h) => `  -H '${h}'`),
		...Object.entries(fields).map(([k, v]) => `  -d ${k}=${encodeURIComponent(v)}`)
	].join(' \\\n');
}

export const requestExercises: readonly Exercise[] = [
	{
		slug: 'authorize-url-code',
		title: 'The authorize URL of the authorization code flow',
		summary: 'Send the user to Spotify with the right client, redirect URI, scopes and state.',
		task: 'Write the URL your server redirects the user to, for this app, these scopes and this state.',
		answerLabel: 'Authorize URL',
		answerFormat: 'One URL, starting https://accounts.spotify.com/authorize?',
		rows: 4,
		given: (w) => [
			...app(w),
			{ label: 'Scopes', value: w.scopes.join(' ') },
			{ label: 'State (stored in the session)', value: w.state }
		],
		hints: [
			'Five parameters: client_id, response_type, redirect_uri, scope and state.',
			'response_type is code. scope is space-separated (%20 or + in the URL).',
			'redirect_uri is the registered URI, character for character, encoded once.'
		],
		solution: (w) => authorizeSolution(w, false),
		grade: (answer, w, exec) => gradeAuthorize(answer, w, exec, false, authorizeMistakes),
		mistakes: authorizeMistakes,
		own: (w) => [w.state]
	},
	{
		slug: 'authorize-url-pkce',
		title: 'The PKCE authorize URL',
		summary: 'The same URL, plus the S256 challenge of your verifier.',
		task: 'Write the authorize URL of the PKCE flow for this app, scopes, state and code verifier.',
		answerLabel: 'Authorize URL',
		answerFormat: 'One URL, starting https://accounts.spotify.com/authorize?',
		rows: 5,
		given: (w) => [
			...app(w),
			{ label: 'Scopes', value: w.scopes.join(' ') },
			{ label: 'State', value: w.state },
			{ label: 'Code verifier (kept in sessionStorage)', value: w.verifier }
		],
		hints: [
			'Everything of the code flow’s URL, plus code_challenge_method and code_challenge.',
			'code_challenge_method is S256.',
			'code_challenge = base64url(sha256(verifier)): - and _ instead of + and /, no = at the end. In a browser console: btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))))).replace(/\\+/g,"-").replace(/\\//g,"_").replace(/=+$/,"")'
		],
		solution: (w) => authorizeSolution(w, true),
		grade: (answer, w, exec) =>
			gradeAuthorize(answer, w, exec, true, [
				...authorizeMistakes,
				...challengeMistakes,
				'pkce-missing-challenge',
				'pkce-method-not-s256'
			]),
		mistakes: [
			...authorizeMistakes,
			...challengeMistakes,
			'pkce-missing-challenge',
			'pkce-method-not-s256'
		],
		own: (w) => [w.state, w.verifier, w.challenge]
	},
	{
		slug: 'pkce-challenge',
		title: 'The S256 challenge of a verifier',
		summary: 'Hash the verifier and encode it the way RFC 7636 says.',
		task: 'Write the code_challenge for this code_verifier (method S256).',
		answerLabel: 'code_challenge',
		answerFormat: '43 characters',
		rows: 2,
		given: (w) => [{ label: 'Code verifier', value: w.verifier }],
		hints: [
			'SHA-256 of the verifier’s ASCII bytes: 32 bytes.',
			'Encode those bytes in base64url (not hex, not standard base64).',
			'No = padding: the challenge is 43 characters. In a shell: printf %s "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr "+/" "-_" | tr -d "="'
		],
		solution: (w) => w.challenge,
		grade: (answer, w, exec) => {
			const read = readChallengeAnswer(answer);
			if (!read.ok) return { passed: false, unreadable: read.message, failures: [] };
			const failures = found(read.value, { world: w, pkce: true }, challengeMistakes);
			const query = new URLSearchParams({
				client_id: w.clientId,
				response_type: 'code',
				redirect_uri: w.redirectUri,
				code_challenge_method: 'S256',
				code_challenge: read.value.challenge
			});
			const outcome = exec.authorize(query);
			let executed = describeAuthorize(outcome);
			let refused = authorizeRefusal(outcome);
			if (outcome.kind === 'code') {
				const exchange = exchangeWithVerifier(exec, w, outcome.code, w.redirectUri);
				executed = `The authorize step accepts it; the exchange with the verifier answers ${describeToken(exchange)}`;
				refused = exchange.status === 200 ? undefined : exchange.error;
			}
			const all = withExecution(failures, refused, executed);
			return { passed: !refused && all.length === 0, failures: all, executed };
		},
		mistakes: challengeMistakes,
		own: (w) => [w.verifier, w.challenge]
	},
	{
		slug: 'basic-header',
		title: 'The Basic authorization header',
		summary: 'How a confidential app proves who it is at the token endpoint.',
		task: 'Write the Authorization header this app sends to /api/token.',
		answerLabel: 'Authorization header',
		answerFormat: 'Authorization: Basic …',
		rows: 2,
		given: (w) => [{ label: 'Client ID', value: w.clientId }, secret(w)],
		hints: [
			'Join the Client ID and the secret with a colon: id:secret.',
			'base64-encode that text (standard base64, with its = padding).',
			'Write Basic, a space, then the base64. In a shell: printf %s "$ID:$SECRET" | base64'
		],
		solution: (w) => `Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`,
		grade: (answer, w, exec) => {
			const read = readBasicAnswer(answer);
			if (!read.ok) return { passed: false, unreadable: read.message, failures: [] };
			const failures = found(read.value, { world: w, confidential: true }, basicMistakes);
			const outcome = exec.token({
				method: 'POST',
				headers: { 'content-type': form, authorization: read.value.basic.raw },
				body: 'grant_type=client_credentials'
			});
			const executed = `A client-credentials request with it answers ${describeToken(outcome)}`;
			const all = withExecution(
				failures,
				outcome.status === 200 ? undefined : outcome.error,
				executed
			);
			return { passed: outcome.status === 200 && all.length === 0, failures: all, executed };
		},
		mistakes: basicMistakes,
		own: (w) => [w.clientSecret, basicAuthorization(w.clientId, w.clientSecret).slice(6)]
	},
	{
		slug: 'token-request-code',
		title: 'The code exchange',
		summary: 'Trade the code from the callback for tokens, from your server.',
		task: 'Write the request your server sends to exchange this code: method, URL, headers and body.',
		answerLabel: 'Token request',
		answerFormat:
			'curl, raw HTTP (POST /api/token HTTP/1.1 …), or Python requests/httpx or JavaScript fetch/axios code',
		rows: 8,
		given: (w, exec) => [
			...app(w),
			secret(w),
			{ label: 'Code (from the callback)', value: exec.code(false) }
		],
		hints: [
			'POST https://accounts.spotify.com/api/token, body form-encoded (not JSON).',
			'Body: grant_type=authorization_code, code, and redirect_uri exactly as at /authorize.',
			'Header: Authorization: Basic base64(client_id:client_secret), and Content-Type: application/x-www-form-urlencoded.'
		],
		solution: (w, exec) =>
			curl(
				[
					`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`,
					`Content-Type: ${form}`
				],
				{ grant_type: 'authorization_code', code: exec.code(false), redirect_uri: w.redirectUri }
			),
		grade: (answer, w, exec) =>
			gradeToken(
				answer,
				{ world: w, grant: 'authorization_code', confidential: true, code: exec.code(false) },
				exec,
				[...transportMistakes, ...confidentialMistakes, ...codeMistakes]
			),
		mistakes: [...transportMistakes, ...confidentialMistakes, ...codeMistakes],
		own: (w, exec) => [
			w.clientSecret,
			basicAuthorization(w.clientId, w.clientSecret).slice(6),
			exec.code(false)
		]
	},
	{
		slug: 'token-request-pkce',
		title: 'The PKCE code exchange',
		summary:
			'Trade the code for tokens from the browser or the device: no secret, the verifier instead.',
		task: 'Write the request your app sends to exchange this code, with PKCE.',
		answerLabel: 'Token request',
		answerFormat: 'curl, raw HTTP, or Python requests/httpx or JavaScript fetch/axios code',
		rows: 8,
		given: (w, exec) => [
			...app(w),
			{ label: 'Code verifier (from sessionStorage)', value: w.verifier },
			{ label: 'Code (from the callback)', value: exec.code(true) }
		],
		hints: [
			'POST https://accounts.spotify.com/api/token, body form-encoded.',
			'No Authorization header: a PKCE app has no secret. client_id goes in the body.',
			'Body: grant_type=authorization_code, code, redirect_uri, client_id, code_verifier.'
		],
		solution: (w, exec) =>
			curl([`Content-Type: ${form}`], {
				grant_type: 'authorization_code',
				code: exec.code(true),
				redirect_uri: w.redirectUri,
				client_id: w.clientId,
				code_verifier: w.verifier
			}),
		grade: (answer, w, exec) =>
			gradeToken(
				answer,
				{
					world: w,
					grant: 'authorization_code',
					confidential: false,
					pkce: true,
					code: exec.code(true)
				},
				exec,
				[
					...transportMistakes,
					...publicMistakes,
					...codeMistakes,
					'missing-verifier',
					'malformed-verifier',
					'wrong-verifier'
				]
			),
		mistakes: [
			...transportMistakes,
			...publicMistakes,
			...codeMistakes,
			'missing-verifier',
			'malformed-verifier',
			'wrong-verifier'
		],
		own: (w, exec) => [w.verifier, exec.code(true)]
	},
	{
		slug: 'token-request-client-credentials',
		title: 'The client credentials request',
		summary: 'An app token for your backend: no user, no redirect.',
		task: 'Write the request your backend sends for an app access token.',
		answerLabel: 'Token request',
		answerFormat: 'curl, raw HTTP, or Python requests/httpx or JavaScript fetch/axios code',
		rows: 6,
		given: (w) => [{ label: 'Client ID', value: w.clientId }, secret(w)],
		hints: [
			'POST https://accounts.spotify.com/api/token, body form-encoded.',
			'The body is one field: grant_type=client_credentials.',
			'The app authenticates with Authorization: Basic base64(client_id:client_secret).'
		],
		solution: (w) =>
			curl(
				[
					`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`,
					`Content-Type: ${form}`
				],
				{
					grant_type: 'client_credentials'
				}
			),
		grade: (answer, w, exec) =>
			gradeToken(answer, { world: w, grant: 'client_credentials', confidential: true }, exec, [
				...transportMistakes,
				...confidentialMistakes
			]),
		mistakes: [...transportMistakes, ...confidentialMistakes],
		own: (w) => [w.clientSecret, basicAuthorization(w.clientId, w.clientSecret).slice(6)]
	},
	{
		slug: 'refresh-request',
		title: 'The refresh request',
		summary: 'A new access token from the refresh token, for a confidential app or a PKCE app.',
		task: 'Write the request that refreshes the access token. The app is given below: confidential (with a secret) or PKCE (without); a new attempt may give the other one.',
		answerLabel: 'Token request',
		answerFormat: 'curl, raw HTTP, or Python requests/httpx or JavaScript fetch/axios code',
		rows: 7,
		given: (w, exec) => [
			{
				label: 'The app',
				value:
					w.refreshClient === 'confidential'
						? 'a server app with a client secret (authorization code flow)'
						: 'a single-page app without a secret (PKCE flow)'
			},
			{ label: 'Client ID', value: w.clientId },
			...(w.refreshClient === 'confidential' ? [secret(w)] : []),
			{ label: 'Refresh token (stored)', value: exec.refreshToken() }
		],
		hints: [
			'POST https://accounts.spotify.com/api/token, body form-encoded, grant_type=refresh_token.',
			'Send the stored refresh_token whole.',
			'A confidential app adds Authorization: Basic base64(id:secret); a PKCE app sends client_id in the body instead.'
		],
		solution: (w, exec) =>
			w.refreshClient === 'confidential'
				? curl(
						[
							`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`,
							`Content-Type: ${form}`
						],
						{
							grant_type: 'refresh_token',
							refresh_token: exec.refreshToken()
						}
					)
				: curl([`Content-Type: ${form}`], {
						grant_type: 'refresh_token',
						refresh_token: exec.refreshToken(),
						client_id: w.clientId
					}),
		grade: (answer, w, exec) =>
			gradeToken(
				answer,
				{
					world: w,
					grant: 'refresh_token',
					confidential: w.refreshClient === 'confidential',
					refreshToken: exec.refreshToken()
				},
				exec,
				w.refreshClient === 'confidential'
					? [...transportMistakes, ...confidentialMistakes, ...refreshMistakes]
					: [...transportMistakes, ...publicMistakes, ...refreshMistakes]
			),
		mistakes: [
			...transportMistakes,
			...confidentialMistakes,
			...publicMistakes,
			...refreshMistakes
		],
		own: (w, exec) => [
			w.clientSecret,
			basicAuthorization(w.clientId, w.clientSecret).slice(6),
			exec.refreshToken()
		]
	}
];
