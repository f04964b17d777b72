/**
 * State-config pieces the four machines share: a request step (ready → sending → done), the
 * callback checks, error states and the `step.back` transitions. Every machine has the id `flow`,
 * so the pieces can target `#flow.<state>`.
 */
import { flowSetup } from './flow-setup';
import type { FlowEvent, Purpose, RecordedExchange } from './types';

type StateConfig = Parameters<typeof flowSetup.createStateConfig>[0];
type TransitionMap = NonNullable<StateConfig['on']>;

/** The action that pushes the resting point `at` onto the history before moving on. */
export function remember(at: string) {
	return { type: 'remember', params: { at } } as const;
}

/** `step.next` (or any forward event) from the resting point `at` to `target`. */
export function forward(at: string, target: string) {
	return { target, actions: remember(at) } as const;
}

const exchangeOf = ({ event }: { event: { output: RecordedExchange } }) => ({
	exchange: event.output
});
const recordExchange = { type: 'recordExchange', params: exchangeOf } as const;

interface RequestStepOptions {
	purpose: Purpose;
	/** The content step id, when the request is a learner-visible step. */
	content?: string;
	/** This state's path from the root, e.g. `exchangeCode`, for the history. */
	key: string;
	/** Where a 2xx that the parser accepts goes: the step's own `done` by default. */
	onSuccess?: string;
	/** Token steps: where an error answer goes. Web API steps: where a 401 goes. */
	onFailure: string;
	/** Transitions from `done` (the answer is shown, the learner decides what next). */
	done?: TransitionMap;
}

/**
 * A step that sends one request: `ready` holds it (pending) until `step.next`, `sending` invokes
 * the transport and records the exchange, `done` shows the answer.
 */
export function requestStep(options: RequestStepOptions) {
	const { purpose, key } = options;
	const api = purpose === 'api' || purpose === 'expire';
	const store: 'storeApiResult' | 'storeTokens' = api ? 'storeApiResult' : 'storeTokens';
	const check: 'apiOk' | 'tokenOk' = api ? 'apiOk' : 'tokenOk';
	const stored = (type: 'storeApiResult' | 'storeTokenError') =>
		[recordExchange, { type, params: exchangeOf }, 'clearPending'] as const;
	// Web API: a 401 means the token is dead (refresh or re-authorize), anything else is an error.
	// Control calls fail only as errors; token calls all go to the step's failure state.
	const failures = api
		? [
				...(purpose === 'api'
					? [
							{
								guard: { type: 'apiExpired' as const, params: exchangeOf },
								target: options.onFailure,
								actions: stored('storeApiResult')
							}
						]
					: []),
				{
					target: purpose === 'api' ? '#flow.apiError' : options.onFailure,
					actions: stored('storeApiResult')
				}
			]
		: [{ target: options.onFailure, actions: stored('storeTokenError') }];
	return flowSetup.createStateConfig({
		...(options.content ? { tags: ['step'], meta: { content: options.content } } : {}),
		initial: 'ready',
		states: {
			ready: {
				entry: { type: 'preparePending', params: { purpose } },
				on: { 'step.next': forward(`${key}.ready`, 'sending') }
			},
			sending: {
				tags: ['busy'],
				invoke: {
					id: 'send',
					src: 'sendRequest',
					input: ({ context }) => context.pending!,
					onDone: [
						{
							guard: { type: check, params: exchangeOf },
							target: options.onSuccess ?? 'done',
							actions: [
								recordExchange,
								{ type: store, params: exchangeOf },
								'clearPending'
							] as const
						},
						...failures
					],
					onError: {
						target: '#flow.transportError',
						actions: [
							{ type: 'storeTransportError', params: ({ event }) => ({ error: event.error }) },
							'clearPending'
						]
					}
				}
			},
			// A step that moves on by itself after its answer has no `done` to rest in.
			...(options.onSuccess ? {} : { done: { on: options.done ?? {} } })
		}
	});
}

type CallbackFailure = 'state-mismatch' | 'denied' | 'invalid';

const callbackUrl = ({ event }: { event: FlowEvent }) =>
	event.type === 'callback.received' ? event.url : '';

/**
 * `callback.received` in the awaiting-redirect state: state first (CSRF warning), then denial,
 * then a malformed or error callback; otherwise on to `target`.
 */
export function callbackTransitions(at: string, target: string) {
	const is = (outcome: CallbackFailure) =>
		({
			type: 'callbackIs',
			params: (args: { event: FlowEvent }) => ({ url: callbackUrl(args), outcome })
		}) as const;
	const actions = [
		remember(at),
		{ type: 'storeCallback', params: (args: { event: FlowEvent }) => ({ url: callbackUrl(args) }) },
		'clearPending'
	] as const;
	return [
		{ guard: is('state-mismatch'), target: '#flow.stateMismatch', actions },
		{ guard: is('denied'), target: '#flow.userDenied', actions },
		{ guard: is('invalid'), target: '#flow.callbackError', actions },
		{ target, actions }
	];
}

/** A first-class error state: tagged `error`, meta naming the kind, with its own way out. */
export function errorState(kind: string, on: TransitionMap = {}) {
	return flowSetup.createStateConfig({ tags: ['error'], meta: { error: kind }, on });
}

/**
 * `step.back` from anywhere: one guarded transition per resting point, taken when that point is
 * on top of the history; its context comes back with it.
 */
export function backTransitions(restingPoints: readonly string[]) {
	return restingPoints.map((at) => ({
		guard: { type: 'previousIs' as const, params: { at } },
		target: `#flow.${at}`,
		actions: 'restorePrevious' as const
	}));
}
