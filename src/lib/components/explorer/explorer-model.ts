/**
 * What the explorer shows for a machine snapshot, computed purely so it can be tested without a
 * browser: the current step, its position, what the learner can do, and what to announce.
 */
import { profileOf } from '$lib/flows/profiles';
import type { FlowView } from '$lib/flows/run-player';
import type { ErrorKind, FlowContext, RecordedExchange, StepId } from '$lib/flows/types';
import { activeMistakes, teachingMistakes } from '$lib/oauth/mistakes';
import type { FlowSlug } from '$lib/spotify/flows';

/** The parts of a machine snapshot the explorer reads (kept narrow for tests). */
export type SnapshotView = Pick<FlowView, 'value' | 'context' | 'hasTag' | 'getMeta' | 'can'>;

/** A button of the explorer: what it says, whether it can act now, and what it does. */
export interface ExplorerAction {
	label: string;
	enabled: boolean;
	run: () => void;
}

export interface StepInfo {
	id: string;
	title: string;
}

/** The content id of the deepest state that names one, or undefined (error states). */
export function currentContentId(snapshot: SnapshotView): StepId | undefined {
	const metas = Object.values(snapshot.getMeta());
	return metas.findLast((meta) => meta?.content !== undefined)?.content;
}

/** The error kind of the current state, when it is an error state. */
export function currentErrorKind(snapshot: SnapshotView): ErrorKind | undefined {
	const metas = Object.values(snapshot.getMeta());
	return metas.findLast((meta) => meta?.error !== undefined)?.error;
}

/** The state's path as one dotted name, for the "machine state" read-out. */
export function stateName(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const [key, inner] = Object.entries(value)[0] ?? [];
		return key === undefined ? '' : `${key}.${stateName(inner)}`;
	}
	return '';
}

/** One line for the polite live region: what an exchange did. */
export function describeExchange(exchange: RecordedExchange): string {
	const url = new URL(exchange.request.url);
	const { status, statusText } = exchange.response;
	return `${exchange.request.method} ${url.pathname} answered ${status}${statusText ? ` ${statusText}` : ''}.`;
}

/** The exchanges a step added to the log (what that step sent), oldest first. */
export function exchangesOfStep(
	context: Pick<FlowContext, 'exchanges'>,
	before: Pick<FlowContext, 'exchanges'> | undefined
): RecordedExchange[] {
	return context.exchanges.slice(before?.exchanges.length ?? 0);
}

/** What the current step did, in a sentence: what it sent and got, or what it will send. */
export function describeStep(
	context: FlowContext,
	before: FlowContext | undefined,
	recorded: boolean
): string {
	const sent = exchangesOfStep(context, before).at(-1);
	const pending = context.pending;
	const about = pending
		? pending.route === 'browser'
			? `Next step sends the browser to ${new URL(pending.request.url).pathname}.`
			: `About to send ${pending.request.method} ${new URL(pending.request.url).pathname}.`
		: '';
	const did = sent ? describeExchange(sent) : '';
	const text = [did, about].filter(Boolean).join(' ');
	return recorded ? `As recorded, nothing sent now. ${text}`.trim() : text;
}

export const errorHeadlines: Record<ErrorKind, string> = {
	'authorize-page': 'Spotify refused the authorization request (an error page, no redirect)',
	'access-denied': 'The user pressed Cancel: access denied',
	'state-mismatch': 'State mismatch: this callback may be forged (CSRF)',
	callback: 'The callback could not be used',
	token: 'The token request failed',
	'expired-token': 'The access token has expired (401)',
	'web-api': 'The Web API answered with an error',
	refresh: 'The refresh failed: the user must authorize again',
	transport: 'The request could not be sent'
};

