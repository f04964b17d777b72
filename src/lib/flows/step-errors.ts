/**
 * "What goes wrong here", for the presenter console: the errors Spotify can answer at a step of
 * a flow, from the one error catalog (spotify/errors.ts), whose entries name the phase of a flow
 * that produces them (`step`: authorize, callback, token, api-call, refresh). Pure data in, data
 * out, so the console's server load and the tests share it.
 */
import { spotifyErrors, type SpotifyErrorEntry } from '$lib/spotify/errors';
import type { FlowSlug } from '$lib/spotify/flows';
import type { StepId } from './types';

/** The catalog's phases of a flow: where an error shows up. */
export type ErrorPhase = 'authorize' | 'callback' | 'token' | 'api-call' | 'refresh';

/**
 * Each learner-visible step in its catalog phase. A Record, so a new step id does not compile
 * until it names its phase. Consent happens on Spotify's authorize pages; its refusal
 * (access_denied) arrives with the callback, which is the next step's.
 */
export const phaseOfStep: Record<StepId, ErrorPhase> = {
	'create-verifier': 'authorize',
	'request-authorization': 'authorize',
	'user-consents': 'authorize',
	'receive-callback': 'callback',
	'token-in-fragment': 'callback',
	'request-token': 'token',
	'exchange-code': 'token',
	'call-web-api': 'api-call',
	'refresh-token': 'refresh'
};

/** One error as the console lists it: enough to name it and say how to fix it. */
export interface StepError {
	slug: string;
	title: string;
	/** The status and what is on the wire, e.g. `400 invalid_grant: Invalid authorization code`. */
	answer: string;
	fix: string;
	/** Its rank among the problems developers hit most, when it is one. */
	problem?: number;
}

function answerOf(entry: SpotifyErrorEntry): string {
	const status = entry.status === null ? 'redirect' : String(entry.status);
	const wire = [entry.code, entry.text].filter(Boolean).join(': ');
	return wire ? `${status} ${wire}` : status;
}

/** Spotify's answers at this step of this flow, the most common problems first. */
export function errorsAtStep(flow: FlowSlug, step: StepId): StepError[] {
	const phase = phaseOfStep[step];
	const entries: readonly SpotifyErrorEntry[] = spotifyErrors;
	return entries
		.filter((entry) => entry.step === phase && entry.flows.includes(flow))
		.map((entry, i) => ({ entry, i }))
		.sort((a, b) => (a.entry.problem ?? Infinity) - (b.entry.problem ?? Infinity) || a.i - b.i)
		.map(({ entry }) => ({
			slug: entry.slug,
			title: entry.title,
			answer: answerOf(entry),
			fix: entry.fix,
			...(entry.problem === undefined ? {} : { problem: entry.problem })
		}));
}
