/**
 * The concrete side of the model-based tests (test-only): paths from `xstate/graph` that reach
 * every state and take every transition, replayed against the real emulator handler in-process.
 * The runner plays the browser (login, Agree or Cancel) and checks, after every step, the state
 * and each recorded exchange (method, URL path, parameters, status) against the model.
 */
import {
	createActor,
	createMachine,
	getInitialSnapshot,
	getNextSnapshot,
	waitFor,
	fromPromise,
	type AnyStateMachine,
	type StateNode
} from 'xstate';
import { createTestModel, type PathGenerator, type StatePath } from 'xstate/graph';
import { expect } from 'vitest';
import { getField, getHeader, type HttpRequestDescription } from '$lib/oauth/http';
import { computeCodeChallenge } from '$lib/oauth/pkce';
import { testEmulator, TestClient } from '$lib/server/emulator/testing';
import { withTransport } from './flow-setup';
import {
	allowedInModel,
	modelEvents,
	type CallbackKind,
	serializeModelState,
	type FlowSnapshot,
	type ModelEvent,
	type WorldAction
} from './model.test-helpers';
import { createHandlerTransport, type Transport } from './transport';
import type { FlowInput, RecordedExchange } from './types';
import { explainError } from '$lib/oauth/explain';

export const modelOrigin = 'http://127.0.0.1:4173';

type Path = StatePath<FlowSnapshot, ModelEvent>;
type TransitionDefinition = ReturnType<AnyStateMachine['getTransitionData']>[number];

/** Every transition the machine defines, by a readable name. */
export function allTransitions(machine: AnyStateMachine): Map<TransitionDefinition, string> {
	const found = new Map<TransitionDefinition, string>();
	const visit = (node: StateNode) => {
		for (const [, list] of node.transitions)
			for (const t of list) found.set(t, describeTransition(t));
		for (const child of Object.values(node.states)) visit(child as StateNode);
	};
	visit(machine.root as StateNode);
	return found;
}

function describeTransition(t: TransitionDefinition): string {
	const guard = typeof t.guard === 'object' && t.guard ? ` [${JSON.stringify(t.guard)}]` : '';
	const targets = t.target?.map((n) => n.id).join(',') ?? '(self)';
	return `${t.source.id} --${t.eventType}${guard}--> ${targets}`;
}

type Config = Record<string, unknown> & {
	on?: Record<string, unknown>;
	states?: Record<string, Config>;
	invoke?: Invoke | Invoke[];
};
interface Invoke {
	id: string;
	onDone?: unknown;
	onError?: unknown;
}

/**
 * The machine as `xstate/graph` can walk it: `createTestModel` refuses invocations, so each
 * invoke becomes the transitions on its own done and error events, which the model then sends
 * with predicted outputs. Everything else (targets, guards, actions, tags, meta) is unchanged.
 */
export function testMachineOf(machine: AnyStateMachine): AnyStateMachine {
	const convert = (config: Config): Config => {
		const { invoke, states, ...rest } = config;
		const copy: Config = { ...rest };
		if (invoke) {
			copy.on = { ...config.on };
			for (const { id, onDone, onError } of Array.isArray(invoke) ? invoke : [invoke]) {
				if (onDone) copy.on[`xstate.done.actor.${id}`] = onDone;
				if (onError) copy.on[`xstate.error.actor.${id}`] = onError;
			}
		}
		if (states)
			copy.states = Object.fromEntries(Object.entries(states).map(([k, v]) => [k, convert(v)]));
		return copy;
	};
	return createMachine(
		convert(machine.config as Config) as never,
		machine.implementations as never
	);
}

export interface ModelPaths {
	paths: Path[];
	states: Set<string>;
	transitions: Set<TransitionDefinition>;
}

/**
 * A path generator for `TestModel.getPaths`: breadth first over the model, each snapshot the one
 * actually reached along its own path. (xstate/graph's `getShortestPaths` keeps one snapshot per
 * serialized state, possibly from another path; the model's predicted answers depend on the
 * context, so each path must carry its own.) Yields the shortest path to every model state and,
 * for every transition definition, the shortest path that takes it.
 */
