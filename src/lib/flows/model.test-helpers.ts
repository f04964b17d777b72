/**
 * The abstract side of the model-based tests (test-only): which events each state can take,
 * including the answers the emulator is predicted to give. A sending state's answer is an
 * `xstate.done.actor.send` event whose output is a synthetic exchange with the predicted status;
 * its `expect` field tells the runner what to check and what to arrange in the emulator first.
 */
import type { SnapshotFrom, StateValue } from 'xstate';
import { getField } from '$lib/oauth/http';
import {
	getSpotifyError,
	tokenErrorBody,
	webApiErrorBody,
	type SpotifyErrorSlug
} from '$lib/spotify/errors';
import type { authorizationCodeMachine } from './authorization-code.machine';
import { evaluateExchange, type SentExchange } from './outcomes';
import { profileOf } from './profiles';
import type { FlowContext, RecordedExchange } from './types';

export type FlowSnapshot = SnapshotFrom<typeof authorizationCodeMachine>;

/** Something the runner does to the emulator before the request goes out, to get this answer. */
export type WorldAction =
	'expire-refresh-token' | 'rate-limit' | 'control-off' | 'network-down' | 'no-crypto';

export interface Expectation {
	status: number | null;
	/** The catalog entry the flow's error must name, when the answer is an error. */
	slug?: SpotifyErrorSlug;
	world?: WorldAction;
}

/** `error`: /authorize redirects back with an error before any consent (PKCE parameters). */
export type CallbackKind = 'ok' | 'denied' | 'error' | 'mismatch' | 'empty';

export type ModelEvent =
	| { type: 'xstate.init' }
	| {
			type:
				| 'step.next'
				| 'flow.retry'
				| 'reset'
				| 'code.reuse'
				| 'token.refresh'
				| 'token.expire'
				| 'api.call';
	  }
	| { type: 'callback.received'; url: string; kind: CallbackKind }
	/** /authorize's own error page: the runner GETs `exchange.request.url` for real. */
	| { type: 'authorize.refused'; exchange: RecordedExchange }
	| { type: 'xstate.done.actor.send'; output: SentExchange; expect: Expectation }
	| { type: 'xstate.error.actor.send'; error: Error; expect: Expectation }
	| { type: 'xstate.done.actor.challenge'; output: string }
	| { type: 'xstate.error.actor.challenge'; error: Error; expect: Expectation };

/**
 * An id for values the model invents (codes, tokens): deterministic, so every traversal sees the
 * same events, and different along any one path wherever the difference matters.
 */
function modelId(context: FlowContext): string {
	return `${context.attempt}x${context.exchanges.length}`;
}

/** The events a snapshot can take in the model (the traversal adds the plain ones itself). */
export function modelEvents(snapshot: FlowSnapshot): ModelEvent[] {
	const { context } = snapshot;
	if (snapshot.matches({ createVerifier: 'computing' } as never))
		return [
			{
				type: 'xstate.done.actor.challenge',
				output: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
			},
			{
				type: 'xstate.error.actor.challenge',
				error: new Error('crypto.subtle is unavailable'),
				expect: { status: null, world: 'no-crypto' }
			}
		];
	if (snapshot.hasTag('busy') && context.pending) return answers(context);
	if (snapshot.matches('userConsents')) return callbacks(context);
	return [];
}

/** Only predicted answers while a request is in flight: the learner cannot click then. */
export function allowedInModel(snapshot: FlowSnapshot, event: { type: string }): boolean {
	// Actor events only as modelled, with an output or an expectation.
	if (event.type.startsWith('xstate.')) return 'output' in event || 'expect' in event;
	return !snapshot.hasTag('busy');
}

/** Distinguishes snapshots by where they are and what was reused, expired or obtained. */
export function serializeModelState(snapshot: FlowSnapshot): string {
	const { context } = snapshot;
	return JSON.stringify({
		value: snapshot.value,
		exchanged: context.codeExchanged,
		expired: accessTokenExpired(context),
		tokens: context.tokens !== undefined
	});
}

