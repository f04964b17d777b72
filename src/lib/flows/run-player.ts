/**
 * Plays a run record on a flow machine's actor, one action at a time, and keeps every step as it
 * was (a frame: the state and context after each action). Rewinding is reading an earlier frame:
 * nothing is sent again. Framework-free: the explorer drives it in the browser, tests against
 * the emulator in-process.
 */
import { waitFor, type AnyActorRef, type StateValue } from 'xstate';
import type { StepMeta } from './flow-setup';
import type { RunAction } from './run-record';
import type { FlowContext, FlowEvent, RecordedExchange, StepId } from './types';

/** The parts of a machine snapshot the player reads (kept narrow for tests and frames). */
export interface FlowView {
	value: StateValue;
	context: FlowContext;
	hasTag(tag: 'step' | 'error' | 'busy' | 'complete'): boolean;
	getMeta(): Record<string, StepMeta | undefined>;
	can(event: FlowEvent): boolean;
}

/** One step as it was: what the learner did and where the machine then rested. */
export interface Frame {
	/** The action that led here; none for the first frame. */
	action?: RunAction;
	value: StateValue;
	context: FlowContext;
}

/** What the browser brings back from the consent page: the callback, or /authorize's own page. */
export type ConsentResult = { callbackUrl: string } | { refused: RecordedExchange };

/** Plays the browser at /authorize for a replay (the emulator's control endpoint, or a test). */
export type ConsentPlayer = (
	authorizeUrl: string,
	decision: 'agree' | 'cancel' | 'forge'
) => Promise<ConsentResult>;

/** The step a view shows: its content step, or the step an error state happened at. */
export function stepOf(view: Pick<FlowView, 'getMeta'>): StepId | undefined {
	const metas = Object.values(view.getMeta());
	return (
		metas.findLast((meta) => meta?.content !== undefined)?.content ??
		metas.findLast((meta) => meta?.step !== undefined)?.step
	);
}

/** Is the machine at the browser's visit to /authorize (waiting for the callback)? */
export function atConsent(view: FlowView): boolean {
	return view.can({ type: 'callback.received', url: '' });
}

/**
 * A frame a `?step=` link can stop at: nothing waits to be sent at this step (a request step's
 * `ready` is not; the authorize URL is only shown, so its steps are).
 */
export function settled(view: Pick<FlowView, 'context'>): boolean {
	const pending = view.context.pending;
	return pending === undefined || pending.route === 'browser';
}

/** The event that starts an action, or undefined when the action is not possible here. */
export function eventFor(view: FlowView, action: RunAction): FlowEvent | undefined {
	const event: FlowEvent | undefined = (
		{
			next: { type: 'step.next' },
			api: { type: 'api.call' },
			refresh: { type: 'token.refresh' },
			expire: { type: 'token.expire' },
			reuse: { type: 'code.reuse' },
			retry: { type: 'flow.retry' }
		} as const
	)[action as 'next'];
	if (event) return view.can(event) && !view.hasTag('busy') ? event : undefined;
	return undefined;
}

/** Can the learner (or a replay) do `action` at this view? */
export function canPerform(view: FlowView, action: RunAction): boolean {
	if (action === 'agree' || action === 'cancel' || action === 'forge')
		return atConsent(view) && view.context.pending !== undefined;
	return eventFor(view, action) !== undefined;
}

/** The action a plain "Next" means here: Agree at the consent page, else Next. */
export function nextAction(view: FlowView): RunAction | undefined {
	if (atConsent(view)) return 'agree';
	return canPerform(view, 'next') ? 'next' : undefined;
}

/** Waits until no request is in flight. */
export async function settle(actor: AnyActorRef): Promise<void> {
	await waitFor(actor, (snapshot) => !snapshot.hasTag('busy'));
}

/**
 * Performs one action on the actor and waits for its answer. Token-panel actions prepare their
 * request and send it at once (it is shown either way), as the learner's click does.
 */