function breadthFirst(
	taken: Map<TransitionDefinition, Path>,
	visited: Set<string>
): PathGenerator<FlowSnapshot, ModelEvent, FlowInput> {
	return (logic, options) => {
		const initial = getInitialSnapshot(logic as AnyStateMachine, options.input) as FlowSnapshot;
		const start: Path = {
			state: initial,
			steps: [{ event: { type: 'xstate.init' }, state: initial }],
			weight: 0
		};
		const seen = new Map<string, Path>([[serializeModelState(initial), start]]);
		const queue = [start];
		while (queue.length > 0) {
			const path = queue.shift()!;
			const from = path.state;
			from._nodes.forEach((node) => visited.add(node.id));
			const events = typeof options.events === 'function' ? options.events(from) : [];
			for (const event of events) {
				if (options.filterEvents && !options.filterEvents(from, event)) continue;
				const transitions = from.machine.getTransitionData(from as never, event as never);
				if (transitions.length === 0) continue;
				const state = getNextSnapshot(logic as AnyStateMachine, from, event) as FlowSnapshot;
				const next: Path = {
					state,
					steps: [...path.steps, { event, state }],
					weight: path.weight + 1
				};
				for (const t of transitions) if (!taken.has(t)) taken.set(t, next);
				const key = serializeModelState(state);
				if (!seen.has(key)) {
					seen.set(key, next);
					queue.push(next);
				}
			}
		}
		return [...seen.values(), ...taken.values()];
	};
}

export interface ModelPaths {
	paths: Path[];
	/** Ids of the state nodes the paths reach. */
	states: Set<string>;
	transitions: Set<TransitionDefinition>;
}

/** The test paths for one scenario, from `createTestModel` over the test machine. */
export function modelPaths(testMachine: AnyStateMachine, input: FlowInput): ModelPaths {
	const model = createTestModel(testMachine, {
		input,
		events: modelEvents as never,
		filterEvents: allowedInModel as never,
		serializeState: serializeModelState as never
	});
	const taken = new Map<TransitionDefinition, Path>();
	const states = new Set<string>();
	// getPaths drops every path that is a prefix of another.
	const paths = model.getPaths(breadthFirst(taken, states) as never) as unknown as Path[];
	return { paths, states, transitions: new Set(taken.keys()) };
}

/** A short name for a path, for the test title. */
export function pathTitle(path: Path): string {
	return path.steps
		.slice(1)
		.map(({ event }) => {
			if (event.type === 'callback.received') return `callback(${event.kind})`;
			if ('expect' in event) return `answer(${event.expect.status ?? 'network down'})`;
			if (event.type === 'xstate.done.actor.challenge') return 'challenge';
			return event.type;
		})
		.join(' > ');
}

