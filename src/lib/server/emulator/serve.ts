/**
 * Listening on node:http: one function for the command line (`grantwalk-emulator`, `npm run
 * emulator`) and for `createSpotifyEmulator(...).listen()`. Like the site (scripts/serve.js),
 * unknown host names get 421, so a DNS-rebinding page cannot read the dashboard's secrets.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowedHostNames, isAllowedHost } from '../hosting.js';
import type { Emulator } from './index';
import { nodeListener } from './node';

export interface Listening {
	server: Server;
	/** The port it listens on: the one asked for, or the free one chosen for port 0. */
	port: number;
	/** `http://127.0.0.1:8080`, `http://[::1]:8080` */
	origin: string;
	/** The origin and the mount: `http://127.0.0.1:8080/emulator`. */
	base: string;
	close(): Promise<void>;
}

export function originOf(host: string, port: number): string {
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Listens on `host`:`port` (0 for a free port); rejects if the port is taken. */
export function listenEmulator(
	emulator: Emulator,
	port: number,
	host: string,
	env: Record<string, string | undefined> = {}
): Promise<Listening> {
	const names = allowedHostNames({ ...env, HOST: host }, host);
	// A client sends the same Host on every request: remember the last answer (isAllowedHost
	// parses a URL), so keep-alive load does not pay for it each time.
	let lastHost: string | undefined;
	let lastAllowed = false;
	const allowHost = (hostHeader: string | undefined): boolean => {
		if (hostHeader === undefined || hostHeader !== lastHost) {
			lastAllowed = isAllowedHost(hostHeader, names);
			lastHost = hostHeader;
		}
		return lastAllowed;
	};
	const server = createServer(nodeListener(emulator, originOf(host, port), allowHost));
	server.keepAliveTimeout = 65_000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const actual = (server.address() as AddressInfo).port;
			const origin = originOf(host, actual);
			resolve({
				server,
				port: actual,
				origin,
				base: `${origin}${emulator.context.config.mount}`,
				close: () =>
					new Promise<void>((done, fail) => {
						server.close((error) => (error ? fail(error) : done()));
						// Keep-alive connections (a browser's, a fetch's) would hold close() open.
						server.closeAllConnections();
					})
			});
		});
	});
}
