/**
 * Saving a run (its record and every step as it was) before the browser leaves for /authorize and
 * on every step, and restoring it on /callback or a reload, without sending anything again. The
 * saved form is built field by field from a whitelist: it has no field for the client secret,
 * and every request in it passes through redactRequest, so a secret cannot reach storage
 * (DESIGN.md, security rules). Restoring takes the secret again from the caller.
 */
import type { AnyStateMachine, StateValue } from 'xstate';
import { redactRequest } from '$lib/core/masking';
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import { buildPending } from './requests';
import type { Frame } from './run-player';
import type { RunAction, RunRecord } from './run-record';
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
	return `grantwalk:run:${flow}`;
}

const version = 2;

type SavedContext = Omit<FlowContext, 'clientSecret' | 'exchanges'>;

/** A frame as saved: its context without the log, which is saved once for the whole run. */
interface SavedFrame {
	action?: RunAction;
	value: StateValue;
	context: SavedContext;
	/** How many exchanges of the run's log this frame had (the log only grows). */
	exchangeCount: number;
}

interface Saved {
	version: typeof version;
	record: RunRecord;
	frames: SavedFrame[];
	exchanges: RecordedExchange[];
	cursor: number;
}

/** A run as the explorer holds it: the record, every step as it was, and the step shown. */
export interface StoredRun {
	record: RunRecord;
	frames: Frame[];
	cursor: number;
}

/** The run as JSON without secrets. */
export function serializeRun(run: StoredRun): string {
	const last = run.frames.at(-1);
	const saved: Saved = {
		version,
		record: run.record,
		frames: run.frames.map((frame) => {
			const { exchanges, ...context } = savedContext(frame.context);
			const out: SavedFrame = { value: frame.value, context, exchangeCount: exchanges.length };
			if (frame.action) out.action = frame.action;
			return out;
		}),
		exchanges: (last?.context.exchanges ?? []).map(redactExchange),
		cursor: run.cursor
	};
	return JSON.stringify(saved);
}

/**
 * Saves the run under its flow's key. Refuses (returns false) while its last frame has a
 * request in flight: a restored actor could not resume it.
 */
export function saveRun(storage: StorageLike, run: StoredRun): boolean {
	if (run.frames.length === 0) return false;
	storage.setItem(storageKey(run.record.flow), serializeRun(run));
	return true;
}

/**
 * The saved run of `flow`, every frame resolvable against its machine, with the secret put back
 * and the last frame's pending request built again with it; undefined when nothing valid is saved.
 */
export function loadRun(
	machine: AnyStateMachine,
	storage: StorageLike,
	flow: FlowSlug,
	secrets: { clientSecret?: string } = {}
): StoredRun | undefined {
	const saved = parseSaved(storage.getItem(storageKey(flow)), flow);
	if (!saved) return undefined;
	const frames = saved.frames.map((frame, index): Frame => {
		const context: FlowContext = {
			...frame.context,
			exchanges: saved.exchanges.slice(0, frame.exchangeCount)
		};
		if (secrets.clientSecret !== undefined) context.clientSecret = secrets.clientSecret;
		// The saved pending request had its secret redacted; build it again with the real one.
		if (context.pending && index === saved.frames.length - 1)
			context.pending = buildPending(context, context.pending.purpose);
		const out: Frame = { value: frame.value, context };
		if (frame.action) out.action = frame.action;
		return out;
	});
	try {
		for (const frame of frames)
			machine.resolveState({ value: frame.value, context: frame.context });
	} catch {
		return undefined;
	}
	const cursor = Math.min(Math.max(0, saved.cursor), frames.length - 1);
	return { record: saved.record, frames, cursor };
}

export function clearRun(storage: StorageLike, flow: FlowSlug): void {
	storage.removeItem(storageKey(flow));
}

/** Every field but the secret, named one by one on purpose: a new field must be added here. */
function savedContext(context: FlowContext): Omit<FlowContext, 'clientSecret'> {
	const saved: Omit<FlowContext, 'clientSecret'> = {
		flow: context.flow,
		target: context.target,
		mistakes: context.mistakes,
		attempt: context.attempt,
		state: context.state,
		codeExchanged: context.codeExchanged,
		exchanges: context.exchanges
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
			flowSlugs.includes(flow) &&
			saved.record?.flow === flow &&
			Array.isArray(saved.frames) &&
			saved.frames.length > 0 &&
			saved.frames.every((f) => f.context?.flow === flow && f.value !== undefined) &&
			Array.isArray(saved.exchanges) &&
			typeof saved.cursor === 'number';
		return valid ? (saved as Saved) : undefined;
	} catch {
		return undefined;
	}
}
