/** /api/token: grant_type present and one Spotify supports (reference §3.6). */
import { param } from '../form';
import { tokenError } from '../http';
import type { GrantType, TokenCheck } from './token-state';

const grantTypes: readonly string[] = ['authorization_code', 'refresh_token', 'client_credentials'];

/** A JSON or query-string body arrives without form fields, hence "missing" (problem 8). */
export const checkGrantTypePresent: TokenCheck = (_ctx, state) =>
	param(state.params, 'grant_type') === null ? tokenError('grant-type-missing') : undefined;

export const checkGrantTypeSupported: TokenCheck = (_ctx, state) => {
	const value = param(state.params, 'grant_type')!;
	if (!grantTypes.includes(value)) return tokenError('grant-type-unsupported', value);
	state.grantType = value as GrantType;
	return undefined;
};
