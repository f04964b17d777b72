/**
 * The hand-off around the real browser redirect: before leaving for /authorize the explorer saves
 * its snapshot (without secrets) and which flow is waiting; /callback checks `state` first and
 * passes the callback URL on through sessionStorage, never through another URL.
 */
import { isFlowSlug, type FlowSlug } from '$lib/spotify/flows';
import type { StorageLike } from '$lib/flows/persistence';

const waitingKey = 'grantwalk:waiting-flow';
const callbackKey = 'grantwalk:callback-url';

export function markWaiting(storage: StorageLike, flow: FlowSlug): void {
	storage.setItem(waitingKey, flow);
}

/** The flow that left for /authorize and waits for its callback, if any. */
export function waitingFlow(storage: StorageLike): FlowSlug | undefined {
	const flow = storage.getItem(waitingKey);
	return flow !== null && isFlowSlug(flow) ? flow : undefined;
}

/** Hands the callback URL to the flow page. */
export function handOverCallback(storage: StorageLike, flow: FlowSlug, url: string): void {
	storage.setItem(callbackKey, JSON.stringify({ flow, url }));
	storage.removeItem(waitingKey);
}

/** Takes the callback URL handed to `flow`, once. */
export function takeCallback(storage: StorageLike, flow: FlowSlug): string | undefined {
	const raw = storage.getItem(callbackKey);
	if (raw === null) return undefined;
	try {
		const parsed = JSON.parse(raw) as { flow?: unknown; url?: unknown };
		if (parsed.flow !== flow || typeof parsed.url !== 'string') return undefined;
		storage.removeItem(callbackKey);
		return parsed.url;
	} catch {
		storage.removeItem(callbackKey);
		return undefined;
	}
}
