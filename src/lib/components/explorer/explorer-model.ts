/**
 * What the explorer shows for a machine snapshot, computed purely so it can be tested without a
 * browser: the current step, its position, what the learner can do, and what to announce.
 */
import { profileOf } from '$lib/flows/profiles';
import type { FlowView } from '$lib/flows/run-player';
import type { ErrorKind, FlowContext, RecordedExchange, StepId } from '$lib/flows/types';
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
