/**
 * Authorization code with PKCE (RFC 7636; Spotify's code-pkce-flow tutorial): a verifier and its
 * S256 challenge instead of a client secret, then the same exchange, Web API call and refresh.
 *
 *   createVerifier → requestAuthorization → userConsents → receiveCallback → exchangeCode
 *   → callWebApi → refreshToken (last step; complete), with the code flow's error states
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { codeFlowStates, reauthorizeFrom } from './shared-states';

/** Re-authorization starts at a fresh verifier: one verifier per authorization request. */
const reauthorize = reauthorizeFrom('createVerifier');

export const authorizationCodePkceMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('authorization-code-pkce', input),
	initial: 'createVerifier',
	on: { reset: { target: '.createVerifier', actions: 'startOver' } },
	states: {
		createVerifier: {
			tags: ['step'],
			meta: { content: 'create-verifier' },
			initial: 'computing',
			states: {
				// A new verifier on entering `computing` only: one per authorization attempt.
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
				ready: { on: { 'step.next': '#flow.requestAuthorization' } }
			}
		},
		...codeFlowStates(reauthorize)
	}
});
