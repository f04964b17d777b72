/**
 * /authorize: response_type. `code` always; `token` (implicit grant) as the app's era decides
 * (reference §2.5): allowed, redirected with unsupported_response_type, or refused on a page.
 */
import { getSpotifyError } from '../../../spotify/errors';
import { appEra } from '../context';
import { param } from '../form';
import { redirect, withParams } from '../http';
import { errorPage } from '../pages/error-page';
import type { AuthorizeCheck } from './authorize-state';

export const checkResponseTypePresent: AuthorizeCheck = (_ctx, state) =>
	param(state.params, 'response_type') === null
		? errorPage('missing-response-type', state.nonce)
		: undefined;

export const checkResponseTypeSupported: AuthorizeCheck = (_ctx, state) => {
	const value = param(state.params, 'response_type');
	if (value === 'code') {
		state.responseType = 'code';
		return undefined;
	}
	if (value !== 'token') return errorPage('response-type-must-be-code', state.nonce);
	const rule = appEra(state.app!).implicitGrant;
	if (rule === 'allowed') {
		state.responseType = 'token';
		return undefined;
	}
	if (rule === 'page-error') return errorPage('response-type-must-be-code', state.nonce);
	const error = getSpotifyError('unsupported-response-type').code!;
	const location = withParams(
		state.redirectUri!,
		{ error, state: param(state.params, 'state') },
		'fragment'
	);
	return redirect(302, location);
};
