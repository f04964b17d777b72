/**
 * The one `setup()` all four flow machines share: types, named actions, guards and actors. Every
 * implementation is referenced by name in the machines, so tests and the page can `.provide()`
 * substitutes (the transport above all, see `withTransport`).
 */
import { assign, fromPromise, setup, type AnyStateMachine } from 'xstate';
import { computeCodeChallenge } from '$lib/oauth/pkce';
import { mergeRefreshedTokens } from '$lib/oauth/token-response';
import { createVerifier, replaceContext, startAttempt } from './context';
import {
	evaluateCallback,
	type CallbackOutcome,
	type ExchangeOutcome,
	type SentExchange
} from './outcomes';
import { buildPending } from './requests';
import { createExchangeActor, systemClock, type Clock, type Transport } from './transport';
import type {
	ErrorKind,
	FlowContext,
	FlowEvent,
	FlowInput,
	PendingRequest,
	Purpose,
	StepId
} from './types';

/**
 * State meta: `content` names the step file (content/flows/NN-<slug>/NN-<content>.md); an error
 * state names its kind and the step it happens at (the stepper shows that step).
 */
export interface StepMeta {
	content?: StepId;
	error?: ErrorKind;
	/** For error states: the learner-visible step where it happened. */
	step?: StepId;
}

/** The tags: `step` a learner-visible step, `busy` a request in flight, `complete` the end. */
export type FlowTag = 'step' | 'error' | 'busy' | 'complete';

interface SentParams {
	sent: SentExchange;
}

export const flowSetup = setup({
	types: {} as {
		context: FlowContext;
		events: FlowEvent;
		input: FlowInput;
		tags: FlowTag;
		meta: StepMeta;
	},
	actors: {
		/** Replaced by `withTransport`; without one, sending fails visibly (transportError). */
		sendRequest: fromPromise<SentExchange, PendingRequest>(async () => {
			throw new Error('No transport: provide one with withTransport(machine, transport)');
		}),
		computeChallenge: fromPromise<string, { verifier: string; standardBase64: boolean }>(
			({ input }) =>
				computeCodeChallenge(input.verifier, { standardBase64Challenge: input.standardBase64 })
		)
	},
	actions: {
		preparePending: assign(({ context }, params: { purpose: Purpose }) => ({
			pending: buildPending(context, params.purpose)
		})),
		clearPending: assign({ pending: undefined }),
		recordExchange: assign(({ context }, params: SentParams) => ({
			exchanges: [...context.exchanges, params.sent.exchange]
		})),
		storeTokens: assign(({ context }, { sent }: SentParams) => {
			if (sent.outcome.kind !== 'tokens') return {};
			const refreshed = sent.exchange.purpose === 'refresh' && context.tokens;
			const { tokens } = sent.outcome;
			const merged = refreshed ? mergeRefreshedTokens(refreshed, tokens) : tokens;
			// "Rotated token ignored": the app keeps the refresh token it had (a classic bug).
			if (refreshed && context.mistakes.keepOldRefreshToken && refreshed.refreshToken)
				merged.refreshToken = refreshed.refreshToken;
			return {
				tokens: merged,
				codeExchanged: context.codeExchanged || context.code !== undefined,
				error: undefined
			};
		}),
		storeData: assign((_, { sent }: SentParams) =>
			sent.outcome.kind === 'data' ? { apiResult: sent.outcome.data, error: undefined } : {}
		),
		storeError: assign((_, { sent }: SentParams) =>
			sent.outcome.kind === 'failed' || sent.outcome.kind === 'expired'
				? { error: sent.outcome.error }
				: {}
		),
		storeTransportError: assign((_, params: { error: unknown }) => ({
			error: {
				kind: 'malformed-response' as const,
				error: 'transport_error',
				status: null,
				detail: params.error instanceof Error ? params.error.message : String(params.error)
			}
		})),
		storeCallback: assign(({ context }, params: { url: string }) => {
			const outcome = evaluateCallback(context, params.url);
			if (outcome.kind !== 'ok') return { callbackUrl: params.url, error: outcome.error };
			const { result } = outcome;
			if (result.type === 'code') return { callbackUrl: params.url, code: result.code };
			const tokens = { accessToken: result.accessToken, tokenType: result.tokenType, expiresIn: 0 };
			if (result.expiresIn !== undefined) tokens.expiresIn = result.expiresIn;
			return { callbackUrl: params.url, tokens };
		}),
		makeVerifier: assign(({ context }) => ({
			codeVerifier: createVerifier(context),
			codeChallenge: undefined
		})),
		storeChallenge: assign((_, params: { challenge: string }) => ({
			codeChallenge: params.challenge
		})),
		startOver: assign(({ context }) => replaceContext(context, startAttempt(context, 0))),
		reauthorize: assign(({ context }) =>
			replaceContext(context, startAttempt(context, context.attempt + 1))
		)
	},
	guards: {
		callbackIs: (
			{ context },
			params: { url: string; outcome: Exclude<CallbackOutcome['kind'], 'ok'> }
		) => evaluateCallback(context, params.url).kind === params.outcome,
		outcomeIs: (_, params: { sent: SentExchange; kind: ExchangeOutcome['kind'] }) =>
			params.sent.outcome.kind === params.kind,
		/** "Reuse the code" switch: offered once the code was exchanged. */
		canReuseCode: ({ context }) => context.mistakes.reuseCode === true && context.codeExchanged,
		/** Only the emulator has a control endpoint to expire a token. */
		canExpire: ({ context }) => context.target.controlBase !== null && context.tokens !== undefined
	}
});

/** The machine with its transport (and the clock that times each exchange) provided. */
export function withTransport<TMachine extends AnyStateMachine>(
	machine: TMachine,
	transport: Transport,
	clock: Clock = systemClock
): TMachine {
	return machine.provide({
		actors: { sendRequest: createExchangeActor(transport, clock) }
	}) as TMachine;
}
