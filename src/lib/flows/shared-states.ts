/**
 * Whole states the flows share: the authorize request and the redirect (three flows), the
 * callback's error states, and everything the two authorization-code flows do after the callback.
 * Each machine adds its own start (PKCE's verifier) and its own last step.
 *
 * Every run ends: at its last step (tag `complete`, Next disabled) or at an error. An error ends
 * the run unless the protocol has a next move (a 401 means refresh, or ask again); from the
 * others `flow.retry` starts a new authorization on purpose.
 */
import { flowSetup } from './flow-setup';
import { evaluateExchange } from './outcomes';
import { callbackTransitions, errorState, requestStep } from './states';
import type { StepId } from './types';

/** Back to the start of a new authorization (fresh state and verifier). */
export function reauthorizeFrom(start: string) {
	return { target: `#flow.${start}`, actions: 'reauthorize' } as const;
}

type Reauthorize = ReturnType<typeof reauthorizeFrom>;

/**
 * `requestAuthorization` shows the authorize URL as built; `userConsents` is the browser's visit
 * to Spotify (the UI leaves for the URL from here, or replays the consent): it ends with the
 * callback, or with /authorize's own error page (`authorize.refused`, read before leaving).
 */
export function authorizeStates(
	afterCallback: string,
	callbackStep: StepId,
	reauthorize: Reauthorize
) {
	return {
		requestAuthorization: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'request-authorization' },
			entry: { type: 'preparePending', params: { purpose: 'authorize' } },
			on: { 'step.next': 'userConsents' }
		}),
		userConsents: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'user-consents' },
			on: {
				'callback.received': callbackTransitions(afterCallback),
				'authorize.refused': {
					target: '#flow.authorizeError',
					actions: [
						{
							type: 'recordExchange',
							params: ({ event }) => ({ sent: evaluateExchange(event.exchange) })
						},
						{
							type: 'storeError',
							params: ({ event }) => ({ sent: evaluateExchange(event.exchange) })
						},
						'clearPending'
					]
				}
			}
		}),
		authorizeError: errorState('authorize-page', 'user-consents', { 'flow.retry': reauthorize }),
		userDenied: errorState('access-denied', 'user-consents', { 'flow.retry': reauthorize }),
		stateMismatch: errorState('state-mismatch', callbackStep, { 'flow.retry': reauthorize }),
		callbackError: errorState('callback', callbackStep, { 'flow.retry': reauthorize })
	};
}

/** "Expire access token now": the emulator's control call, then the Web API call again. */
export const expireTokenState = requestStep({
	purpose: 'expire',
	onSuccess: '#flow.callWebApi.ready',
	onFailure: '#flow.apiError'
});

/** The Web API call's failures that are not a dead token (rate limit, 403, …). */
export const apiErrorState = errorState('web-api', 'call-web-api', {
	'api.call': '#flow.callWebApi'
});

/**
 * The authorization-code flows from the authorize request on: callback, code exchange (and the
 * "reuse the code" mistake), Web API call, expiry, refresh (the last step), and their errors.
 */
export function codeFlowStates(reauthorize: Reauthorize) {
	return {
		...authorizeStates('receiveCallback', 'receive-callback', reauthorize),
		receiveCallback: flowSetup.createStateConfig({
			tags: ['step'],
			meta: { content: 'receive-callback' },
			on: { 'step.next': 'exchangeCode' }
		}),
		exchangeCode: requestStep({
			purpose: 'token',
			content: 'exchange-code',
			onFailure: '#flow.tokenError',
			// The token panel acts as soon as a token exists, not only from the next step.
			done: {
				'step.next': '#flow.callWebApi',
				'code.reuse': { guard: 'canReuseCode', target: 'ready' },
				'api.call': '#flow.callWebApi',
				'token.refresh': '#flow.refreshToken',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		}),
		callWebApi: requestStep({
			purpose: 'api',
			content: 'call-web-api',
			onFailure: '#flow.apiError',
			onExpired: '#flow.accessTokenExpired',
			done: {
				'step.next': '#flow.refreshToken',
				'token.refresh': '#flow.refreshToken',
				'api.call': 'ready',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		}),
		expireToken: expireTokenState,
		refreshToken: requestStep({
			purpose: 'refresh',
			content: 'refresh-token',
			onFailure: '#flow.refreshFailed',
			last: true,
			done: {
				'api.call': '#flow.callWebApi',
				'token.refresh': 'ready',
				'token.expire': { guard: 'canExpire', target: '#flow.expireToken' }
			}
		}),
		tokenError: errorState('token', 'exchange-code', { 'flow.retry': reauthorize }),
		accessTokenExpired: errorState('expired-token', 'call-web-api', {
			'step.next': '#flow.refreshToken',
			'token.refresh': '#flow.refreshToken'
		}),
		apiError: apiErrorState,
		refreshFailed: errorState('refresh', 'refresh-token', { 'flow.retry': reauthorize }),
		transportError: errorState('transport', undefined, { 'flow.retry': reauthorize })
	};
}
