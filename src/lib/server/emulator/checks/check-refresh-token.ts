/**
 * /api/token, refresh_token (reference §3.4, §6): supplied, known to this client, not revoked
 * (user removed the app, or a rotated PKCE token reused), not past its 2026 lifetime; and a
 * client without a secret may refresh only what a PKCE exchange issued.
 */
import { appNow } from '../context';
import { param } from '../form';
import { tokenError } from '../http';
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

export const checkRefreshTokenNotRevoked: TokenCheck = (_ctx, state) =>
	state.refresh!.record.revoked ? tokenError('refresh-token-revoked') : undefined;

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