export async function perform(
	actor: AnyActorRef,
	action: RunAction,
	consent: ConsentPlayer
): Promise<void> {
	const view = actor.getSnapshot() as FlowView;
	if (!canPerform(view, action)) throw new RunActionError(action, view);
	if (action === 'agree' || action === 'cancel' || action === 'forge') {
		const result = await consent(view.context.pending!.request.url, action);
		actor.send(
			'refused' in result
				? { type: 'authorize.refused', exchange: result.refused }
				: { type: 'callback.received', url: result.callbackUrl }
		);
		await settle(actor);
		return;
	}
	actor.send(eventFor(view, action)!);
	await settle(actor);
	const after = actor.getSnapshot() as FlowView;
	// A token-panel action lands on its request's `ready`: send it, as the click means.
	if (action !== 'next' && action !== 'retry' && after.context.pending && !settled(after)) {
		actor.send({ type: 'step.next' });
		await settle(actor);
	}
}

/** The frame of the actor's current resting state. */
export function frameOf(actor: AnyActorRef, action?: RunAction): Frame {
	const snapshot = actor.getSnapshot() as FlowView;
	const frame: Frame = { value: snapshot.value, context: snapshot.context };
	if (action) frame.action = action;
	return frame;
}

/** An action the record asks for is not possible where the run is. */
export class RunActionError extends Error {
	constructor(
		readonly action: RunAction,
		view: FlowView
	) {
		super(`“${action}” is not possible at ${stepOf(view) ?? 'this point'} of the run.`);
	}
}

/** How a replay of a link went: the frames, and why it stopped short if it did. */
export interface Replay {
	frames: Frame[];
	actions: RunAction[];
	/** Set when the link's step or actions could not all be reached. */
	stoppedShort?: string;
}

const maxReplayActions = 60;

/**
 * Replays a link on a started actor: its actions in order, or (without them) Next and Agree
 * until `step` is answered. Each action's frame is kept. Stops short, saying why, when an action
 * is not possible or the run ends before the step.
 */
export async function replay(
	actor: AnyActorRef,
	target: { step?: StepId; actions?: readonly RunAction[] },
	consent: ConsentPlayer,
	onFrame: (frame: Frame) => void = () => {}
): Promise<Replay> {
	await settle(actor);
	const frames = [frameOf(actor)];
	const actions: RunAction[] = [];
	const push = (action: RunAction) => {
		const frame = frameOf(actor, action);
		frames.push(frame);
		actions.push(action);
		onFrame(frame);
	};
	if (target.actions) {
		for (const action of target.actions) {
			const view = actor.getSnapshot() as FlowView;
			if (!canPerform(view, action))
				return { frames, actions, stoppedShort: new RunActionError(action, view).message };
			await perform(actor, action, consent);
			push(action);
		}
		return { frames, actions };
	}
	if (!target.step) return { frames, actions };
	for (let i = 0; i < maxReplayActions; i++) {
		const view = actor.getSnapshot() as FlowView;
		if (stepOf(view) === target.step && settled(view)) return { frames, actions };
		const action = nextAction(view);
		if (!action)
			return {
				frames,
				actions,
				stoppedShort: `The run ended at ${stepOf(view) ?? 'an error'} before it reached ${target.step}.`
			};
		await perform(actor, action, consent);
		push(action);
	}
	return { frames, actions, stoppedShort: `The run did not reach ${target.step}.` };
}

/** A frame with its machine view, as the explorer shows it. */
export interface ShownFrame {
	frame: Frame;
	view: FlowView;
}

/**
 * The step of frame `index`: its own, or (a transport failure names none) the step before it.
 */
export function stepAt(shown: readonly ShownFrame[], index: number): StepId | undefined {
	for (let i = index; i >= 0; i--) {
		const step = stepOf(shown[i].view);
		if (step) return step;
	}
	return undefined;
}

/**
 * Does `?step=` alone (Next and Agree until the step is answered) lead to frame `index`? Then
 * the link needs no `run=`.
 */
export function reachedByStepAlone(shown: readonly ShownFrame[], index: number): boolean {
	const here = shown[index];
	if (!here || !settled(here.view)) return false;
	for (let i = 1; i <= index; i++) {
		const action = shown[i].frame.action;
		if (action !== 'next' && action !== 'agree') return false;
	}
	const step = stepOf(here.view);
	if (!step) return false;
	for (let i = 0; i < index; i++)
		if (stepOf(shown[i].view) === step && settled(shown[i].view)) return false;
	return true;
}
