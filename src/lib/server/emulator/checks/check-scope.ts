/** /authorize: every requested scope is one Spotify grants to third parties (reference §8). */
import { isKnownScope, splitScopeParameter } from '../../../spotify/scopes';
import { errorPage } from '../pages/error-page';
import type { AuthorizeCheck } from './authorize-state';

export const checkScope: AuthorizeCheck = (_ctx, state) => {
	const scopes = [...new Set(splitScopeParameter(state.params.get('scope') ?? ''))];
	if (!scopes.every(isKnownScope)) return errorPage('illegal-scope', state.nonce);
	state.scopes = scopes;
	return undefined;
};
