/**
 * /authorize: the redirect URI is present, a URI, secure under the app's era and registered.
 * Until all four hold, every error is a page: the emulator never redirects to an unregistered URI.
 */
import { onClassOrigin, registeredFor } from '../class-hosting';
import { appEra } from '../context';
import { param } from '../form';
import { laxOn } from '../laxities';
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
	if (onClassOrigin(ctx, state.app!, state.origin, uri)) return undefined;
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
export const checkRedirectUriRegistered: AuthorizeCheck = (ctx, state) => {
	const uri = param(state.params, 'redirect_uri') ?? '';
	const registered = registeredFor(ctx, state.app!, state.origin);
	const prefix = laxOn(ctx, 'prefixRedirectUris') && registered.some((r) => uri.startsWith(r));
	if (!prefix && !findMatchingRedirectUri(registered, uri))
		return errorPage('invalid-redirect-uri-authorize', state.nonce);
	state.redirectUri = uri;
	return undefined;
};