/** Replays a model path against the emulator and checks every step. */
export async function runPath(
	machine: AnyStateMachine,
	input: FlowInput,
	path: Path
): Promise<void> {
	const { emulator, clock } = testEmulator();
	const browser = new TestClient(emulator);
	let networkDown = false;
	const inProcess = createHandlerTransport(emulator);
	const transport: Transport = async (request, route) => {
		if (networkDown) {
			networkDown = false;
			throw new TypeError('Failed to fetch');
		}
		return inProcess(request, route);
	};
	// Web Crypto missing (an insecure context): the challenge cannot be computed.
	let noCrypto = false;
	const challenge = fromPromise<string, { verifier: string; standardBase64: boolean }>(
		async ({ input }) => {
			if (noCrypto) {
				noCrypto = false;
				throw new Error('crypto.subtle is unavailable');
			}
			return computeCodeChallenge(input.verifier, {
				standardBase64Challenge: input.standardBase64
			});
		}
	);
	const sut = withTransport(machine, transport, clock).provide({
		actors: { computeChallenge: challenge }
	});
	const actor = createActor(sut, { input });
	const control = (path: string, body: unknown) =>
		browser.call('POST', `/emulator/control/${path}`, {
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	const context = () => (actor.getSnapshot() as FlowSnapshot).context;
	const prepare = (world: WorldAction | undefined) => {
		if (world === 'network-down') networkDown = true;
		if (world === 'no-crypto') noCrypto = true;
		if (world === 'control-off') emulator.context.config.control = false;
		if (world === 'rate-limit')
			control('rate-limit', { client_id: context().target.clientId, seconds: 60 });
		if (world === 'expire-refresh-token')
			control('expire', { refresh_token: context().tokens?.refreshToken });
	};
	const restore = (world: WorldAction | undefined) => {
		emulator.context.config.control = true;
		if (world === 'rate-limit')
			control('rate-limit', { client_id: context().target.clientId, seconds: 0 });
	};

	const first = path.steps[1]?.event;
	if (first && 'expect' in first) prepare(first.expect.world);
	actor.start();

	for (const [index, { event, state }] of path.steps.entries()) {
		const where = `step ${index} (${event.type}) of ${pathTitle(path)}`;
		if (event.type === 'xstate.init') {
			// The actor started itself.
		} else if (event.type.startsWith('xstate.')) {
			await waitFor(actor, (s) => !s.hasTag('busy'));
			if ('expect' in event) restore(event.expect.world);
		} else {
			const next = path.steps[index + 1]?.event;
			if (next && 'expect' in next) prepare(next.expect.world);
			actor.send(
				event.type === 'callback.received'
					? realCallback(browser, context(), event)
					: event.type === 'authorize.refused'
						? realRefusal(browser, event)
						: event
			);
		}
		const actual = actor.getSnapshot() as FlowSnapshot;
		expect(actual.value, where).toEqual(state.value);
		compareExchanges(actual.context.exchanges, state.context.exchanges, where);
		if (state.context.error) {
			expect(actual.context.error?.error, where).toBe(state.context.error.error);
			if ('expect' in event && event.expect.slug)
				expect(explainError(actual.context.error)?.slug, where).toBe(event.expect.slug);
			// /authorize's page as predicted: the real page must say the same.
			if (event.type === 'authorize.refused')
				expect(explainError(actual.context.error)?.slug, where).toBe(
					explainError(state.context.error)?.slug
				);
		}
	}
	actor.stop();
}

/**
 * Agree and Cancel go through the emulator's real pages, and so does an error redirect (it comes
 * back at once); forged callbacks are sent as modelled.
 */
function realCallback(
	browser: TestClient,
	context: FlowSnapshot['context'],
	event: Extract<ModelEvent, { type: 'callback.received' }>
) {
	const real: (CallbackKind | undefined)[] = ['ok', 'denied', 'error'];
	if (!real.includes(event.kind)) return { type: event.type, url: event.url };
	let page = browser.call('GET', context.pending!.request.url);
	if (page.status === 200 && page.body.includes('name="password"'))
		page = browser.follow(browser.login(page));
	if (page.status === 200) page = browser.consent(page, event.kind === 'ok' ? 'agree' : 'cancel');
	expect(
		page.headers.location,
		`redirect back: ${page.status} ${page.body.slice(0, 200)}`
	).toBeTruthy();
	return { type: event.type, url: page.headers.location };
}

/** The tampered authorize request goes to the emulator for real; its page is the answer. */
function realRefusal(
	browser: TestClient,
	event: Extract<ModelEvent, { type: 'authorize.refused' }>
) {
	const page = browser.call('GET', event.exchange.request.url);
	const response = { status: page.status, statusText: '', headers: page.headers, body: page.body };
	return { type: event.type, exchange: { ...event.exchange, response } };
}

const keyFields = ['grant_type', 'redirect_uri', 'client_id', 'client_secret'];

function compareExchanges(actual: RecordedExchange[], model: RecordedExchange[], where: string) {
	expect(actual.length, `${where}: number of exchanges`).toBe(model.length);
	actual.forEach((exchange, i) => {
		const expected = model[i];
		const label = `${where}: exchange ${i}`;
		expect(shape(exchange.request), label).toEqual(shape(expected.request));
		expect(exchange.response.status, label).toBe(expected.response.status);
		expect(exchange.purpose, label).toBe(expected.purpose);
	});
}

/** What must agree between model and emulator run: method, path, parameter names, key values. */
function shape(request: HttpRequestDescription) {
	const url = new URL(request.url);
	return {
		method: request.method,
		path: url.pathname,
		query: [...url.searchParams.keys()],
		fields: request.body?.fields.map(([name]) => name) ?? [],
		values: keyFields.map((name) => getField(request.body, name)),
		authorization: getHeader(request.headers, 'authorization')?.split(' ')[0],
		contentType: getHeader(request.headers, 'content-type')
	};
}
