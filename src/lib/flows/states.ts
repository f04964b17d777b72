/**
 * State-config pieces the four machines share: a request step (ready → sending → done), the
 * callback checks and error states. Every machine has the id `flow`, so the pieces can target
 * `#flow.<state>`. Going back is not the machine's business: the run record keeps every step as
 * it was (see run-player.ts), so a machine only ever moves forward.
 */
import { flowSetup, type FlowTag } from './flow-setup';
import type { ErrorKind, FlowEvent, Purpose, StepId } from './types';
import type { ExchangeOutcome, SentExchange } from './outcomes';

type StateConfig = Parameters<typeof flowSetup.createStateConfig>[0];
export type TransitionMap = NonNullable<StateConfig['on']>;

const sentOf = ({ event }: { event: { output: SentExchange } }) => ({ sent: event.output });
const recordExchange = { type: 'recordExchange', params: sentOf } as const;

const outcomeIs = (kind: ExchangeOutcome['kind']) =>
	({
		type: 'outcomeIs',
		params: ({ event }: { event: { output: SentExchange } }) => ({ sent: event.output, kind })
	}) as const;

interface RequestStepOptions {
	purpose: Purpose;
	/** The content step id, when the request is a learner-visible step. */
	content?: StepId;
	/** Where an answer the parser accepts goes: the step's own `done` by default. */
	onSuccess?: string;
	/** Where a failure goes (for the Web API: any error but a 401). */
	onFailure: string;
	/** Web API steps: where a 401 (the token is dead) goes. */
	onExpired?: string;
	/** Transitions from `done` (the answer is shown, the learner decides what next). */
	done?: TransitionMap;
	/** `done` is the flow's last step: Next is disabled and the summary shows. */
	last?: boolean;
}

/**
 * A step that sends one request: `ready` holds it (pending) until `step.next`, `sending` invokes
 * the transport, which records the exchange and reads the answer once; `done` shows the answer.
 */
export function requestStep(options: RequestStepOptions) {
	const { purpose } = options;
	const store = purpose === 'token' || purpose === 'refresh' ? 'storeTokens' : 'storeData';
	const success = store === 'storeTokens' ? 'tokens' : 'data';
	const failed = [recordExchange, { type: 'storeError', params: sentOf }, 'clearPending'] as const;
	const doneTags: FlowTag[] = options.last ? ['complete'] : [];
	return flowSetup.createStateConfig({
		...(options.content ? { tags: ['step'], meta: { content: options.content } } : {}),
		initial: 'ready',
		states: {
			ready: {
				entry: { type: 'preparePending', params: { purpose } },
				on: { 'step.next': 'sending' }
			},
			sending: {
				tags: ['busy'],
				invoke: {
					id: 'send',
					src: 'sendRequest',
					input: ({ context }) => context.pending!,
					onDone: [
						{
							guard: outcomeIs(success),
							target: options.onSuccess ?? 'done',
							actions: [recordExchange, { type: store, params: sentOf }, 'clearPending'] as const
						},
						...(options.onExpired
							? [{ guard: outcomeIs('expired'), target: options.onExpired, actions: failed }]
							: []),
						{ target: options.onFailure, actions: failed }
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
			...(options.onSuccess ? {} : { done: { tags: doneTags, on: options.done ?? {} } })
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
export function callbackTransitions(target: string) {
	const is = (outcome: CallbackFailure) =>
		({
			type: 'callbackIs',
			params: (args: { event: FlowEvent }) => ({ url: callbackUrl(args), outcome })
		}) as const;
	const actions = [
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

/**
 * A first-class error state: tagged `error`, its meta naming the kind and the step where it
 * happened (the stepper shows that step), with its own ways out.
 */
export function errorState(kind: ErrorKind, step: StepId | undefined, on: TransitionMap = {}) {
	return flowSetup.createStateConfig({
		tags: ['error'],
		meta: step ? { error: kind, step } : { error: kind },
		on
	});
}
