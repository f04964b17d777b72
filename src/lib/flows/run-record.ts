/**
 * A run as a record: the flow, its target, era, seed and Break-it switches, and the ordered list
 * of what the learner did. Replaying the record gives what the explorer shows; the record (never
 * a secret) is what is saved across the redirect and reloads, and what a step link carries:
 *
 *     /flows/<slug>?step=<step>&break=<switch>,…&seed=<seed>&era=<era>&run=<actions>
 *
 * `step` is the step's content id (`exchange-code`). Without `run`, the link means "Next until
 * that step is answered" (Agree at the consent page); `run` spells the actions out, one letter
 * each (see `actionLetters`), when the learner did something else (Cancel, expire, refresh…).
 */
import { teachingMistakeNames, type Mistakes, type TeachingMistake } from '$lib/oauth/mistakes';
import { maxSeedLength } from '$lib/spotify/emulator-seed';
import { eraIds, type EraId } from '$lib/spotify/eras';
import type { FlowSlug } from '$lib/spotify/flows';
import { stepIds, type StepId, type TargetKind } from './types';

export const runRecordVersion = 1;

/** What a learner can do to a run, in the order a record lists them. */
export const runActions = [
	'next',
	'agree',
	'cancel',
	'forge',
	'api',
	'refresh',
	'expire',
	'reuse',
	'retry'
] as const;

export type RunAction = (typeof runActions)[number];

/** One letter per action, for `run=` in links (`nnan` = next, next, agree, next). */
export const actionLetters: Record<RunAction, string> = {
	next: 'n',
	agree: 'a',
	cancel: 'c',
	forge: 'f',
	api: 'p',
	refresh: 'r',
	expire: 'e',
	reuse: 'u',
	retry: 't'
};

/** What each action is, in words (the summary and the messages about a link). */
export const actionNames: Record<RunAction, string> = {
	next: 'Next step',
	agree: 'Agree at the consent page',
	cancel: 'Cancel at the consent page',
	forge: 'Forge the callback',
	api: 'Call the Web API',
	refresh: 'Refresh',
	expire: 'Expire access token now',
	reuse: 'Send the same code again',
	retry: 'Start a new authorization'
};

export interface RunRecord {
	version: typeof runRecordVersion;
	flow: FlowSlug;
	target: TargetKind;
	/** The emulator app's rules (its app is chosen by era); absent: the flow's usual app. */
	era?: EraId;
	seed?: string;
	/** The Break-it switches that are on, in the canonical order. */
	breaks: TeachingMistake[];
	actions: RunAction[];
}

/** What a step link says: the record's settings, where to stop, and the actions when spelt out. */
export interface StepLink {
	flow: FlowSlug;
	step?: StepId;
	era?: EraId;
	seed?: string;
	breaks: TeachingMistake[];
	/** Absent: Next (and Agree) until `step` is answered. */
	actions?: RunAction[];
}

export interface ParsedLink {
	link: StepLink;
	/** One sentence per part of the query that could not be used (and was left out). */
	problems: string[];
}

/** The query parameters a step link uses; anything else in the query is left alone. */
export const linkParams = ['step', 'break', 'seed', 'era', 'run'] as const;

const maxActions = 200;

/** Reads a step link from a flow page's query; bad parts are named and left out. */
export function parseStepLink(
	flow: FlowSlug,
	query: URLSearchParams,
	flowSteps: readonly StepId[]
): ParsedLink {
	const problems: string[] = [];
	const link: StepLink = { flow, breaks: [] };
	const step = query.get('step');
	if (step !== null && step !== '') {
		if ((flowSteps as readonly string[]).includes(step)) link.step = step as StepId;
		else
			problems.push(
				`This flow has no step “${step}”; its steps are ${flowSteps.join(', ')}. The run starts at the beginning.`
			);
	}
	const breaks = (query.get('break') ?? '').split(',').filter((name) => name !== '');
	for (const name of breaks) {
		if ((teachingMistakeNames as readonly string[]).includes(name))
			link.breaks.push(name as TeachingMistake);
		else
			problems.push(
				`There is no Break-it switch called “${name}”; the switches are ${teachingMistakeNames.join(', ')}.`
			);
	}
	link.breaks = teachingMistakeNames.filter((name) => link.breaks.includes(name));
	const seed = query.get('seed');
	if (seed !== null && seed !== '') {
		if (seed.length <= maxSeedLength && /^[\w.-]+$/.test(seed)) link.seed = seed;
		else
			problems.push(
				`The seed must be up to ${maxSeedLength} letters, digits, dots, dashes or underscores; this run has none.`
			);
	}
	const era = query.get('era');
	if (era !== null && era !== '') {
		if ((eraIds as readonly string[]).includes(era)) link.era = era as EraId;
		else problems.push(`There is no era “${era}”; the eras are ${eraIds.join(', ')}.`);
	}
	const run = query.get('run');
	if (run !== null && run !== '') {
		const actions = decodeActions(run);
		if (actions) link.actions = actions;
		else
			problems.push(
				`“run=${run.slice(0, 40)}” is not a list of actions (letters ${Object.values(actionLetters).join('')}); the run goes to the step by Next alone.`
			);
	}
	return { link, problems };
}

/** The query of a step link, parameters in a fixed order so equal links are equal strings. */
export function stepLinkQuery(link: StepLink): string {
	const query = new URLSearchParams();
	if (link.step) query.set('step', link.step);
	if (link.breaks.length > 0) query.set('break', link.breaks.join(','));
	if (link.seed) query.set('seed', link.seed);
	if (link.era) query.set('era', link.era);
	if (link.actions) query.set('run', encodeActions(link.actions));
	// Commas read better than %2C in a link someone types from a slide.
	return query.toString().replace(/%2C/g, ',');
}

export function encodeActions(actions: readonly RunAction[]): string {
	return actions.map((action) => actionLetters[action]).join('');
}

export function decodeActions(text: string): RunAction[] | undefined {
	if (text.length > maxActions) return undefined;
	const byLetter = new Map(runActions.map((action) => [actionLetters[action], action]));
	const actions: RunAction[] = [];
	for (const letter of text) {
		const action = byLetter.get(letter);
		if (!action) return undefined;
		actions.push(action);
	}
	return actions;
}

/** The switches of a record as the machine's `mistakes` input. */
export function mistakesOf(breaks: readonly TeachingMistake[]): Mistakes {
	return Object.fromEntries(breaks.map((name) => [name, true]));
}

/** The switches that are on, in the canonical order. */
export function breaksOf(mistakes: Mistakes): TeachingMistake[] {
	return teachingMistakeNames.filter((name) => mistakes[name] === true);
}

/** Is `value` one of the step ids? */
export function isStepId(value: string): value is StepId {
	return (stepIds as readonly string[]).includes(value);
}
