/**
 * Client credentials (RFC 6749 §4.4; Spotify's client-credentials tutorial): the app alone asks
 * for a token with its secret and calls the Web API. No user, no redirect, no refresh: when the
 * token expires the app simply asks again.
 *
 *   requestToken → callWebApi (last step; complete)
 *   errors: tokenError, accessTokenExpired (→ requestToken), apiError, transportError
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { apiErrorState, expireTokenState, reauthorizeFrom } from './shared-states';
import { errorState, requestStep } from './states';

/** A new token request: nothing of the old token is kept. */
const requestAgain = reauthorizeFrom('requestToken');

export const clientCredentialsMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('client-credentials', input),
	initial: 'requestToken',
	on: { reset: { target: '.requestToken', actions: 'startOver' } },
	states: {
		requestToken: requestStep({
			purpose: 'token',
			content: 'request-token',
			onFailure: '#flow.tokenError',
			// The token panel acts as soon as the token exists.
			done: {
				'step.next': '#flow.callWebApi',
				'api.call': '#flow.callWebApi',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		}),
		callWebApi: requestStep({
			purpose: 'api',
			content: 'call-web-api',
			onFailure: '#flow.apiError',
			onExpired: '#flow.accessTokenExpired',
			last: true,
			done: {
				'api.call': 'ready',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		}),
		expireToken: expireTokenState,
		tokenError: errorState('token', 'request-token', { 'flow.retry': requestAgain }),
		accessTokenExpired: errorState('expired-token', 'call-web-api', {
			'step.next': requestAgain
		}),
		apiError: apiErrorState,
		transportError: errorState('transport', undefined, { 'flow.retry': requestAgain })
	}
});
