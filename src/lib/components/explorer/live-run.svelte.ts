/**
 * What the explanation beside the explorer shows of the live run: the step on screen, the
 * origin the site is really served on, and the parameters that step sends (masked unless the
 * learner revealed them). The explorer writes it, the flow page's prose reads it; in the browser
 * only, so nothing of one visitor's run reaches another's server render.
 */
import type { StepId } from '$lib/flows/types';

export const liveRun = $state<{
	step?: StepId;
	origin?: string;
	values: readonly (readonly [string, string])[];
}>({ values: [] });
