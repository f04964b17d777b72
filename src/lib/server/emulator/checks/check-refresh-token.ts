/**
 * /api/token, refresh_token (reference §3.4, §6): supplied, known to this client, not revoked
 * (user removed the app, or a rotated PKCE token reused), not past its 2026 lifetime; and a
 * client without a secret may refresh only what a PKCE exchange issued.
 */
import { appNow } from '../context';
import { param } from '../form';
import { revokeGrant } from '../grants';
import { tokenError } from '../http';
import { strictOn } from '../laxities';
import type { TokenCheck } from './token-state';

export const checkRefreshTokenPresent: TokenCheck = (_ctx, state) =>
	param(state.params, 'refresh_token') === null
		? tokenError('refresh-token-must-be-supplied')
		: undefined;

export const checkRefreshTokenKnown: TokenCheck = (ctx, state) => {
	const value = param(state.params, 'refresh_token')!;
	const record = ctx.store.refreshTokens.get(value);
	if (!record || record.clientId !== state.app!.clientId)
		return tokenError('invalid-refresh-token');
	state.refresh = { value, record };
	return undefined;
};

/**
 * A revoked token answers `Refresh token revoked`. In a lab sandbox with reuse detection, a token
 * that rotation revoked coming back means two parties hold it: the whole grant is revoked too
 * (RFC 9700 §4.14.2), whoever presented it.
 */
export const checkRefreshTokenNotRevoked: TokenCheck = (ctx, state) => {
	const record = state.refresh!.record;
	if (!record.revoked) return undefined;
	if (record.rotated && record.grant && strictOn(ctx, 'refreshTokenReuseDetection'))
		revokeGrant(ctx, record.clientId, record.grant);
	return tokenError('refresh-token-revoked');
};

/** Spotify publishes no text for the six-month expiry; `invalid_grant` is documented (§3.6). */
export const checkRefreshTokenNotExpired: TokenCheck = (ctx, state) => {
	const expiresAt = state.refresh!.record.expiresAt;
	return expiresAt !== null && appNow(ctx, state.app!.clientId) >= expiresAt
		? tokenError('invalid-refresh-token')
		: undefined;
};

export const checkRefreshClientKind: TokenCheck = (_ctx, state) =>
	!state.confidential && !state.refresh!.record.publicClient
		? tokenError('invalid-client-malformed')
		: undefined;
