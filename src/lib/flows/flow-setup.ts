/**
 * The one `setup()` all four flow machines share: types, named actions, guards and actors. Every
 * implementation is referenced by name in the machines, so tests and the page can `.provide()`
 * substitutes (the transport above all, see `withTransport`).
 */
import { assign, fromPromise, setup, type AnyStateMachine } from 'xstate';
import { computeCodeChallenge } from '$lib/oauth/pkce';
import { mergeRefreshedTokens } from '$lib/oauth/token-response';
import {
	createVerifier,
	historyEntry,
	replaceContext,
	restoreEntry,
	startAttempt
} from './context';
import { evaluateApi, evaluateCallback, evaluateToken, type CallbackOutcome } from './outcomes';
import { buildPending } from './requests';
import { createExchangeActor, systemClock, type Clock, type Transport } from './transport';
import type {
	FlowContext,
	FlowEvent,
	FlowInput,
	PendingRequest,
	Purpose,
	RecordedExchange
} from './types';

/** State meta: `content` names the step file (content/flows/NN-<slug>/NN-<content>.md). */
export interface StepMeta {
	content?: string;
	/** For error states: what went wrong, in one word the UI can style. */
	error?: string;
}

interface ExchangeParams {
	exchange: RecordedExchange;
}

export const flowSetup = setup({
	types: {} as {
		context: FlowContext;
		events: FlowEvent;
		input: FlowInput;
		tags: 'step' | 'error' | 'busy';
		meta: StepMeta;
	},
	actors: {
		/** Replaced by `withTransport`; without one, sending fails visibly (transportError). */
		sendRequest: fromPromise<RecordedExchange, PendingRequest>(async () => {
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
		recordExchange: assign(({ context }, params: { exchange: RecordedExchange }) => ({
			exchanges: [...context.exchanges, params.exchange]
		})),
		storeTokens: assign(({ context }, params: ExchangeParams) => {
			const outcome = evaluateToken(params.exchange.response);
			if (!outcome.ok) return {};
			const refreshed = params.exchange.purpose === 'refresh' && context.tokens;
			return {
				tokens: refreshed ? mergeRefreshedTokens(refreshed, outcome.tokens) : outcome.tokens,
				codeExchanged: context.codeExchanged || context.code !== undefined,
				error: undefined
			};
		}),
		storeTokenError: assign((_, params: ExchangeParams) => {
			const outcome = evaluateToken(params.exchange.response);
			return { error: outcome.ok ? undefined : outcome.error };
		}),
		storeApiResult: assign((_, params: ExchangeParams) => {
			const outcome = evaluateApi(params.exchange.response);
			return outcome.ok ? { apiResult: outcome.data, error: undefined } : { error: outcome.error };
		}),
		storeTransportError: assign((_, params: { error: unknown }) => ({
			error: {
				kind: 'malformed-response' as const,
				error: 'transport_error',
				status: null,
				causes: [],
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
		remember: assign(({ context }, params: { at: string }) => ({
			history: [...context.history, historyEntry(params.at, context)]
		})),
		restorePrevious: assign(({ context }) => replaceContext(context, restoreEntry(context))),
		startOver: assign(({ context }) => replaceContext(context, startAttempt(context, 0))),
		reauthorize: assign(({ context }) =>
			replaceContext(context, startAttempt(context, context.attempt + 1))
		)
	},
	guards: {
		previousIs: ({ context }, params: { at: string }) => context.history.at(-1)?.at === params.at,
		callbackIs: (
			{ context },
			params: { url: string; outcome: Exclude<CallbackOutcome['kind'], 'ok'> }
		) => evaluateCallback(context, params.url).kind === params.outcome,
		tokenOk: (_, params: ExchangeParams) => evaluateToken(params.exchange.response).ok,
		apiOk: (_, params: ExchangeParams) => evaluateApi(params.exchange.response).ok,
		apiExpired: (_, params: ExchangeParams) => {
			const outcome = evaluateApi(params.exchange.response);
			return !outcome.ok && outcome.expired;
		},
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
