/**
 * Serving the emulator with node:http alone (npm run emulator, the benchmark). Builds the core's
 * plain request straight from IncomingMessage: no Web Request objects on the hot path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusedHostMessage } from '../hosting.js';
import { maxBodyBytes, type Emulator, type EmuRequest, type EmuResponse } from './index';

/** `allowHost`, when given, refuses other Host headers with 421 (as scripts/serve.js does). */
export function nodeListener(
	emulator: Emulator,
	fallbackOrigin: string,
	allowHost?: (hostHeader: string | undefined) => boolean
) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		if (allowHost && !allowHost(req.headers.host)) {
			res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(refusedHostMessage(req.headers.host));
			req.resume();
			return;
		}
		const chunks: Buffer[] = [];
		let size = 0;
		let tooBig = Number(req.headers['content-length'] ?? 0) > maxBodyBytes;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBodyBytes) tooBig = true;
			else if (!tooBig) chunks.push(chunk);
		});
		req.on('end', () => {
			const body = tooBig
				? ''
				: chunks.length === 1
					? chunks[0].toString('utf8')
					: Buffer.concat(chunks).toString('utf8');
			const request = new NodeRequest(req, body, fallbackOrigin);
			// The memory store answers synchronously: no promise on its hot path.
			if (emulator.handleShared)
				void emulator.handleShared(request).then((response) => send(res, response));
			else send(res, emulator.handleRaw(request));
		});
		req.on('error', () => res.destroy());
	};
}

/**
 * The core's request over an IncomingMessage: a class, so that nothing is made per request but
 * the object itself, and the URL is parsed only when a handler reads it (the token endpoint
 * needs the path alone).
 */
class NodeRequest implements EmuRequest {
	readonly method: string;
	readonly pathname?: string;
	readonly body: string;
	readonly #req: IncomingMessage;
	readonly #target: string;
	readonly #fallbackOrigin: string;
	#url: URL | undefined;

	constructor(req: IncomingMessage, body: string, fallbackOrigin: string) {
		this.#req = req;
		this.method = (req.method ?? 'GET').toUpperCase();
		this.body = body;
		// Concatenated, not resolved: a request target like //other.host/ stays a path.
		this.#target = req.url?.startsWith('/') ? req.url : '/';
		this.#fallbackOrigin = fallbackOrigin;
		const pathname = plainPathname(req.headers.host, this.#target);
		if (pathname !== null) this.pathname = pathname;
	}

	get url(): URL {
		if (!this.#url)
			try {
				this.#url = new URL(`http://${this.#req.headers.host ?? ''}${this.#target}`);
			} catch {
				this.#url = new URL(`${this.#fallbackOrigin}${this.#target}`);
			}
		return this.#url;
	}

	header(name: string): string | null {
		const value = this.#req.headers[name];
		return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
	}
}

// One alternative per character (linear time); a dot only where a letter or digit follows it.
const plainPath = /^\/(?:[A-Za-z0-9_~/-]|\.(?=[A-Za-z0-9_~-]))*$/;
const plainHost = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The pathname `new URL` would give, read off the request target, when that is certain: a plain
 * path (no percent-encoding, backslash or dot segment for the URL parser to rewrite) under a
 * plain Host (an empty or odd one could make part of the path its host). Else null: parse.
 */
export function plainPathname(host: string | undefined, target: string): string | null {
	const end = target.search(/[?#]/);
	const path = end < 0 ? target : target.slice(0, end);
	return host && plainHost.test(host) && plainPath.test(path) ? path : null;
}

function send(res: ServerResponse, response: EmuResponse): void {
	// A copy, since response.headers may be shared (http.ts tokenJson). A body's length is known:
	// Content-Length spares the client chunk parsing and the server a write per chunk.
	const headers: Record<string, string | string[]> = { ...response.headers };
	if (response.body !== '') headers['content-length'] = String(Buffer.byteLength(response.body));
	if (response.cookies?.length) headers['set-cookie'] = response.cookies;
	try {
		res.writeHead(response.status, headers);
		res.end(response.body);
	} catch {
		// A header Node refuses must cost one response, never the process.
		if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
		res.end('{"error":"server_error"}');
	}
}
