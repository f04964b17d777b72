/**
 * Authorization code flow (RFC 6749 §4.1; Spotify's code-flow tutorial): authorize in the
 * browser, exchange the code with the client secret, call the Web API, refresh.
 *
 *   requestAuthorization → userConsents → receiveCallback → exchangeCode → callWebApi
 *   → refreshToken (last step; complete)
 *   errors: authorizeError, userDenied, stateMismatch, callbackError, tokenError,
 *   accessTokenExpired (→ refreshToken), apiError, refreshFailed, transportError
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { codeFlowStates, reauthorizeFrom } from './shared-states';

export const authorizationCodeMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('authorization-code', input),
	initial: 'requestAuthorization',
	on: { reset: { target: '.requestAuthorization', actions: 'startOver' } },
	states: codeFlowStates(reauthorizeFrom('requestAuthorization'))
});
