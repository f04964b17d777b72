/**
 * The wire format between the browser and the live-mode relay (src/routes/relay): the browser
 * POSTs an envelope describing the request, the relay answers 200 with the upstream response
 * description, or a 4xx/502 refusal naming the rule that stopped it. Shared by both sides so they cannot drift.
 */
import type { HttpRequestDescription, HttpResponseDescription } from './http';

export const RELAY_PATH = '/relay';

/** Largest envelope the relay reads; token requests are a few hundred bytes. */
export const RELAY_MAX_ENVELOPE_BYTES = 16 * 1024;

export interface RelayEnvelope {
	request: HttpRequestDescription;
	/**
	 * Ask the relay to add `Authorization: Basic` with the server's SPOTIFY_CLIENT_SECRET, so the
	 * secret never reaches the browser. Only for the token endpoint, and only when the request
	 * carries no credentials of its own (build it with `{ method: 'server-secret' }`).
	 */
	useServerSecret?: boolean;
	/** The client id for the Basic header; defaults to the server's SPOTIFY_CLIENT_ID. */
	clientId?: string;
}

/**
 * What the relay answers when it forwarded the request: HTTP 200 from the relay itself, whose
 * JSON body is the upstream response description (Spotify's status is inside it).
 */
export type RelayAnswer = HttpResponseDescription;

export const relayRefusalReasons = [
	'unsupported-media-type',
	'cross-origin',
	'too-large',
	'bad-envelope',
	'bad-url',
	'scheme-not-allowed',
	'userinfo-not-allowed',
	'port-not-allowed',
	'ip-literal-not-allowed',
	'host-not-allowed',
	'url-not-canonical',
	'path-not-allowed',
	'method-not-allowed',
	'server-secret-unavailable',
	'server-secret-not-allowed',
	'client-id-mismatch',
	'credentials-conflict',
	'redirect-refused',
	'upstream-too-large',
	'upstream-failed'
] as const;

export type RelayRefusalReason = (typeof relayRefusalReasons)[number];

/** What the relay answers when it refuses (a 4xx or 502 from the relay itself). */
export interface RelayRefusal {
	refused: RelayRefusalReason;
	message: string;
}

/** Relay status and configuration, from `GET /relay`. */
export interface RelayInfo {
	/** True when SPOTIFY_CLIENT_SECRET is set, so `useServerSecret` can work. */
	serverSecret: boolean;
	/** SPOTIFY_CLIENT_ID when set (a client id is not a secret). */
	clientId: string | null;
}

export class RelayRefusedError extends Error {
	constructor(
		readonly reason: RelayRefusalReason,
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/** `fetch` arguments that hand an envelope to the relay. */
export function relayFetchArguments(
	envelope: RelayEnvelope,
	relayUrl: string = RELAY_PATH
): [string, RequestInit] {
	return [
		relayUrl,
		{
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(envelope)
		}
	];
}

/** The upstream response out of a relay answer, or RelayRefusedError. */
export function readRelayAnswer(status: number, body: string): HttpResponseDescription {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = undefined;
	}
	if (status === 200 && isObject(parsed) && typeof parsed.status === 'number')
		return parsed as unknown as HttpResponseDescription;
	if (isObject(parsed) && typeof parsed.refused === 'string')
		throw new RelayRefusedError(
			parsed.refused as RelayRefusalReason,
			status,
			typeof parsed.message === 'string' ? parsed.message : parsed.refused
		);
	throw new RelayRefusedError('upstream-failed', status, `Unexpected relay answer (${status})`);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
