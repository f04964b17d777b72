/**
 * The presenter console's line to the presenter tab: a BroadcastChannel between two windows of
 * the same browser and origin, no server involved. Framework-free, so both sides and the tests
 * share one definition; every message that arrives is untrusted (any page of the origin can post
 * on the channel) and is checked field by field by `parsePresenterMessage`: a malformed one is
 * dropped, never half-used. Nothing secret travels: a flow, a step and what the stepper allows.
 *
 *     console → presenter: hello (who is presenting? also a heartbeat), step (next | previous)
 *     presenter → console: position (flow, step, step number, canNext, canBack), bye (tab leaves)
 */
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import type { StepId } from './types';

/**
 * The steps of a flow, in order: the presenter tab passes profiles.ts's, the console its page
 * data's. Passed in, so that the console's bundle and the flow page's share no module for it
 * (a shared module becomes one more file on every flow page's first load).
 */
export type StepsOf = (flow: FlowSlug) => readonly string[];

export const presenterChannelName = 'grantwalk:presenter';
/** Bumped when a message changes shape: the other side ignores what it does not know. */
export const presenterProtocol = 1;

/** How often the console asks, and how long without an answer means no presenter tab. */
export const helloEveryMs = 1500;
export const presenterGoneAfterMs = 4000;

export type PresenterMessage =
	| { v: 1; type: 'hello' }
	| { v: 1; type: 'step'; direction: 'next' | 'previous' }
	| {
			v: 1;
			type: 'position';
			flow: FlowSlug;
			step: StepId;
			/** 1-based, as the presenter's stepper shows it. */
			stepIndex: number;
			canNext: boolean;
			canBack: boolean;
	  }
	| { v: 1; type: 'bye' };

export type PositionMessage = Extract<PresenterMessage, { type: 'position' }>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function only(value: Record<string, unknown>, keys: readonly string[]): boolean {
	return Object.keys(value).every((key) => keys.includes(key));
}

/** A message from the channel, or undefined when any field is missing, extra or wrong. */
export function parsePresenterMessage(
	data: unknown,
	stepsOf: StepsOf
): PresenterMessage | undefined {
	if (!isObject(data) || data.v !== presenterProtocol) return undefined;
	switch (data.type) {
		case 'hello':
		case 'bye':
			return only(data, ['v', 'type']) ? { v: 1, type: data.type } : undefined;
		case 'step':
			if (!only(data, ['v', 'type', 'direction'])) return undefined;
			return data.direction === 'next' || data.direction === 'previous'
				? { v: 1, type: 'step', direction: data.direction }
				: undefined;
		case 'position': {
			const keys = ['v', 'type', 'flow', 'step', 'stepIndex', 'canNext', 'canBack'];
			if (!only(data, keys)) return undefined;
			const { flow, step, stepIndex, canNext, canBack } = data;
			if (typeof flow !== 'string' || !(flowSlugs as readonly string[]).includes(flow))
				return undefined;
			const steps = stepsOf(flow as FlowSlug);
			if (typeof step !== 'string' || !steps.includes(step)) return undefined;
			// The number must be the step's own: a position that disagrees with itself is not shown.
			if (stepIndex !== steps.indexOf(step) + 1) return undefined;
			if (typeof canNext !== 'boolean' || typeof canBack !== 'boolean') return undefined;
			return {
				v: 1,
				type: 'position',
				flow: flow as FlowSlug,
				step: step as StepId,
				stepIndex,
				canNext,
				canBack
			};
		}
		default:
			return undefined;
	}
}
