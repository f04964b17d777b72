/**
 * Implicit grant (RFC 6749 §4.2), removed by Spotify on 2025-11-27: the token comes straight
 * back in the URL fragment. Runs against the emulator's legacy app only; no refresh, so an
 * expired token means authorizing again.
 *
 *   requestAuthorization → userConsents → tokenInFragment → callWebApi (last step; complete)
 *   errors: authorizeError, userDenied, stateMismatch, callbackError,
 *   accessTokenExpired (→ a new authorization), apiError, transportError
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { apiErrorState, authorizeStates, expireTokenState, reauthorizeFrom } from './shared-states';
import { errorState, requestStep } from './states';

const reauthorize = reauthorizeFrom('requestAuthorization');

export const implicitGrantMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('implicit-grant', input),
	initial: 'requestAuthorization',
	on: { reset: { target: '.requestAuthorization', actions: 'startOver' } },
	states: {
		...authorizeStates('tokenInFragment', 'token-in-fragment', reauthorize),
		tokenInFragment: {
			tags: ['step'],
			meta: { content: 'token-in-fragment' },
			// The token panel acts as soon as the fragment gave a token.
			on: {
				'step.next': 'callWebApi',
				'api.call': 'callWebApi',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		},
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
		accessTokenExpired: errorState('expired-token', 'call-web-api', {
			'step.next': reauthorize
		}),
		apiError: apiErrorState,
		transportError: errorState('transport', undefined, { 'flow.retry': reauthorize })
	}
});
