/**
 * What every lab must do, with and without each defence: the attack succeeds with no defence;
 * each defence in `expectedBlocks` blocks it with the exact answer there (the emulator's status
 * and body, or the app's refusal); each in `stillSucceeds` is a partial defence the same attack
 * gets past. The unit tests and the browser tests both check runs against these tables.
 */
import type { DefenceId, LabSlug, LeakChannel } from '../../attacks/types';

export type Expected =
	{ by: 'emulator'; status: number; body: string } | { by: 'app'; message: string };

const tokenError = (error: string, description: string): Expected => ({
	by: 'emulator',
	status: 400,
	body: JSON.stringify({ error, error_description: description })
});
const page = (text: string): Expected => ({ by: 'emulator', status: 400, body: text });
const stateMismatch: Expected = { by: 'app', message: 'state_mismatch: The state does not match' };

export const expectedBlocks: Record<LabSlug, Partial<Record<DefenceId, Expected>>> = {
	'code-interception-without-pkce': {
		pkce: tokenError('invalid_request', 'code_verifier required')
	},
	'login-csrf-without-state': {
		state: stateMismatch,
		pkce: tokenError('invalid_grant', 'code_verifier was incorrect')
	},
	'pkce-downgrade': {
		'verifier-needs-challenge': tokenError('invalid_grant', 'code_verifier was incorrect'),
		state: stateMismatch
	},
	'implicit-token-leak': { 'code-instead-of-implicit': page('response_type must be code') },
	'code-replay': {
		'single-use-codes': tokenError('invalid_grant', 'Invalid authorization code'),
		'revoke-on-code-replay': tokenError('invalid_grant', 'Invalid authorization code')
	},
	'redirect-uri-tampering': {
		'exact-redirect-match': page('INVALID_CLIENT: Invalid redirect URI')
	},
	'secret-in-spa-bundle': {
		'rotate-secret': tokenError('invalid_client', 'Invalid client secret')
	},
	'refresh-token-theft': {
		'refresh-reuse-detection': tokenError('invalid_grant', 'Refresh token revoked')
	}
};

/** Defences the attack gets past in its lab: it succeeds with them on too. */
export const stillSucceeds: Partial<Record<LabSlug, readonly DefenceId[]>> = {
	// Neither closes the history list or a tag that runs before the app's code.
	'implicit-token-leak': ['referrer-policy', 'scrub-fragment'],
	// The thief refreshed first: rotation alone revokes the app's copy and keeps the thief's.
	'refresh-token-theft': ['refresh-rotation']
};

/** The implicit lab's channels that carry the token, for each way it runs with a token. */
export const implicitLeaks: Partial<Record<DefenceId | 'none', LeakChannel['id'][]>> = {
	none: ['history', 'address-bar', 'third-party-script'],
	'referrer-policy': ['history', 'address-bar', 'third-party-script'],
	'scrub-fragment': ['history', 'third-party-script']
};

/** The verdict line for a lab run without its defence. */
export const successText: Record<LabSlug, string> = {
	'code-interception-without-pkce':
		"Attack succeeded: the attacker holds a token for the victim's account",
	'login-csrf-without-state':
		"Attack succeeded: the victim's app is linked to the attacker's Spotify account",
	'pkce-downgrade':
		"Attack succeeded: the victim's app is linked to the attacker's Spotify account",
	'implicit-token-leak': "Attack succeeded: the attacker holds a token for the victim's account",
	'code-replay': "Attack succeeded: the attacker's session holds a token for the victim's account",
	'redirect-uri-tampering': "Attack succeeded: the attacker holds a token for the victim's account",
	'secret-in-spa-bundle': "Attack succeeded: the attacker holds a token issued to the victim's app",
	'refresh-token-theft': "Attack succeeded: the attacker holds a token for the victim's account"
};
