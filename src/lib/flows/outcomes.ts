/**
 * What an answer means for the flow: the callback, a token response, a Web API response. Wraps
 * the oauth core's parsers; explanations (title, causes, fix) come from the error catalog when the
 * error is shown (oauth/explain.ts), never from text written here.
 */
import { parseWebApiResponse } from '$lib/oauth/api-response';
import { checkAuthorizeAnswer } from '$lib/oauth/authorize-page';
import { parseCallback, type CallbackResult } from '$lib/oauth/callback';
import { MalformedResponseError, OAuthError } from '$lib/oauth/errors';
import type { HttpResponseDescription } from '$lib/oauth/http';
import { parseTokenResponse, type TokenSet } from '$lib/oauth/token-response';
import { profileOf } from './profiles';
import type { FlowContext, FlowError, RecordedExchange } from './types';

/** The typed error as plain data for the context. */
export function toFlowError(error: unknown): FlowError {
	if (error instanceof OAuthError) {
		const data: FlowError = error.toJSON();
		if (error instanceof MalformedResponseError) data.detail = error.detail;
		return data;
	}
	// Not a protocol answer: the transport failed (network down, relay refused, CORS).
	const message = error instanceof Error ? error.message : String(error);
	return {
		kind: 'malformed-response',
		error: 'transport_error',
		status: null,
		detail: message
	};
}

export type CallbackOutcome =
	| { kind: 'ok'; result: CallbackResult }
	| { kind: 'state-mismatch' | 'denied' | 'invalid'; error: FlowError };

/**
 * Validates the callback URL, state first (RFC 6749 §10.12): a mismatch is reported as such
 * whatever else the URL carries. Query for the code flows, fragment for the implicit grant.
 */
export function evaluateCallback(context: FlowContext, url: string): CallbackOutcome {
	try {
		const result = parseCallback(url, {
			responseMode: profileOf(context.flow).responseMode ?? 'query',
			expectedState: context.mistakes.omitState ? null : context.state
		});
		return { kind: 'ok', result };
	} catch (error) {
		const flowError = toFlowError(error);
		if (flowError.kind === 'state-mismatch') return { kind: 'state-mismatch', error: flowError };
		if (flowError.kind === 'access-denied') return { kind: 'denied', error: flowError };
		return { kind: 'invalid', error: flowError };
	}
}

export type TokenOutcome = { ok: true; tokens: TokenSet } | { ok: false; error: FlowError };

/** Reads a token endpoint answer (RFC 6749 §5.1, §5.2). */
export function evaluateToken(response: HttpResponseDescription): TokenOutcome {
	try {
		return { ok: true, tokens: parseTokenResponse(response) };
	} catch (error) {
		return { ok: false, error: toFlowError(error) };
	}
}

export type ApiOutcome =
	{ ok: true; data: unknown } | { ok: false; expired: boolean; error: FlowError };

/** Reads a Web API answer; any 401 means "refresh or re-authorize" (reference §10, problem 13). */
export function evaluateApi(response: HttpResponseDescription): ApiOutcome {
	try {
		return { ok: true, data: parseWebApiResponse(response).data };
	} catch (error) {
		return { ok: false, expired: response.status === 401, error: toFlowError(error) };
	}
}

/**
 * What an answer means, computed once when it arrives (the exchange actor's output): tokens from
 * the token endpoint, data from the Web API or the control API, an expired token (any 401 from
 * the Web API), or a failure with its explanation. Guards and actions read it; none parses again.
 */
export type ExchangeOutcome =
	| { kind: 'tokens'; tokens: TokenSet }
	| { kind: 'data'; data: unknown }
	| { kind: 'expired'; error: FlowError }
	| { kind: 'failed'; error: FlowError };

/** The exchange actor's output: the exchange as recorded and what it means. */
export interface SentExchange {
	exchange: RecordedExchange;
	outcome: ExchangeOutcome;
}

export function evaluateExchange(exchange: RecordedExchange): SentExchange {
	return { exchange, outcome: outcomeOf(exchange) };
}

function outcomeOf(exchange: RecordedExchange): ExchangeOutcome {
	switch (exchange.purpose) {
		case 'token':
		case 'refresh': {
			const outcome = evaluateToken(exchange.response);
			return outcome.ok
				? { kind: 'tokens', tokens: outcome.tokens }
				: { kind: 'failed', error: outcome.error };
		}
		case 'api':
		case 'expire': {
			const outcome = evaluateApi(exchange.response);
			if (outcome.ok) return { kind: 'data', data: outcome.data };
			return exchange.purpose === 'api' && outcome.expired
				? { kind: 'expired', error: outcome.error }
				: { kind: 'failed', error: outcome.error };
		}
		case 'authorize':
			try {
				checkAuthorizeAnswer(exchange.response);
				return { kind: 'data', data: undefined };
			} catch (error) {
				return { kind: 'failed', error: toFlowError(error) };
			}
	}
}
