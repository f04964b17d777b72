/** /authorize: client_id present, then known (reference §2.4). */
import { findApp } from '../context';
import { param } from '../form';
import { errorPage } from '../pages/error-page';
import type { AuthorizeCheck } from './authorize-state';

export const checkClientIdPresent: AuthorizeCheck = (_ctx, state) =>
	param(state.params, 'client_id') === null
		? errorPage('missing-client-id', state.nonce)
		: undefined;

export const checkClientKnown: AuthorizeCheck = (ctx, state) => {
	const app = findApp(ctx, param(state.params, 'client_id') ?? '');
	if (!app) return errorPage('invalid-client-authorize', state.nonce);
	state.app = app;
	return undefined;
};
