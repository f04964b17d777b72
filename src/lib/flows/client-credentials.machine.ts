/**
 * Client credentials (RFC 6749 §4.4; Spotify's client-credentials tutorial): the app alone asks
 * for a token with its secret and calls the Web API. No user, no redirect, no refresh: when the
 * token expires the app simply asks again.
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { expireTokenState, reauthorizeFrom } from './shared-states';
import { backTransitions, errorState, forward, requestStep } from './states';

/** Every point the learner can stop at, i.e. every target of `step.back`. */
export const restingPoints = [
	'requestToken.ready',
	'requestToken.done',
	'callWebApi.ready',
	'callWebApi.done',
	'expireToken.ready',
	'tokenError',
	'accessTokenExpired',
	'apiError'
] as const;

/** A new token request: nothing of the old token is kept. */
const requestAgain = reauthorizeFrom('requestToken');

export const clientCredentialsMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('client-credentials', input),
	initial: 'requestToken',
	on: {
		reset: { target: '.requestToken', actions: 'startOver' },
		'step.back': backTransitions(restingPoints)
	},
	states: {
		requestToken: requestStep({
			purpose: 'token',
			content: 'request-token',
			key: 'requestToken',
			onFailure: '#flow.tokenError',
			done: { 'step.next': forward('requestToken.done', '#flow.callWebApi') }
		}),
		callWebApi: requestStep({
			purpose: 'api',
			content: 'call-web-api',
			key: 'callWebApi',
			onFailure: '#flow.accessTokenExpired',
			done: {
				'api.call': forward('callWebApi.done', 'ready'),
				'token.expire': { guard: 'canExpire', ...forward('callWebApi.done', '#flow.expireToken') }
			}
		}),
		expireToken: expireTokenState,
		tokenError: errorState('token', { 'step.next': requestAgain('tokenError') }),
		accessTokenExpired: errorState('expired-token', {
			'step.next': requestAgain('accessTokenExpired')
		}),
		apiError: errorState('web-api', { 'step.next': forward('apiError', 'callWebApi') }),
		transportError: errorState('transport')
	}
});
