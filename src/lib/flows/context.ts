/**
 * Building and resetting a flow's context. Randomness comes from the oauth core's sources: a
 * seed (deterministic mode) gives the same `state` and verifier on every screen.
 */
import { generateCodeVerifier } from '$lib/oauth/pkce';
import { cryptoRandom, seededRandom, type RandomSource } from '$lib/oauth/random';
import { generateState } from '$lib/oauth/state';
import type { FlowSlug } from '$lib/spotify/flows';
import { resolveSecret, resolveTarget } from './targets';
import type { FlowContext, FlowInput } from './types';

/** A source per attempt and purpose, so re-authorizing yields new values, still repeatable. */
export function randomFor(
	context: Pick<FlowContext, 'seed' | 'attempt'>,
	purpose: 'state' | 'verifier'
): RandomSource {
	return context.seed === undefined
		? cryptoRandom
		: seededRandom(`${context.seed}:${context.attempt}:${purpose}`);
}

/** The context a machine starts with. */
export function createContext(flow: FlowSlug, input: FlowInput = {}): FlowContext {
	const context: FlowContext = {
		flow,
		target: resolveTarget(flow, input),
		mistakes: { ...input.mistakes },
		attempt: 0,
		state: '',
		codeExchanged: false,
		exchanges: []
	};
	const secret = resolveSecret(flow, input);
	if (secret !== undefined) context.clientSecret = secret;
	if (input.seed !== undefined) context.seed = input.seed;
	context.state = generateState({ random: randomFor(context, 'state') });
	return context;
}

/**
 * The context for a new authorization (or a fresh start with `attempt` 0): settings kept, every
 * result of the previous run dropped, a new state.
 */
export function startAttempt(context: FlowContext, attempt: number): FlowContext {
	const next: FlowContext = {
		flow: context.flow,
		target: context.target,
		mistakes: context.mistakes,
		attempt,
		state: '',
		codeExchanged: false,
		exchanges: attempt === 0 ? [] : context.exchanges
	};
	if (context.clientSecret !== undefined) next.clientSecret = context.clientSecret;
	if (context.seed !== undefined) next.seed = context.seed;
	next.state = generateState({ random: randomFor(next, 'state') });
	return next;
}

/** A fresh PKCE verifier for this attempt (RFC 7636 §4.1). */
export function createVerifier(context: FlowContext): string {
	return generateCodeVerifier({ random: randomFor(context, 'verifier') });
}

/**
 * `assign` merges what it is given into the context, so a key left out keeps its old value. To
 * replace the whole context (reset, re-authorize), every old key not in `next` is
 * cleared explicitly.
 */
export function replaceContext(current: FlowContext, next: FlowContext): FlowContext {
	const cleared = Object.fromEntries(Object.keys(current).map((key) => [key, undefined]));
	return { ...cleared, ...next };
}
