/**
 * Saving a flow before the browser leaves for /authorize, and restoring it on /callback. The
 * persisted form is built field by field from a whitelist: it has no field for the client secret,
 * and every request in it passes through redactRequest, so a secret cannot reach storage
 * (DESIGN.md, security rules). Restoring takes the secret again from the caller.
 */
import type { AnyStateMachine, StateValue } from 'xstate';
import { redactRequest } from '$lib/oauth/redact';
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import { buildPending } from './requests';
import type { FlowContext, PendingRequest, RecordedExchange } from './types';

/** The part of the Web Storage API used here: sessionStorage in the browser, memoryStorage in tests. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** A Storage over a Map, for tests and for pages without sessionStorage. */
export function memoryStorage(map = new Map<string, string>()): StorageLike & { map: typeof map } {
	return {
		map,
		getItem: (key) => map.get(key) ?? null,
		setItem: (key, value) => void map.set(key, value),
		removeItem: (key) => void map.delete(key)
	};
}

/** One entry per flow, so two flows in two tabs do not overwrite each other. */
export function storageKey(flow: FlowSlug): string {
	return `grantwalk:flow:${flow}`;
}

const version = 1;

type SavedContext = Omit<FlowContext, 'clientSecret'>;

interface Saved {
	version: typeof version;
	flow: FlowSlug;
	value: StateValue;
	context: SavedContext;
}

/** The snapshot as JSON without secrets. */
export function serializeFlowSnapshot(snapshot: {
	value: StateValue;
	context: FlowContext;
}): string {
	const saved: Saved = {
		version,
		flow: snapshot.context.flow,
		value: snapshot.value,
		context: savedContext(snapshot.context)
	};
	return JSON.stringify(saved);
}

/**
 * Saves the snapshot under its flow's key. Refuses (returns false) while a request is in flight:
 * a restored actor could not resume it.
 */
export function saveFlowSnapshot(
	storage: StorageLike,
	snapshot: { value: StateValue; context: FlowContext; hasTag(tag: 'busy'): boolean }
): boolean {
	if (snapshot.hasTag('busy')) return false;
	storage.setItem(storageKey(snapshot.context.flow), serializeFlowSnapshot(snapshot));
	return true;
}

/**
 * The saved snapshot of `flow`, resolved against `machine` with the secret put back, ready for
 * `createActor(machine, { snapshot })`; undefined when nothing valid is saved.
 */
export function restoreFlowSnapshot<TMachine extends AnyStateMachine>(
	machine: TMachine,
	storage: StorageLike,
	flow: FlowSlug,
	secrets: { clientSecret?: string } = {}
): ReturnType<TMachine['resolveState']> | undefined {
	const saved = parseSaved(storage.getItem(storageKey(flow)), flow);
	if (!saved) return undefined;
	const context: FlowContext = { ...saved.context };
	if (secrets.clientSecret !== undefined) context.clientSecret = secrets.clientSecret;
	// The saved pending request had its secret redacted; build it again with the real one.
	if (context.pending) context.pending = buildPending(context, context.pending.purpose);
	try {
		return machine.resolveState({ value: saved.value, context }) as ReturnType<
			TMachine['resolveState']
		>;
	} catch {
		return undefined;
	}
}

export function clearFlowSnapshot(storage: StorageLike, flow: FlowSlug): void {
	storage.removeItem(storageKey(flow));
}

/** Every field but the secret, named one by one on purpose: a new field must be added here. */
function savedContext(context: FlowContext): SavedContext {
	const saved: SavedContext = {
		flow: context.flow,
		target: context.target,
		mistakes: context.mistakes,
		attempt: context.attempt,
		state: context.state,
		codeExchanged: context.codeExchanged,
		exchanges: context.exchanges.map(redactExchange)
	};
	if (context.seed !== undefined) saved.seed = context.seed;
	if (context.codeVerifier !== undefined) saved.codeVerifier = context.codeVerifier;
	if (context.codeChallenge !== undefined) saved.codeChallenge = context.codeChallenge;
	if (context.callbackUrl !== undefined) saved.callbackUrl = context.callbackUrl;
	if (context.code !== undefined) saved.code = context.code;
	if (context.tokens !== undefined) saved.tokens = context.tokens;
	if (context.apiResult !== undefined) saved.apiResult = context.apiResult;
	if (context.error !== undefined) saved.error = context.error;
	if (context.pending !== undefined) saved.pending = redactPending(context.pending);
	return saved;
}

function redactPending(pending: PendingRequest): PendingRequest {
	return { ...pending, request: redactRequest(pending.request) };
}

function redactExchange(exchange: RecordedExchange): RecordedExchange {
	return { ...exchange, request: redactRequest(exchange.request) };
}

function parseSaved(text: string | null, flow: FlowSlug): Saved | undefined {
	if (text === null) return undefined;
	try {
		const saved = JSON.parse(text) as Partial<Saved>;
		const valid =
			saved.version === version &&
			saved.flow === flow &&
			flowSlugs.includes(saved.flow) &&
			saved.value !== undefined &&
			typeof saved.context === 'object' &&
			saved.context !== null &&
			saved.context.flow === flow;
		return valid ? (saved as Saved) : undefined;
	} catch {
		return undefined;
	}
}