function callbacks(context: FlowContext): ModelEvent[] {
	const base = context.target.redirectUri;
	const state = context.mistakes.omitState ? '' : `&state=${context.state}`;
	const fragment = context.flow === 'implicit-grant';
	const id = modelId(context);
	const ok = fragment
		? `${base}#access_token=BQmodel${id}&token_type=Bearer&expires_in=3600${state}`
		: `${base}?code=AQmodel${id}${state}`;
	const crafted: ModelEvent[] = [
		{ type: 'callback.received', kind: 'mismatch', url: `${base}?code=AQforged&state=forged` },
		{ type: 'callback.received', kind: 'empty', url: `${base}?${state.slice(1)}` }
	];
	// The switches that make /authorize answer with its page: the browser never comes back.
	const page = predictedAuthorizeError(context);
	if (page) return [refusedAuthorize(context, page, false)];
	// A refused PKCE method is redirected back at once, before login and consent.
	const redirected = predictedRedirectError(context);
	if (redirected) {
		const code = getSpotifyError(redirected).code!;
		const url = `${base}?error=${code}${state}`;
		return [
			refusedAuthorize(context),
			{ type: 'callback.received', kind: 'error', url },
			...crafted
		];
	}
	return [
		refusedAuthorize(context),
		{ type: 'callback.received', kind: 'ok', url: ok },
		{ type: 'callback.received', kind: 'denied', url: `${base}?error=access_denied${state}` },
		...crafted
	];
}

/**
 * The error page /authorize answers a request the switches spoiled, checked in the emulator's
 * order: client, redirect URI, response type, scope.
 */
export function predictedAuthorizeError(context: FlowContext): SpotifyErrorSlug | undefined {
	const { mistakes } = context;
	if (mistakes.omitClientId) return 'missing-client-id';
	if (mistakes.unknownClientId) return 'invalid-client-authorize';
	if (mistakes.omitRedirectUri) return 'missing-redirect-uri';
	if (mistakes.quotedRedirectUri) return 'illegal-redirect-uri';
	if (mistakes.insecureRedirectUri) return 'insecure-redirect-uri';
	if (mistakes.unregisteredRedirectUri) return 'invalid-redirect-uri-authorize';
	if (mistakes.omitResponseType) return 'missing-response-type';
	if (mistakes.illegalScope) return 'illegal-scope';
	return undefined;
}

/** The error /authorize redirects back with, before any consent. */
export function predictedRedirectError(context: FlowContext): SpotifyErrorSlug | undefined {
	const pkce = context.codeChallenge !== undefined && !context.mistakes.omitPkce;
	return pkce && context.mistakes.plainChallenge ? 'pkce-method-unsupported' : undefined;
}

/** A redirect URI the emulator's apps never registered: /authorize answers its error page. */
export const unregisteredRedirectUri = 'https://unregistered.example/callback';

/**
 * The authorize request and the 400 page it gets: as the switches built it, or (`tamper`) with
 * an unregistered redirect URI.
 */
function refusedAuthorize(
	context: FlowContext,
	slug: SpotifyErrorSlug = 'invalid-redirect-uri-authorize',
	tamper = true
): ModelEvent {
	const url = new URL(context.pending!.request.url);
	if (tamper) url.searchParams.set('redirect_uri', unregisteredRedirectUri);
	const text = getSpotifyError(slug).text!;
	return {
		type: 'authorize.refused',
		exchange: {
			purpose: 'authorize',
			route: 'browser',
			request: { method: 'GET', url: url.toString(), headers: {} },
			response: {
				status: 400,
				statusText: '',
				headers: {},
				body: `<p class="error" id="spotify-error">${text}</p>`
			},
			startedAt: 0,
			durationMs: 0
		}
	};
}

function answers(context: FlowContext): ModelEvent[] {
	const pending = context.pending!;
	const reply = (status: number, body: unknown, expect: Omit<Expectation, 'status'> = {}) =>
		({
			type: 'xstate.done.actor.send',
			output: evaluateExchange({
				...pending,
				response: { status, statusText: '', headers: {}, body: JSON.stringify(body) },
				startedAt: 0,
				durationMs: 0
			}),
			expect: { status, ...expect }
		}) as const;
	const down = {
		type: 'xstate.error.actor.send',
		error: new Error('network down'),
		expect: { status: null, world: 'network-down' }
	} as const;
	const id = modelId(context);
	const tokenError = (slug: SpotifyErrorSlug) => {
		const grantType = getField(pending.request.body, 'grant_type') ?? '';
		return reply(getSpotifyError(slug).status ?? 400, tokenErrorBody(slug, grantType), { slug });
	};
	switch (pending.purpose) {
		case 'token': {
			const slug = predictedTokenError(context);
			if (slug) return [tokenError(slug), down];
			return [reply(200, tokenBody(context, id)), down];
		}
		case 'refresh': {
			const slug = predictedRefreshError(context);
			if (slug) return [tokenError(slug), down];
			return [
				reply(200, { access_token: `BQmodel${id}`, token_type: 'Bearer', expires_in: 3600 }),
				reply(400, tokenErrorBody('invalid-refresh-token'), {
					slug: 'invalid-refresh-token',
					world: 'expire-refresh-token'
				}),
				down
			];
		}
		case 'api': {
			const refused = predictedApiError(context);
			if (refused)
				return [
					reply(getSpotifyError(refused).status!, webApiErrorBody(refused), { slug: refused })
				];
			if (accessTokenExpired(context)) return [reply(401, webApiErrorBody('access-token-expired'))];
			if (context.mistakes.appTokenOnMe) {
				const slug = 'insufficient-client-scope';
				return [reply(403, webApiErrorBody(slug), { slug })];
			}
			return [
				reply(200, { id: 'demo' }),
				reply(429, webApiErrorBody('rate-limited'), { slug: 'rate-limited', world: 'rate-limit' }),
				down
			];
		}
		case 'expire':
			return [
				reply(200, { expired: 'access_token' }),
				reply(404, { error: 'not_found' }, { world: 'control-off' }),
				down
			];
		case 'authorize':
			return [];
	}
}

