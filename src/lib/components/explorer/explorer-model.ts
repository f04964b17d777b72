/**
 * What the explorer shows for a machine snapshot, computed purely so it can be tested without a
 * browser: the current step, its position, what the learner can do, and what to announce.
 */
import type { FlowContext, RecordedExchange } from '$lib/flows/types';
import type { StepMeta } from '$lib/flows/flow-setup';

/** The parts of an XState snapshot the explorer reads (kept narrow for tests). */
export interface SnapshotView {
	value: unknown;
	context: FlowContext;
	hasTag(tag: 'step' | 'error' | 'busy'): boolean;
	getMeta(): Record<string, StepMeta | undefined>;
	can(event: { type: string }): boolean;
}

export interface StepInfo {
	id: string;
	title: string;
}

/** The content id of the deepest state that names one, or undefined (error states). */
export function currentContentId(snapshot: SnapshotView): string | undefined {
	const metas = Object.values(snapshot.getMeta());
	return metas.findLast((meta) => meta?.content !== undefined)?.content;
}

/** The error kind of the current state, when it is an error state. */
export function currentErrorKind(snapshot: SnapshotView): string | undefined {
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

/** Is the machine waiting for the browser to go to /authorize (the real redirect)? */
export function awaitsRedirect(snapshot: SnapshotView): boolean {
	return (
		snapshot.can({ type: 'callback.received' }) && snapshot.context.pending?.purpose === 'authorize'
	);
}

/** One line for the polite live region: what the last step did. */
export function describeExchange(exchange: RecordedExchange): string {
	const url = new URL(exchange.request.url);
	const { status, statusText } = exchange.response;
	return `${exchange.request.method} ${url.pathname} answered ${status}${statusText ? ` ${statusText}` : ''}.`;
}

export const errorHeadlines: Record<string, string> = {
	'access-denied': 'The user pressed Cancel: access denied',
	'state-mismatch': 'State mismatch: this callback may be forged (CSRF)',
	callback: 'The callback could not be used',
	token: 'The token request failed',
	'expired-token': 'The access token has expired (401)',
	'web-api': 'The Web API answered with an error',
	refresh: 'The refresh failed: the user must authorize again',
	transport: 'The request could not be sent'
};

/** What "Next step" does from an error state, in words for its button hint. */
export const errorNextHints: Record<string, string> = {
	'access-denied': 'Next step starts a new authorization.',
	'state-mismatch': 'Next step throws the callback away and starts a new authorization.',
	callback: 'Next step starts a new authorization.',
	token: 'Next step starts a new authorization: a code can be exchanged only once.',
	'expired-token': 'Next step refreshes the access token.',
	'web-api': 'Next step prepares the Web API call again.',
	refresh: 'Next step sends the user through authorization again.',
	transport: 'Reset to start over.'
};
