// Serves the built site (adapter-node's handler) on plain HTTP. adapter-node assumes https when
// it cannot tell the protocol, which would make every request's origin https://… and break the
// same-origin checks of forms and the emulator. Unless ORIGIN or PROTOCOL_HEADER is configured
// (behind a TLS proxy), each request is marked as http here, whatever its Host.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from '../src/lib/server/security-headers.js';

const marker = 'x-grantwalk-protocol';
const trustOwnMarker = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (trustOwnMarker) process.env.PROTOCOL_HEADER = marker;

const dir = process.env.GRANTWALK_BUILD_DIR ?? 'build';
const { handler } = await import(pathToFileURL(resolve(dir, 'handler.js')).href);

const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';

/**
 * Host names this server answers to. A page on another name that resolves here (DNS rebinding)
 * would otherwise count as same-origin, and could use the relay with the server's Spotify
 * secret. IP literals cannot be rebound, so they always pass (a workshop on a LAN address);
 * names must be localhost, HOST, ORIGIN's host or one listed in GRANTWALK_ALLOWED_HOSTS.
 */
const allowedNames = new Set(
	[
		'localhost',
		host,
		process.env.ORIGIN && new URL(process.env.ORIGIN).hostname,
		...(process.env.GRANTWALK_ALLOWED_HOSTS ?? '').split(',')
	]
		.map((name) => name?.trim().toLowerCase())
		.filter(Boolean)
);

/** Is the Host header one this server answers to? */
export function isAllowedHost(hostHeader) {
	if (!hostHeader) return false;
	let name;
	try {
		name = new URL(`http://${hostHeader}`).hostname.toLowerCase();
	} catch {
		return false;
	}
	const ipLiteral = /^\[[0-9a-f:.]+\]$/.test(name) || /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
	return ipLiteral || allowedNames.has(name);
}

const server = createServer((req, res) => {
	if (!isAllowedHost(req.headers.host)) {
		res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
		res.end(
			`This server does not answer to the host name ${JSON.stringify(req.headers.host ?? '')}. ` +
				'Open it by its IP address or localhost, or list the name in GRANTWALK_ALLOWED_HOSTS.\n'
		);
		return;
	}
	// Set, never trusted from the client: a request cannot claim to have come over https.
	if (trustOwnMarker) req.headers[marker] = 'http';
	// Defaults for every response, prerendered pages and static files included (they bypass
	// hooks.server.ts). Pages and the emulator send their own values, which take precedence.
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	// The port actually bound, so PORT=0 (any free port, as the tests use) says which it got.
	const bound = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
	console.log(`Listening on http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
});

for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => server.close(() => process.exit(0)));
