/**
 * /authorize: the redirect URI is present, a URI, secure under the app's era and registered.
 * Until all four hold, every error is a page: the emulator never redirects to an unregistered URI.
 */
import { appEra } from '../context';
import { param } from '../form';
import { errorPage } from '../pages/error-page';
import { checkRedirectUri, findMatchingRedirectUri } from '../../../spotify/redirect-uri';
import type { AuthorizeCheck } from './authorize-state';

export const checkRedirectUriPresent: AuthorizeCheck = (_ctx, state) =>
	param(state.params, 'redirect_uri') === null
		? errorPage('missing-redirect-uri', state.nonce)
		: undefined;

/** Reference §5.3 `secure(uri)`, with the app's era deciding whether http is still allowed. */
export const checkRedirectUriSecure: AuthorizeCheck = (ctx, state) => {
	const uri = param(state.params, 'redirect_uri') ?? '';
	const verdict = checkRedirectUri(uri, {
		security: appEra(state.app!).redirectUriSecurity,
		customSchemesInsecure: ctx.config.customSchemesInsecure
	});
	if (verdict.ok) return undefined;
	return errorPage(
		verdict.problem === 'illegal' ? 'illegal-redirect-uri' : 'insecure-redirect-uri',
		state.nonce
	);
};

/** Reference §5.3 `matches(registered, requested)`. */
export const checkRedirectUriRegistered: AuthorizeCheck = (_ctx, state) => {
	const uri = param(state.params, 'redirect_uri') ?? '';
	if (!findMatchingRedirectUri(state.app!.redirectUris, uri))
		return errorPage('invalid-redirect-uri-authorize', state.nonce);
	state.redirectUri = uri;
	return undefined;
};
