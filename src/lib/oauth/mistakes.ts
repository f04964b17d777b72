/**
 * The teaching mistakes a learner can switch on. Each is named, off by default, and shown as a
 * badge while on (CONVENTIONS.md, habit 6). The request builders implement them, except
 * `reuseCode` (the machine sends the same code twice) and `keepOldRefreshToken` (the machine
 * keeps the first refresh token): those are about what the app does between requests.
 */
import type { FlowSlug } from '$lib/spotify/flows';
import type { SpotifyErrorSlug } from '$lib/spotify/errors';

export const teachingMistakeNames = [
	'omitState',
	'omitPkce',
	'reuseCode',
	'wrongVerifier',
	'differentRedirectUri',
	'standardBase64Challenge',
	'bodyAsJson',
	// /authorize
	'omitClientId',
	'unknownClientId',
	'omitRedirectUri',
	'quotedRedirectUri',
	'insecureRedirectUri',
	'unregisteredRedirectUri',
	'omitResponseType',
	'illegalScope',
	'plainChallenge',
	// the code exchange and the client's credentials
	'emptyCode',
	'omitVerifier',
	'shortVerifier',
	'wrongSecret',
	'swappedCredentials',
	'basicWithNewline',
	'misspeltGrantType',
	'tokenRequestAsGet',
	// the refresh
	'garbledRefreshToken',
	'omitRefreshToken',
	'keepOldRefreshToken',
	// the app the run uses (the emulator's development-mode apps)
	'userNotAllowlisted',
	'ownerWithoutPremium',
	// the Web API call
	'tokenObjectAsBearer',
	'appTokenOnMe'
] as const;

export type TeachingMistake = (typeof teachingMistakeNames)[number];

/** The switches that are on; an absent or false entry means the safe behaviour. */
export type Mistakes = Partial<Record<TeachingMistake, boolean>>;

export interface TeachingMistakeInfo {
	name: TeachingMistake;
	/** Badge text. */
	label: string;
	/** What the switch changes on the wire. */
	effect: string;
	/** The flows where the switch means something. */
	flows: readonly FlowSlug[];
	/** The catalog entry Spotify answers with, when it answers with an error at all. */
	expectedError?: SpotifyErrorSlug;
}

const codeFlows: readonly FlowSlug[] = ['authorization-code', 'authorization-code-pkce'];
const userFlows: readonly FlowSlug[] = [...codeFlows, 'implicit-grant'];
const tokenFlows: readonly FlowSlug[] = [...codeFlows, 'client-credentials'];
const secretFlows: readonly FlowSlug[] = ['authorization-code', 'client-credentials'];
const allFlows: readonly FlowSlug[] = [...userFlows, 'client-credentials'];

