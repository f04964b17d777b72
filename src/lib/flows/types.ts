/**
 * The shapes every flow machine shares: its input, context and events. Plain data only (no
 * functions, no class instances), so a snapshot survives JSON and structuredClone.
 */
import type { HttpRequestDescription, HttpResponseDescription } from '$lib/oauth/http';
import type { Mistakes } from '$lib/oauth/mistakes';
import type { OAuthErrorData } from '$lib/oauth/errors';
import type { TokenSet } from '$lib/oauth/token-response';
import type { FlowSlug } from '$lib/spotify/flows';

export type TargetKind = 'emulator' | 'spotify';

/** How the confidential flows prove the client: Basic header, body fields, or the server's secret. */
export type SecretMode = 'basic' | 'body' | 'server-secret';

/** Where a request goes: sent directly, through the server relay, or by the browser navigating. */
export type Route = 'direct' | 'relay' | 'browser';

/** Which request a step prepares; persistence rebuilds pending requests from it. */
export type Purpose = 'authorize' | 'token' | 'refresh' | 'api' | 'expire';

export interface FlowInput {
	/** `emulator` (default) or `spotify` (live). */
	target?: TargetKind;
	/** The site's origin, for the emulator's base URLs and the default redirect URI. */
	origin?: string;
	clientId?: string;
	/** Never persisted. Live mode with `secretMode: 'server-secret'` needs none. */
	clientSecret?: string;
	secretMode?: SecretMode;
	redirectUri?: string;
	scopes?: readonly string[];
	showDialog?: boolean;
	/** Teaching switches, all off by default. */
	mistakes?: Mistakes;
	/** Deterministic mode: the same seed gives the same `state` and verifier. */
	seed?: string;
}

/** The resolved target: everything the request builders need except the secret. */
export interface TargetSettings {
	kind: TargetKind;
	accountsBase: string;
	apiBase: string;
	/** The emulator's control base (`<origin>/emulator/control`); null for live Spotify. */
	controlBase: string | null;
	clientId: string;
	secretMode: SecretMode;
	redirectUri: string;
	scopes: string[];
	showDialog: boolean;
	/** The Web API path the "call the Web API" step requests. */
	apiPath: string;
}

export interface PendingRequest {
	purpose: Purpose;
	route: Route;
	request: HttpRequestDescription;
}

/** One request and its answer, as the exchange view shows it. */
export interface RecordedExchange {
	purpose: Purpose;
	route: Route;
	request: HttpRequestDescription;
	response: HttpResponseDescription;
	/** From the injected clock, in ms since the epoch. */
	startedAt: number;
	durationMs: number;
}

/**
 * An error as the run keeps it: the wire code and what the parser found. The catalog's title,
 * causes and fix are looked up where it is shown (oauth/explain.ts).
 */
export interface FlowError extends OAuthErrorData {
	/** What exactly was wrong, when the parser knows (`body is not JSON`). */
	detail?: string;
}

/**
 * Every learner-visible step, by its content file's name (content/flows/NN-<slug>/NN-<step>.md);
 * links (`?step=`), the diagram and the stepper name steps by these. A test checks the list
 * against the content files.
 */
export const stepIds = [
	'create-verifier',
	'request-authorization',
	'user-consents',
	'receive-callback',
	'token-in-fragment',
	'request-token',
	'exchange-code',
	'call-web-api',
	'refresh-token'
] as const;

export type StepId = (typeof stepIds)[number];

/** What went wrong in an error state, in one word the UI styles and explains. */
export const errorKinds = [
	'authorize-page',
	'access-denied',
	'state-mismatch',
	'callback',
	'token',
	'expired-token',
	'web-api',
	'refresh',
	'transport'
] as const;

export type ErrorKind = (typeof errorKinds)[number];

export interface FlowContext {
	flow: FlowSlug;
	target: TargetSettings;
	/** Kept only in memory: persistence has no field for it (see persistence.ts). */
	clientSecret?: string;
	mistakes: Mistakes;
	seed?: string;
	/** Counts authorizations started, so a re-authorization gets a fresh state and verifier. */
	attempt: number;
	/** The state for /authorize (the `omitState` switch leaves it out of the URL and the check). */
	state: string;
	codeVerifier?: string;
	codeChallenge?: string;
	callbackUrl?: string;
	code?: string;
	/** True once the code was exchanged successfully (the "reuse the code" switch needs it). */
	codeExchanged: boolean;
	tokens?: TokenSet;
	/** The parsed JSON of the last successful Web API call. */
	apiResult?: unknown;
	pending?: PendingRequest;
	/** Every request sent, in order (like a network panel). */
	exchanges: RecordedExchange[];
	error?: FlowError;
}

export type FlowEvent =
	| { type: 'step.next' }
	| { type: 'reset' }
	/** From a failed run's last step: a new authorization (or token request), same settings. */
	| { type: 'flow.retry' }
	| { type: 'callback.received'; url: string }
	/** /authorize answered with its own error page instead of a login or consent page. */
	| { type: 'authorize.refused'; exchange: RecordedExchange }
	| { type: 'code.reuse' }
	| { type: 'token.refresh' }
	| { type: 'token.expire' }
	| { type: 'api.call' };