function tokenBody(context: FlowContext, id: string) {
	const tokens = { access_token: `BQmodel${id}`, token_type: 'Bearer', expires_in: 3600 };
	return context.flow === 'client-credentials'
		? tokens
		: { ...tokens, refresh_token: `AQrefresh${id}`, scope: context.target.scopes.join(' ') };
}

/**
 * What the emulator answers the first token request, predicted from the switches and the log,
 * in the emulator's order: grant type, client authentication, then the code and its PKCE proof.
 */
export function predictedTokenError(context: FlowContext): SpotifyErrorSlug | undefined {
	const { mistakes, flow } = context;
	if (mistakes.tokenRequestAsGet) return 'token-method-not-allowed';
	if (mistakes.bodyAsJson) return 'grant-type-missing';
	if (mistakes.misspeltGrantType) return 'grant-type-unsupported';
	const secret = profileOf(flow).confidential;
	if (secret && mistakes.basicWithNewline) return 'invalid-client-malformed';
	if (secret && mistakes.swappedCredentials) return 'invalid-client-token';
	if (secret && mistakes.wrongSecret) return 'invalid-client-secret';
	if (flow === 'client-credentials') return undefined;
	if (mistakes.emptyCode) return 'code-must-be-supplied';
	const code = getField(context.pending?.request.body, 'code');
	const used = context.exchanges.some(
		(e) =>
			e.purpose === 'token' &&
			e.response.status === 200 &&
			getField(e.request.body, 'code') === code
	);
	if (used) return 'invalid-authorization-code';
	if (mistakes.differentRedirectUri) return 'invalid-redirect-uri-token';
	// A code issued without a challenge needs a secret: a public client has none to send.
	if (flow === 'authorization-code-pkce' && mistakes.omitPkce) return 'invalid-client-malformed';
	if (flow === 'authorization-code-pkce' && mistakes.omitVerifier) return 'code-verifier-required';
	if (flow === 'authorization-code-pkce' && mistakes.shortVerifier) return 'code-verifier-invalid';
	if (mistakes.wrongVerifier || mistakes.standardBase64Challenge) return 'code-verifier-incorrect';
	return undefined;
}

/** What the emulator answers a refresh whose refresh token the switches spoiled. */
export function predictedRefreshError(context: FlowContext): SpotifyErrorSlug | undefined {
	if (context.mistakes.omitRefreshToken) return 'refresh-token-must-be-supplied';
	if (context.mistakes.garbledRefreshToken) return 'invalid-refresh-token';
	return undefined;
}

/** A Web API call the emulator refuses before it looks at the token: not a Bearer header. */
export function predictedApiError(context: FlowContext): SpotifyErrorSlug | undefined {
	return context.mistakes.tokenObjectAsBearer ? 'only-bearer-supported' : undefined;
}

/** True once a successful control call expired the access token the context holds. */
export function accessTokenExpired(context: FlowContext): boolean {
	const token = context.tokens?.accessToken;
	return context.exchanges.some(
		(e) =>
			e.purpose === 'expire' &&
			e.response.status === 200 &&
			getField(e.request.body, 'access_token') === token
	);
}

/** A state value as a dotted list of leaf paths, for coverage and messages. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
	if (typeof value === 'string') return [prefix + value];
	return Object.entries(value).flatMap(([key, child]) =>
		child === undefined ? [prefix + key] : leafPaths(child, `${prefix}${key}.`)
	);
}
