/**
 * The /authorize checks in the order they run, as node-oidc-provider orders its authorization
 * endpoint: identify the client, establish the redirect URI (after which errors may redirect),
 * then the response type, scope and PKCE parameters.
 */
import type { AuthorizeCheck } from './authorize-state';
import { checkClientIdPresent, checkClientKnown } from './check-client-id';
import { checkPkceParams } from './check-pkce-params';
import {
	checkRedirectUriPresent,
	checkRedirectUriRegistered,
	checkRedirectUriSecure
} from './check-redirect-uri';
import { checkResponseTypePresent, checkResponseTypeSupported } from './check-response-type';
import { checkScope } from './check-scope';

export const authorizeChecks: readonly AuthorizeCheck[] = [
	checkClientIdPresent,
	checkClientKnown,
	checkRedirectUriPresent,
	checkRedirectUriSecure,
	checkRedirectUriRegistered,
	checkResponseTypePresent,
	checkResponseTypeSupported,
	checkScope,
	checkPkceParams
];