/** What the learner can do from an error state of this flow, in words for the error card. */
export function errorNextHint(kind: ErrorKind, flow: FlowSlug): string {
	const profile = profileOf(flow);
	const retry = retryLabel(flow);
	switch (kind) {
		case 'expired-token':
			if (profile.refreshClient) return 'Next step refreshes the access token.';
			return profile.tokenRequest === 'client-credentials'
				? 'Next step asks for a new token: client credentials has no refresh token, the app simply asks again.'
				: 'Next step starts a new authorization: the implicit grant has no refresh token.';
		case 'web-api':
			return 'The run stops here. “Call the Web API again” retries the same call.';
		case 'token':
			return profile.tokenRequest === 'client-credentials'
				? `The run stops here. “${retry}” sends the token request again.`
				: `The run stops here. “${retry}” gets a new code: a code can be exchanged only once.`;
		case 'transport':
			return `The run stops here. “${retry}” tries again; Reset starts over.`;
		default:
			return `The run stops here. “${retry}” starts again from the authorize request.`;
	}
}

/** The button that starts over on purpose from a failed run. */
export function retryLabel(flow: FlowSlug): string {
	return profileOf(flow).browserRedirect ? 'Start a new authorization' : 'Ask for a new token';
}

/** How the diagram redraws a step that went wrong: its arrows' labels as they happened. */
export interface DiagramFailure {
	step: StepId;
	/** New labels for the step's arrows, in order; undefined keeps an arrow's label. */
	labels: readonly (string | undefined)[];
}

/** The failed step of a run, as its arrows should read, or undefined while nothing failed. */
export function diagramFailure(
	kind: ErrorKind | undefined,
	step: StepId | undefined,
	context: Pick<FlowContext, 'error' | 'exchanges'>
): DiagramFailure | undefined {
	if (!kind || !step) return undefined;
	const status = context.error?.status ?? context.exchanges.at(-1)?.response.status;
	const answer = [status, context.error?.error].filter(Boolean).join(' ');
	switch (kind) {
		case 'access-denied':
			return {
				step,
				labels: ['Log in, consent: Cancel', '302 to redirect_uri?error=access_denied']
			};
		case 'authorize-page':
			return {
				step,
				labels: [`${status ?? 400} error page, no redirect`, '(no redirect: no code)']
			};
		case 'state-mismatch':
			return { step, labels: ['callback refused: state does not match'] };
		case 'callback':
			return { step, labels: ['callback refused: no usable code'] };
		case 'transport':
			return { step, labels: [undefined, 'no answer: the request failed'] };
		default:
			return { step, labels: [undefined, answer || 'an error'] };
	}
}

/**
 * Was the access token ended with "Expire access token now" after the newest token arrived? (The
 * token panel and the error card both say so; a refresh since gives a live token again.)
 */
export function expiredByHand(context: Pick<FlowContext, 'exchanges'>): boolean {
	const lastToken = context.exchanges.findLastIndex(
		(e) => (e.purpose === 'token' || e.purpose === 'refresh') && e.response.status === 200
	);
	return context.exchanges.findLastIndex((e) => e.purpose === 'expire') > lastToken;
}

/**
 * The error card's first line: what in this run led here (the switch that was on, or what the
 * learner did), before the general causes.
 */
export function inThisRun(kind: ErrorKind, context: FlowContext): string {
	const on = activeMistakes(context.mistakes).map((name) =>
		teachingMistakes.find((m) => m.name === name)!
	);
	// A switch that expects this very answer names it best; else any switch that was on.
	const expected = on.find((m) => m.expectedError !== undefined) ?? on[0];
	if (expected) return `the “${expected.label}” switch was on. ${expected.effect}`;
	const last = context.exchanges.at(-1);
	switch (kind) {
		case 'access-denied':
			return 'you pressed Cancel on the consent page, so Spotify sent the browser back with error=access_denied.';
		case 'state-mismatch':
			return `the callback came back with a state this tab never made (this tab made ${context.state}): a forged callback, as an attacker would plant it.`;
		case 'expired-token':
			return expiredByHand(context)
				? 'you pressed “Expire access token now”, so the emulator treats the token as past its expires_in and the Web API answers 401.'
				: 'the access token outlived its expires_in, so the Web API answered 401.';
		default:
			return last
				? `${last.request.method} ${new URL(last.request.url).pathname} answered ${last.response.status}${context.error?.error ? ` ${context.error.error}` : ''}.`
				: 'the request could not be sent.';
	}
}
