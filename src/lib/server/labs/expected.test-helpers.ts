/**
 * What every lab must do, with and without each defence: the attack succeeds with no defence,
 * and each defence blocks it with the exact answer below (the emulator's status and body, or the
 * app's refusal). The unit tests and the browser tests both check runs against this table.
 */
import type { DefenceId, LabSlug } from '../../attacks/types';

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
	'code-replay': { 'single-use-codes': tokenError('invalid_grant', 'Invalid authorization code') },
	'redirect-uri-tampering': {
		'exact-redirect-match': page('INVALID_CLIENT: Invalid redirect URI')
	},
	'secret-in-spa-bundle': {
		'rotate-secret': tokenError('invalid_client', 'Invalid client secret')
	},
	'refresh-token-theft': {
		'refresh-rotation': tokenError('invalid_grant', 'Refresh token revoked')
	}
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
