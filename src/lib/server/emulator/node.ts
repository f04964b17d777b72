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
			// Concatenated, not resolved: a request target like //other.host/ stays a path.
			const target = req.url?.startsWith('/') ? req.url : '/';
			let url: URL;
			try {
				url = new URL(`http://${req.headers.host ?? ''}${target}`);
			} catch {
				url = new URL(`${fallbackOrigin}${target}`);
			}
			const request: EmuRequest = {
				method: (req.method ?? 'GET').toUpperCase(),
				url,
				header: (name) => {
					const value = req.headers[name];
					return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
				},
				body: tooBig ? '' : Buffer.concat(chunks).toString('utf8')
			};
			// The memory store answers synchronously: no promise on its hot path.
			if (emulator.handleShared)
				void emulator.handleShared(request).then((response) => send(res, response));
			else send(res, emulator.handleRaw(request));
		});
		req.on('error', () => res.destroy());
	};
}

function send(res: ServerResponse, response: EmuResponse): void {
	const headers: Record<string, string | string[]> = response.headers;
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