export const teachingMistakes: readonly TeachingMistakeInfo[] = [
	{
		name: 'omitState',
		label: 'No state',
		effect: 'The authorize URL carries no state, so the callback cannot tell a forged response.',
		flows: userFlows
	},
	{
		name: 'omitPkce',
		label: 'No PKCE',
		effect: 'No code_challenge at /authorize and no code_verifier at the token step.',
		flows: ['authorization-code-pkce']
	},
	{
		name: 'reuseCode',
		label: 'Code reused',
		effect: 'The same authorization code is exchanged a second time.',
		flows: codeFlows,
		expectedError: 'invalid-authorization-code'
	},
	{
		name: 'wrongVerifier',
		label: 'Wrong verifier',
		effect: 'The token request sends a well-formed code_verifier that is not the one hashed.',
		flows: ['authorization-code-pkce'],
		expectedError: 'code-verifier-incorrect'
	},
	{
		name: 'differentRedirectUri',
		label: 'Different redirect URI',
		effect: 'The token request sends a redirect_uri that differs by a trailing slash.',
		flows: codeFlows,
		expectedError: 'invalid-redirect-uri-token'
	},
	{
		name: 'standardBase64Challenge',
		label: 'Standard base64',
		effect: 'The code_challenge is encoded with + / and = padding instead of base64url.',
		flows: ['authorization-code-pkce'],
		expectedError: 'code-verifier-incorrect'
	},
	{
		name: 'bodyAsJson',
		label: 'JSON body',
		effect: 'The token request body is JSON instead of application/x-www-form-urlencoded.',
		flows: tokenFlows,
		expectedError: 'grant-type-missing'
	},
	{
		name: 'omitClientId',
		label: 'No client_id',
		effect: 'The authorize URL has no client_id.',
		flows: userFlows,
		expectedError: 'missing-client-id'
	},
	{
		name: 'unknownClientId',
		label: 'Unknown client ID',
		effect: 'The authorize URL sends client_id=undefined, as an unset environment variable does.',
		flows: userFlows,
		expectedError: 'invalid-client-authorize'
	},
	{
		name: 'omitRedirectUri',
		label: 'No redirect_uri',
		effect: 'The authorize URL has no redirect_uri.',
		flows: userFlows,
		expectedError: 'missing-redirect-uri'
	},
	{
		name: 'quotedRedirectUri',
		label: 'Quoted redirect URI',
		effect:
			'The authorize URL sends the redirect_uri wrapped in quotes, as copied from a .env file.',
		flows: userFlows,
		expectedError: 'illegal-redirect-uri'
	},
	{
		name: 'insecureRedirectUri',
		label: 'localhost redirect URI',
		effect: 'The authorize URL sends http://localhost as the redirect_uri, banned since 2025.',
		// The implicit grant's legacy app still follows the rules from before the ban.
		flows: codeFlows,
		expectedError: 'insecure-redirect-uri'
	},
	{
		name: 'unregisteredRedirectUri',
		label: 'Unregistered redirect URI',
		effect:
			'The authorize URL sends a redirect_uri with a trailing slash the app never registered.',
		flows: userFlows,
		expectedError: 'invalid-redirect-uri-authorize'
	},
	{
		name: 'omitResponseType',
		label: 'No response_type',
		effect: 'The authorize URL has no response_type.',
		flows: userFlows,
		expectedError: 'missing-response-type'
	},
	{
		name: 'illegalScope',
		label: 'Illegal scope',
		effect: 'The authorize URL also asks for user-read-birthdate, a scope Spotify removed in 2019.',
		flows: userFlows,
		expectedError: 'illegal-scope'
	},
	{
		name: 'plainChallenge',
		label: 'Plain PKCE',
		effect:
			'code_challenge_method=plain, the verifier itself as the challenge; Spotify takes S256 only.',
		flows: ['authorization-code-pkce'],
		expectedError: 'pkce-method-unsupported'
	},
	{
		name: 'emptyCode',
		label: 'Empty code',
		effect: 'The token request sends code empty, as when the app reads it from the wrong place.',
		flows: codeFlows,
		expectedError: 'code-must-be-supplied'
	},
	{
		name: 'omitVerifier',
		label: 'No code_verifier',
		effect: 'The challenge goes to /authorize, but the token request drops code_verifier.',
		flows: ['authorization-code-pkce'],
		expectedError: 'code-verifier-required'
	},
	{
		name: 'shortVerifier',
		label: 'Short verifier',
		effect:
			'The token request sends the verifier cut to 42 characters, one under the minimum of 43.',
		flows: ['authorization-code-pkce'],
		expectedError: 'code-verifier-invalid'
	},
	{
		name: 'wrongSecret',
		label: 'Wrong secret',
		effect: 'The token request proves the client with a secret that is not the app’s (an old one).',
		flows: secretFlows,
		expectedError: 'invalid-client-secret'
	},
	{
		name: 'swappedCredentials',
		label: 'ID and secret swapped',
		effect:
			'The Basic credentials are base64(client_secret:client_id), the two the wrong way round.',
		flows: secretFlows,
		expectedError: 'invalid-client-token'
	},
	{
		name: 'basicWithNewline',
		label: 'Newline in Basic',
		effect: 'The Basic credentials end with a newline, as `echo` without -n adds before base64.',
		flows: secretFlows,
		expectedError: 'invalid-client-malformed'
	},
	{
		name: 'misspeltGrantType',
		label: 'Misspelt grant_type',
		effect: 'grant_type has a hyphen for the underscore (authorization-code, client-credentials).',
		flows: tokenFlows,
		expectedError: 'grant-type-unsupported'
	},
	{
		name: 'tokenRequestAsGet',
		label: 'GET token request',
		effect:
			'The token request is a GET with its parameters in the query string (never the client secret).',
		flows: tokenFlows,
		expectedError: 'token-method-not-allowed'
	},
	{
		name: 'garbledRefreshToken',
		label: 'Garbled refresh token',
		effect: 'The refresh request sends the refresh token with its last character cut off.',
		flows: codeFlows,
		expectedError: 'invalid-refresh-token'
	},
	{
		name: 'omitRefreshToken',
		label: 'No refresh token',
		effect: 'The refresh request sends refresh_token empty, as when it was saved as null.',
		flows: codeFlows,
		expectedError: 'refresh-token-must-be-supplied'
	},
	{
		name: 'keepOldRefreshToken',
		label: 'Rotated token ignored',
		effect:
			'The app ignores the new refresh_token a refresh returns and sends the first one again; where PKCE tokens rotate (before 2026) that one is revoked.',
		flows: ['authorization-code-pkce'],
		expectedError: 'refresh-token-revoked'
	},
	{
		name: 'userNotAllowlisted',
		label: 'User not on the allow-list',
		effect:
			'The run uses an app in development mode whose allow-list does not include the demo user: the user can log in and get a token, but the Web API answers 403.',
		flows: ['authorization-code', 'authorization-code-pkce'],
		expectedError: 'user-not-registered'
	},
	{
		name: 'ownerWithoutPremium',
		label: 'Owner without Premium',
		effect:
			'The run uses an app in development mode whose owner has no Premium subscription (a 2026 rule): every Web API call answers 403.',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials'],
		expectedError: 'premium-required'
	},
	{
		name: 'tokenObjectAsBearer',
		label: 'Token object in header',
		effect:
			'The Web API call sends Authorization: Bearer [object Object], the token response printed instead of its access_token.',
		flows: allFlows,
		expectedError: 'only-bearer-supported'
	},
	{
		name: 'appTokenOnMe',
		label: 'App token on /v1/me',
		effect: 'The Web API call asks /v1/me with a client-credentials token, which acts for no user.',
		flows: ['client-credentials'],
		expectedError: 'insufficient-client-scope'
	}
];

/** The mistakes that are switched on, in the canonical order (for badges). */
export function activeMistakes(mistakes: Mistakes | undefined): TeachingMistake[] {
	return teachingMistakeNames.filter((name) => mistakes?.[name] === true);
}
