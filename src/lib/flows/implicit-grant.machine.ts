/**
 * Implicit grant (RFC 6749 §4.2), removed by Spotify on 2025-11-27: the token comes straight
 * back in the URL fragment. Runs against the emulator's legacy app only; no refresh, so an
 * expired token means authorizing again.
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import {
	authorizeStates,
	callbackErrorStates,
	expireTokenState,
	reauthorizeFrom
} from './shared-states';
import { backTransitions, errorState, forward, requestStep } from './states';

/** Every point the learner can stop at, i.e. every target of `step.back`. */
export const restingPoints = [
	'requestAuthorization',
	'userConsents',
	'tokenInFragment',
	'callWebApi.ready',
	'callWebApi.done',
	'expireToken.ready',
	'userDenied',
	'stateMismatch',
	'callbackError',
	'accessTokenExpired',
	'apiError'
] as const;

const reauthorize = reauthorizeFrom('requestAuthorization');

export const implicitGrantMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('implicit-grant', input),
	initial: 'requestAuthorization',
	on: {
		reset: { target: '.requestAuthorization', actions: 'startOver' },
		'step.back': backTransitions(restingPoints)
	},
	states: {
		...authorizeStates('tokenInFragment'),
		tokenInFragment: {
			tags: ['step'],
			meta: { content: 'token-in-fragment' },
			on: { 'step.next': forward('tokenInFragment', 'callWebApi') }
		},
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
		...callbackErrorStates(reauthorize),
		accessTokenExpired: errorState('expired-token', {
			'step.next': reauthorize('accessTokenExpired')
		}),
		apiError: errorState('web-api', { 'step.next': forward('apiError', 'callWebApi') }),
		transportError: errorState('transport')
	}
});
