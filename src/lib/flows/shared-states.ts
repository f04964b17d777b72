/**
 * Whole states the flows share: the authorize request and the redirect (three flows), the
 * callback's error states, and everything the two authorization-code flows do after the callback.
 * Each machine adds its own start (PKCE's verifier) and its own resting points.
 */
import { flowSetup } from './flow-setup';
import { callbackTransitions, errorState, forward, remember, requestStep } from './states';

/** Back to the start of a new authorization, from the state `at` (fresh state and verifier). */
export function reauthorizeFrom(start: string) {
	return (at: string) =>
		({ target: `#flow.${start}`, actions: [remember(at), 'reauthorize'] }) as const;
}

type Reauthorize = ReturnType<typeof reauthorizeFrom>;

/** `requestAuthorization` holds the authorize URL; the UI leaves for it from `userConsents`. */
export function authorizeStates(afterCallback: string) {
	return {
		requestAuthorization: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'request-authorization' },
			entry: { type: 'preparePending', params: { purpose: 'authorize' } },
			on: { 'step.next': forward('requestAuthorization', 'userConsents') }
		}),
		/** The UI persists the snapshot and navigates to the pending authorize URL from here. */
		userConsents: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'user-consents' },
			on: { 'callback.received': callbackTransitions('userConsents', afterCallback) }
		})
	};
}

/** What a callback can go wrong with; each leads to a new authorization. */
export function callbackErrorStates(reauthorize: Reauthorize) {
	return {
		userDenied: errorState('access-denied', { 'step.next': reauthorize('userDenied') }),
		stateMismatch: errorState('state-mismatch', { 'step.next': reauthorize('stateMismatch') }),
		callbackError: errorState('callback', { 'step.next': reauthorize('callbackError') })
	};
}

/** "Expire access token now": the emulator's control call, then the Web API call again. */
export const expireTokenState = requestStep({
	purpose: 'expire',
	key: 'expireToken',
	onSuccess: '#flow.callWebApi.ready',
	onFailure: '#flow.apiError'
});

export const codeFlowRestingPoints = [
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

/**
 * The authorization-code flows from the authorize request on: callback, code exchange (and the
 * "reuse the code" mistake), Web API call, expiry, refresh, and their error states.
 */
export function codeFlowStates(reauthorize: Reauthorize) {
	return {
		...authorizeStates('receiveCallback'),
		receiveCallback: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'receive-callback' },
			on: { 'step.next': forward('receiveCallback', 'exchangeCode') }
		}),
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
		expireToken: expireTokenState,
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
		...callbackErrorStates(reauthorize),
		tokenError: errorState('token', { 'step.next': reauthorize('tokenError') }),
		accessTokenExpired: errorState('expired-token', {
			'step.next': forward('accessTokenExpired', 'refreshToken'),
			'token.refresh': forward('accessTokenExpired', 'refreshToken')
		}),
		apiError: errorState('web-api', { 'step.next': forward('apiError', 'callWebApi') }),
		refreshFailed: errorState('refresh', { 'step.next': reauthorize('refreshFailed') }),
		transportError: errorState('transport')
	};
}
