/**
 * The one way machines send requests. A transport takes a request description and answers with a
 * response description; the exchange actor around it times and records the exchange. Machines
 * never call fetch: the page provides a fetch transport, tests the emulator's handler in-process.
 */
import { fromPromise } from 'xstate';
import {
	describeResponse,
	toFetchArguments,
	type HttpRequestDescription,
	type HttpResponseDescription
} from '$lib/oauth/http';
import { carriesClientSecret } from '$lib/core/masking';
import {
	readRelayAnswer,
	relayFetchArguments,
	RELAY_PATH,
	type RelayEnvelope
} from '$lib/oauth/relay-envelope';
import { evaluateExchange, type SentExchange } from './outcomes';
import type { PendingRequest, Route } from './types';

export type Transport = (
	request: HttpRequestDescription,
	route?: Route
) => Promise<HttpResponseDescription>;

/** Milliseconds since the epoch; injected so recorded times are deterministic in tests. */
export interface Clock {
	now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface FetchTransportOptions {
	/** Where `relay` requests go (live confidential requests), default `/relay`. */
	relayUrl?: string;
}

/**
 * Sends with `fetchImpl` exactly what the description says. Redirects are not followed
 * (`redirect: 'manual'`): a 3xx is an answer the learner must see, not something to skip.
 * `relay` requests go in the relay's envelope (oauth/relay-envelope.ts); one without credentials
 * of its own asks the relay to add the server's secret. A refusal throws RelayRefusedError.
 */
export function createFetchTransport(
	fetchImpl: typeof fetch,
	options: FetchTransportOptions = {}
): Transport {
	return async (request, route = 'direct') => {
		if (route === 'relay') {
			const envelope: RelayEnvelope = { request };
			if (!carriesClientSecret(request)) envelope.useServerSecret = true;
			const [url, init] = relayFetchArguments(envelope, options.relayUrl ?? RELAY_PATH);
			const response = await fetchImpl(url, { ...init, redirect: 'manual' });
			return readRelayAnswer(response.status, await response.text());
		}
		const [url, init] = toFetchArguments(request);
		return describeResponse(await fetchImpl(url, { ...init, redirect: 'manual' }));
	};
}

/** For tests: hands a Web Request to an in-process handler (the emulator), no network. */
export function createHandlerTransport(
	handler: (request: Request) => Promise<Response> | Response
): Transport {
	return async (request) => {
		const [url, init] = toFetchArguments(request);
		return describeResponse(await handler(new Request(url, { ...init, redirect: 'manual' })));
	};
}

/**
 * The actor every sending state invokes: sends the pending request, records the exchange and
 * reads the answer once (the machine's guards and actions use that reading).
 */
export function createExchangeActor(transport: Transport, clock: Clock = systemClock) {
	return fromPromise<SentExchange, PendingRequest>(async ({ input }) => {
		const startedAt = clock.now();
		const response = await transport(input.request, input.route);
		return evaluateExchange({ ...input, response, startedAt, durationMs: clock.now() - startedAt });
	});
}
