// Serves the built site (adapter-node's handler) on plain HTTP. adapter-node assumes https when
// it cannot tell the protocol, which would make every request's origin https://… and break the
// same-origin checks of forms and the emulator. Unless ORIGIN or PROTOCOL_HEADER is configured
// (behind a TLS proxy), each request is marked as http here, whatever its Host.
import { createServer } from 'node:http';
import compression from 'compression';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	allowedHostNames,
	ensurePresenterKey,
	isAllowedHost as isAllowedHostName,
	reachableUrls,
	refusedHostMessage
} from '../src/lib/server/hosting.js';
import { networkInterfaces } from 'node:os';
import { securityHeaders } from '../src/lib/server/security-headers.js';

const marker = 'x-grantwalk-protocol';
const trustOwnMarker = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (trustOwnMarker) process.env.PROTOCOL_HEADER = marker;

const dir = process.env.GRANTWALK_BUILD_DIR ?? 'build';
const { handler } = await import(pathToFileURL(resolve(dir, 'handler.js')).href);

const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';

// Host names this server answers to besides IP literals (src/lib/server/hosting.js): a page on
// another name that resolves here (DNS rebinding) would otherwise count as same-origin, and could
// use the relay with the server's Spotify secret.
const allowedNames = allowedHostNames(process.env, host);

/** Is the Host header one this server answers to? */
export function isAllowedHost(hostHeader) {
	return isAllowedHostName(hostHeader, allowedNames);
}

// Shared settings of the emulator (every sandbox's demo apps, resetting every sandbox) need the
// presenter key whenever other machines can reach this server: one is made when none is given.
const presenter = ensurePresenterKey(process.env, host);

// Server-rendered pages go out compressed (brotli or gzip, as the browser accepts): a flow page's
// HTML is over 100 KB before. Static files are precompressed by the build; the emulator's small
// JSON answers (and anything streamed) are left alone, as compressing them costs more than it saves.
const compress = compression({
	filter: (req, res) => /^text\/html\b/.test(String(res.getHeader('content-type')))
});

const server = createServer((req, res) => {
	if (!isAllowedHost(req.headers.host)) {
		res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
		res.end(refusedHostMessage(req.headers.host));
		return;
	}
	// Set, never trusted from the client: a request cannot claim to have come over https.
	if (trustOwnMarker) req.headers[marker] = 'http';
	// Defaults for every response, prerendered pages and static files included (they bypass
	// hooks.server.ts). Pages and the emulator send their own values, which take precedence.
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
	compress(req, res, () =>
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		})
	);
});

server.listen(port, host, () => {
	// The port actually bound, so PORT=0 (any free port, as the tests use) says which it got.
	const bound = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	console.log(`Listening on http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
	// Beyond loopback, the addresses a class can open (HOST=0.0.0.0 names none of them).
	for (const url of reachableUrls(host, bound, networkInterfaces()))
		console.log(`  reachable at ${url}`);
	if (presenter.generated)
		console.log(
			`Presenter key (shared emulator settings; set GRANTWALK_PRESENTER_KEY to choose one): ${presenter.key}`
		);
});

for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => server.close(() => process.exit(0)));
