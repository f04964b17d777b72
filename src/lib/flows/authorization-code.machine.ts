/**
 * Authorization code flow (RFC 6749 §4.1; Spotify's code-flow tutorial): authorize in the
 * browser, exchange the code with the client secret, call the Web API, refresh.
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import {
	backTransitions,
	callbackTransitions,
	errorState,
	forward,
	remember,
	requestStep
} from './states';

/** Every point the learner can stop at, i.e. every target of `step.back`. */
export const restingPoints = [
	'requestAuthorization',
	'userConsents',
	'receiveCallback',
	'exchangeCode.ready',
	'exchangeCode.done',
	'callWebApi.ready',
	'callWebApi.done',
	'expireToken.ready',
	'refreshToken.ready',
	'refreshToken.done',
	'userDenied',
	'stateMismatch',
	'callbackError',
	'tokenError',
	'accessTokenExpired',
	'apiError',
	'refreshFailed'
] as const;

const reauthorize = (at: string) =>
	({ target: '#flow.requestAuthorization', actions: [remember(at), 'reauthorize'] }) as const;

export const authorizationCodeMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('authorization-code', input),
	initial: 'requestAuthorization',
	on: {
		reset: { target: '.requestAuthorization', actions: 'startOver' },
		'step.back': backTransitions(restingPoints)
	},
	states: {
		requestAuthorization: {
			tags: ['step'],
			meta: { content: 'request-authorization' },
			entry: { type: 'preparePending', params: { purpose: 'authorize' } },
			on: { 'step.next': forward('requestAuthorization', 'userConsents') }
		},
		/** The UI persists the snapshot and navigates to the pending authorize URL from here. */
		userConsents: {
			tags: ['step'],
			meta: { content: 'user-consents' },
			on: { 'callback.received': callbackTransitions('userConsents', 'receiveCallback') }
		},
		receiveCallback: {
			tags: ['step'],
			meta: { content: 'receive-callback' },
			on: { 'step.next': forward('receiveCallback', 'exchangeCode') }
		},
		exchangeCode: requestStep({
			purpose: 'token',
			content: 'exchange-code',
			key: 'exchangeCode',
			onFailure: '#flow.tokenError',
			done: {
				'step.next': forward('exchangeCode.done', '#flow.callWebApi'),
				'code.reuse': { guard: 'canReuseCode', ...forward('exchangeCode.done', 'ready') }
			}
		}),
		callWebApi: requestStep({
			purpose: 'api',
			content: 'call-web-api',
			key: 'callWebApi',
			onFailure: '#flow.accessTokenExpired',
			done: {
				'step.next': forward('callWebApi.done', '#flow.refreshToken'),
				'token.refresh': forward('callWebApi.done', '#flow.refreshToken'),
				'api.call': forward('callWebApi.done', 'ready'),
				'token.expire': { guard: 'canExpire', ...forward('callWebApi.done', '#flow.expireToken') }
			}
		}),
		expireToken: requestStep({
			purpose: 'expire',
			key: 'expireToken',
			onSuccess: '#flow.callWebApi.ready',
			onFailure: '#flow.apiError'
		}),
		refreshToken: requestStep({
			purpose: 'refresh',
			content: 'refresh-token',
			key: 'refreshToken',
			onFailure: '#flow.refreshFailed',
			done: {
				'step.next': forward('refreshToken.done', '#flow.callWebApi'),
				'api.call': forward('refreshToken.done', '#flow.callWebApi')
			}
		}),
		userDenied: errorState('access-denied', { 'step.next': reauthorize('userDenied') }),
		stateMismatch: errorState('state-mismatch', { 'step.next': reauthorize('stateMismatch') }),
		callbackError: errorState('callback', { 'step.next': reauthorize('callbackError') }),
		tokenError: errorState('token', { 'step.next': reauthorize('tokenError') }),
		accessTokenExpired: errorState('expired-token', {
			'step.next': forward('accessTokenExpired', 'refreshToken'),
			'token.refresh': forward('accessTokenExpired', 'refreshToken')
		}),
		apiError: errorState('web-api', { 'step.next': forward('apiError', 'callWebApi') }),
		refreshFailed: errorState('refresh', { 'step.next': reauthorize('refreshFailed') }),
		transportError: errorState('transport')
	}
});
