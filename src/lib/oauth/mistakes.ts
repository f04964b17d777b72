/**
 * The teaching mistakes a learner can switch on. Each is named, off by default, and shown as a
 * badge while on (CONVENTIONS.md, habit 6). Builders implement all but `reuseCode`, which is the
 * machine's business (it sends the same code twice).
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
	'bodyAsJson'
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

export const teachingMistakes: readonly TeachingMistakeInfo[] = [
	{
		name: 'omitState',
		label: 'No state',
		effect: 'The authorize URL carries no state, so the callback cannot tell a forged response.',
		flows: ['authorization-code', 'authorization-code-pkce', 'implicit-grant']
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
		flows: ['authorization-code', 'authorization-code-pkce'],
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
		flows: ['authorization-code', 'authorization-code-pkce'],
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
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials'],
		expectedError: 'grant-type-missing'
	}
];

/** The mistakes that are switched on, in the canonical order (for badges). */
export function activeMistakes(mistakes: Mistakes | undefined): TeachingMistake[] {
	return teachingMistakeNames.filter((name) => mistakes?.[name] === true);
}
