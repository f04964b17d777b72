/**
 * The live-mode relay: forwards requests that carry a client secret to Spotify, and nothing
 * else. An ordered list of one-purpose checks; the first that fails answers with its reason.
 * It forwards only to https://accounts.spotify.com/api/token and https://api.spotify.com/v1/…,
 * never follows a redirect, logs no body, header or query, and keeps nothing between requests.
 */
import { encodeBody, getHeader, type HttpRequestDescription } from '$lib/oauth/http';
import {
	RELAY_MAX_ENVELOPE_BYTES,
	type RelayAnswer,
	type RelayEnvelope,
	type RelayInfo,
	type RelayRefusal,
	type RelayRefusalReason
} from '$lib/oauth/relay-envelope';
import { basicAuthorization } from '$lib/oauth/token-request';
import { maskSecretShapes } from '$lib/core/masking';

const TOKEN_URL = 'https://accounts.spotify.com/api/token';
const API_HOST = 'api.spotify.com';
const ACCOUNTS_HOST = 'accounts.spotify.com';
/** Only these request headers are forwarded; cookies and the like never leave. */
const FORWARDED_HEADERS = new Set(['authorization', 'content-type', 'accept']);
const API_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
const MAX_UPSTREAM_BYTES = 1024 * 1024;

export interface RelayOptions {
	/** The site's own origin: browsers' cross-site posts are refused. */
	origin: string;
	/** SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET, when the server has them. */
	clientId?: string;
	clientSecret?: string;
	/** The caller's IP address (event.getClientAddress()); undefined when it cannot be told. */
	remoteAddress?: string;
	/**
	 * GRANTWALK_RELAY_REMOTE=allow: the server secret also serves callers that are not on this
	 * machine (a workshop on a LAN). Off by default: anyone who can reach the server would get
	 * tokens for the owner's app.
	 */
	allowRemote?: boolean;
	/** Injected so tests never touch the network. */
	fetch?: typeof fetch;
	/** One line per request: method, host, path, status. Never a body, header or query. */
	log?: (line: string) => void;
	timeoutMs?: number;
}

