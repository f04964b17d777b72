/**
 * Authorization code with PKCE (RFC 7636; Spotify's code-pkce-flow tutorial): a verifier and its
 * S256 challenge instead of a client secret, then the same exchange, Web API call and refresh.
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
	'createVerifier.ready',
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

/** Re-authorization starts at a fresh verifier: one verifier per authorization request. */
const reauthorize = (at: string) =>
	({ target: '#flow.createVerifier', actions: [remember(at), 'reauthorize'] }) as const;

export const authorizationCodePkceMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('authorization-code-pkce', input),
	initial: 'createVerifier',
	on: {
		reset: { target: '.createVerifier', actions: 'startOver' },
		'step.back': backTransitions(restingPoints)
	},
	states: {
		createVerifier: {
			tags: ['step'],
			meta: { content: 'create-verifier' },
			initial: 'computing',
			states: {
				// The verifier is made on entering `computing` only, so going back keeps it.
				computing: {
					tags: ['busy'],
					entry: 'makeVerifier',
					invoke: {
						id: 'challenge',
						src: 'computeChallenge',
						input: ({ context }) => ({
							verifier: context.codeVerifier ?? '',
							standardBase64: context.mistakes.standardBase64Challenge === true
						}),
						onDone: {
							target: 'ready',
							actions: {
								type: 'storeChallenge',
								params: ({ event }) => ({ challenge: event.output })
							}
						},
						onError: {
							target: '#flow.transportError',
							actions: {
								type: 'storeTransportError',
								params: ({ event }) => ({ error: event.error })
							}
						}
					}
				},
				ready: {
					on: { 'step.next': forward('createVerifier.ready', '#flow.requestAuthorization') }
				}
			}
		},
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
