/**
 * /api/token, authorization_code: the code is supplied, known to this client, unused, not expired,
 * and the redirect_uri repeats the one sent to /authorize (reference §3.2, §3.6, §6).
 */
import { appNow } from '../context';
import { param } from '../form';
import { tokenError } from '../http';
import { grantOf, revokeGrant } from '../grants';
import { laxOn, strictOn } from '../laxities';
import type { TokenCheck } from './token-state';

export const checkCodePresent: TokenCheck = (_ctx, state) =>
	param(state.params, 'code') === null ? tokenError('code-must-be-supplied') : undefined;

/** Unknown or issued to another client (and, next, already exchanged): Spotify says the same. */
export const checkCodeValid: TokenCheck = (ctx, state) => {
	const value = param(state.params, 'code')!;
	const record = ctx.store.codes.get(value);
	if (!record || record.clientId !== state.app!.clientId)
		return tokenError('invalid-authorization-code');
	state.code = { value, record };
	return undefined;
};

/**
 * Single use (RFC 6749 §4.1.2: MUST deny, and SHOULD revoke the tokens issued from the code). The
 * revocation is a lab sandbox's strict behaviour: what Spotify does there is not reported.
 */
export const checkCodeUnused: TokenCheck = (ctx, state) => {
	const { value, record } = state.code!;
	if (!record.used || laxOn(ctx, 'reusableCodes')) return undefined;
	if (strictOn(ctx, 'revokeTokensOnCodeReplay')) revokeGrant(ctx, record.clientId, grantOf(value));
	return tokenError('invalid-authorization-code');
};

export const checkCodeNotExpired: TokenCheck = (ctx, state) =>
	appNow(ctx, state.app!.clientId) >= state.code!.record.expiresAt
		? tokenError('authorization-code-expired')
		: undefined;

export const checkCodeRedirectUri: TokenCheck = (_ctx, state) =>
	param(state.params, 'redirect_uri') !== state.code!.record.redirectUri
		? tokenError('invalid-redirect-uri-token')
		: undefined;

/** A client without a secret may exchange only a code that PKCE protects. */
export const checkPublicClientUsedPkce: TokenCheck = (ctx, state) =>
	!state.confidential &&
	state.code!.record.codeChallenge === null &&
	!laxOn(ctx, 'publicClientWithoutPkce')
		? tokenError('invalid-client-malformed')
		: undefined;