class Refusal extends Error {
	constructor(
		readonly reason: RelayRefusalReason,
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/** Handles `POST /relay`: checks the envelope and forwards it to Spotify. */
export async function handleRelayRequest(
	request: Request,
	options: RelayOptions
): Promise<Response> {
	const log = options.log ?? ((line: string) => console.info(line));
	const started = performance.now();
	try {
		checkCaller(request, options.origin);
		const envelope = parseEnvelope(await readLimited(request));
		const target = checkTarget(envelope.request);
		const outgoing = withCredentials(envelope, target, request.headers.get('origin'), options);
		const response = await forward(outgoing, options);
		const ms = Math.round(performance.now() - started);
		log(
			`relay ${outgoing.method} ${target.host}${maskSecretShapes(target.pathname)} -> ${response.status} (${ms} ms)`
		);
		return json(200, response satisfies RelayAnswer);
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		log(`relay refused: ${error.reason}`);
		return json(error.status, {
			refused: error.reason,
			message: error.message
		} satisfies RelayRefusal);
	}
}

/** Handles `GET /relay`: whether a server secret is configured, so the UI can offer it. */
export function relayInfo(options: Pick<RelayOptions, 'clientId' | 'clientSecret'>): Response {
	return json(200, {
		serverSecret: Boolean(options.clientSecret && options.clientId),
		clientId: options.clientId || null
	} satisfies RelayInfo);
}

function checkCaller(request: Request, origin: string): void {
	const type = request.headers.get('content-type') ?? '';
	// JSON only: an HTML form on another site cannot send it without a CORS preflight.
	if (!/^application\/json\s*(;|$)/i.test(type))
		throw new Refusal(
			'unsupported-media-type',
			415,
			'The relay takes an application/json envelope.'
		);
	const callerOrigin = request.headers.get('origin');
	if (
		(callerOrigin !== null && callerOrigin !== origin) ||
		request.headers.get('sec-fetch-site') === 'cross-site'
	)
		throw new Refusal('cross-origin', 403, 'The relay serves this site only.');
}

async function readLimited(request: Request): Promise<string> {
	const tooLarge = () =>
		new Refusal('too-large', 413, `The envelope is larger than ${RELAY_MAX_ENVELOPE_BYTES} bytes.`);
	if (Number(request.headers.get('content-length') ?? 0) > RELAY_MAX_ENVELOPE_BYTES)
		throw tooLarge();
	const bytes = await readStream(request.body, RELAY_MAX_ENVELOPE_BYTES);
	if (bytes === undefined) throw tooLarge();
	return new TextDecoder().decode(bytes);
}

/** Reads a stream up to `limit` bytes; undefined (and the stream cancelled) past it. */
async function readStream(
	stream: ReadableStream<Uint8Array> | null,
	limit: number
): Promise<Uint8Array | undefined> {
	if (!stream) return new Uint8Array();
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function parseEnvelope(text: string): RelayEnvelope {
	const bad = (what: string) => new Refusal('bad-envelope', 400, `Bad envelope: ${what}.`);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw bad('not JSON');
	}
	if (!isObject(value) || !isObject(value.request)) throw bad('no request');
	const { request } = value;
	if (typeof request.method !== 'string' || typeof request.url !== 'string')
		throw bad('method and url');
	if (
		!isObject(request.headers) ||
		!Object.values(request.headers).every((v) => typeof v === 'string')
	)
		throw bad('headers must be strings');
	if (request.body !== undefined) {
		const body = request.body;
		if (
			!isObject(body) ||
			(body.type !== 'form' && body.type !== 'json') ||
			!Array.isArray(body.fields) ||
			!body.fields.every(
				(f: unknown) => Array.isArray(f) && f.length === 2 && f.every((p) => typeof p === 'string')
			)
		)
			throw bad('body must be form or json fields');
	}
	if (value.useServerSecret !== undefined && typeof value.useServerSecret !== 'boolean')
		throw bad('useServerSecret must be a boolean');
	if (value.clientId !== undefined && typeof value.clientId !== 'string') throw bad('clientId');
	return value as unknown as RelayEnvelope;
}

/**
 * Only Spotify's token endpoint and Web API. Each rule is its own check so a refusal names it.
 * The URL must already be in canonical form, which rules out dot segments, default ports,
 * upper-case hosts and backslash tricks that a parser might read differently from a reader.
 */
function checkTarget(request: HttpRequestDescription): URL {
	const refuse = (reason: RelayRefusalReason, message: string) => new Refusal(reason, 403, message);
	let url: URL;
	try {
		url = new URL(request.url);
	} catch {
		throw new Refusal('bad-url', 400, 'The target is not an absolute URL.');
	}
	if (url.protocol !== 'https:') throw refuse('scheme-not-allowed', 'Only https is forwarded.');
	if (url.username !== '' || url.password !== '')
		throw refuse('userinfo-not-allowed', 'A URL with user information is not forwarded.');
	if (url.port !== '')
		throw refuse('port-not-allowed', 'Only the default https port is forwarded.');
	if (/^\[.*\]$/.test(url.hostname) || /^\d+(\.\d+){3}$/.test(url.hostname))
		throw refuse('ip-literal-not-allowed', 'IP addresses are not forwarded.');
	if (url.hostname !== ACCOUNTS_HOST && url.hostname !== API_HOST)
		throw refuse(
			'host-not-allowed',
			'Only accounts.spotify.com and api.spotify.com are forwarded.'
		);
	if (url.href !== request.url || url.hash !== '')
		throw refuse('url-not-canonical', 'The target URL must be given in canonical form.');
	const isToken = url.href === TOKEN_URL;
	if (!isToken && !(url.hostname === API_HOST && url.pathname.startsWith('/v1/')))
		throw refuse('path-not-allowed', 'Only /api/token and /v1/… are forwarded.');
	if (isToken ? request.method !== 'POST' : !API_METHODS.has(request.method))
		throw refuse('method-not-allowed', `${request.method} is not forwarded there.`);
	if (request.body && request.method === 'GET')
		throw new Refusal('bad-envelope', 400, 'Bad envelope: a GET has no body.');
	return url;
}

/** The request as it will be sent: forwarded headers only, and the server's Basic if asked. */
function withCredentials(
	envelope: RelayEnvelope,
	target: URL,
	callerOrigin: string | null,
	options: RelayOptions
): HttpRequestDescription {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(envelope.request.headers))
		if (FORWARDED_HEADERS.has(name.toLowerCase())) headers[name] = value;
	const request = { ...envelope.request, headers };
	if (!envelope.useServerSecret) return request;

	if (!options.clientSecret)
		throw new Refusal(
			'server-secret-unavailable',
			400,
			'SPOTIFY_CLIENT_SECRET is not set on the server.'
		);
	checkServerSecretCaller(callerOrigin, options);
	const carriesCredentials =
		getHeader(headers, 'authorization') !== undefined ||
		(request.body?.fields.some(([name]) => name === 'client_secret') ?? false);
	if (target.href !== TOKEN_URL || carriesCredentials)
		throw new Refusal(
			'credentials-conflict',
			400,
			'The server secret is added only to token requests that carry no credentials of their own.'
		);
	// The server's secret is used only for the app it belongs to, named by SPOTIFY_CLIENT_ID.
	if (!options.clientId)
		throw new Refusal(
			'server-secret-unavailable',
			400,
			'SPOTIFY_CLIENT_ID must be set with SPOTIFY_CLIENT_SECRET: the server secret is used only for its own app.'
		);
	const clientId = envelope.clientId ?? options.clientId;
	if (clientId !== options.clientId)
		throw new Refusal(
			'client-id-mismatch',
			403,
			'The client id is not the one SPOTIFY_CLIENT_ID names.'
		);
	headers.Authorization = basicAuthorization(clientId, options.clientSecret);
	return request;
}

/**
 * The server's secret is the owner's: it serves only this site's own pages (a browser sends
 * their Origin; curl and other programs send none) opened on this machine. Other machines need
 * the operator's GRANTWALK_RELAY_REMOTE=allow.
 */
function checkServerSecretCaller(callerOrigin: string | null, options: RelayOptions): void {
	const refuse = (why: string) =>
		new Refusal('server-secret-not-allowed', 403, `The server secret is not used here: ${why}`);
	if (callerOrigin !== options.origin)
		throw refuse(
			"the request does not come from this site's own pages (no Origin header, or another one). Use the explorer, or send your own client secret."
		);
	if (!options.allowRemote && !isLoopbackAddress(options.remoteAddress))
		throw refuse(
			'the request comes from another machine. Open the site on the server itself, or start the server with GRANTWALK_RELAY_REMOTE=allow to let every machine that reaches it use the secret.'
		);
}

/** 127.0.0.0/8 (also IPv4-mapped, ::ffff:127.0.0.1) and ::1, as Node reports a socket's peer. */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) return false;
	return address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(address);
}

