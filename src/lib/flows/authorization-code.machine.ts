/**
 * Authorization code flow (RFC 6749 §4.1; Spotify's code-flow tutorial): authorize in the
 * browser, exchange the code with the client secret, call the Web API, refresh.
 */
import { flowSetup } from './flow-setup';
import { createContext } from './context';
import { codeFlowRestingPoints, codeFlowStates, reauthorizeFrom } from './shared-states';
import { backTransitions } from './states';

/** Every point the learner can stop at, i.e. every target of `step.back`. */
export const restingPoints = codeFlowRestingPoints;

export const authorizationCodeMachine = flowSetup.createMachine({
	id: 'flow',
	context: ({ input }) => createContext('authorization-code', input),
	initial: 'requestAuthorization',
	on: {
		reset: { target: '.requestAuthorization', actions: 'startOver' },
		'step.back': backTransitions(restingPoints)
	},
	states: codeFlowStates(reauthorizeFrom('requestAuthorization'))
});