async function forward(
	request: HttpRequestDescription,
	options: RelayOptions
): Promise<RelayAnswer> {
	const fetcher = options.fetch ?? fetch;
	let response: Response;
	try {
		response = await fetcher(request.url, {
			method: request.method,
			headers: request.headers,
			body: request.body ? encodeBody(request.body) : undefined,
			// A redirect could lead anywhere: never follow one.
			redirect: 'manual',
			signal: AbortSignal.timeout(options.timeoutMs ?? 15_000)
		});
	} catch {
		throw new Refusal('upstream-failed', 502, 'Spotify could not be reached.');
	}
	if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect') {
		await response.body?.cancel();
		throw new Refusal(
			'redirect-refused',
			502,
			'Spotify answered with a redirect; it is not followed.'
		);
	}
	let bytes: Uint8Array | undefined;
	try {
		bytes = await readStream(response.body, MAX_UPSTREAM_BYTES);
	} catch {
		// The connection dropped or timed out mid-answer: Spotify's answer is not whole.
		throw new Refusal('upstream-failed', 502, "Spotify's answer broke off before its end.");
	}
	if (bytes === undefined)
		throw new Refusal('upstream-too-large', 502, 'The answer is larger than the relay passes on.');
	const headers: Record<string, string> = {};
	// Everything but cookies: the learner sees the response whole, the browser keeps no state.
	response.headers.forEach((value, name) => {
		if (name !== 'set-cookie') headers[name] = value;
	});
	return {
		status: response.status,
		statusText: response.statusText,
		headers,
		body: new TextDecoder().decode(bytes)
	};
}

function json(status: number, value: unknown): Response {
	return new Response(JSON.stringify(value), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
