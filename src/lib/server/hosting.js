// Where the server listens and which names it answers to: shared by scripts/serve.js (the site),
// scripts/emulator.ts (the emulator alone) and the emulator's configuration. Plain JavaScript,
// because serve.js runs under node without a build step.
import { randomBytes } from 'node:crypto';

/**
 * A loopback address or name: 127.0.0.0/8, ::1 or localhost.
 * @param {string} name
 */
export function isLoopbackHost(name) {
	const bare = name.toLowerCase().replace(/^\[|\]$/g, '');
	return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * Does a server bound to `host` (HOST, --host) accept connections from other machines?
 * @param {string | undefined} host
 */
export function listensBeyondLoopback(host) {
	return !isLoopbackHost(host ?? '127.0.0.1');
}

/**
 * The host names a server answers to besides IP literals: localhost, the address it listens on,
 * ORIGIN's host and GRANTWALK_ALLOWED_HOSTS (comma-separated), lower-case.
 * @param {Record<string, string | undefined>} env
 * @param {string} host
 * @returns {Set<string>}
 */
export function allowedHostNames(env, host) {
	let originHost = '';
	try {
		originHost = env.ORIGIN ? new URL(env.ORIGIN).hostname : '';
	} catch {
		originHost = '';
	}
	return new Set(
		['localhost', host, originHost, ...(env.GRANTWALK_ALLOWED_HOSTS ?? '').split(',')]
			.map((name) => name?.trim().toLowerCase())
			.filter(Boolean)
	);
}

/**
 * Is the Host header one this server answers to? IP literals cannot be rebound, so they always
 * pass (a workshop on a LAN address); names must be in `names` (allowedHostNames). A page on
 * another name that resolves here (DNS rebinding) would otherwise count as same-origin.
 * @param {string | undefined} hostHeader
 * @param {Set<string>} names
 */
export function isAllowedHost(hostHeader, names) {
	if (!hostHeader) return false;
	let name;
	try {
		name = new URL(`http://${hostHeader}`).hostname.toLowerCase();
	} catch {
		return false;
	}
	const ipLiteral = /^\[[0-9a-f:.]+\]$/.test(name) || /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
	return ipLiteral || names.has(name);
}

/**
 * The 421 answer's text for a refused Host.
 * @param {string | undefined} hostHeader
 */
export function refusedHostMessage(hostHeader) {
	return (
		`This server does not answer to the host name ${JSON.stringify(hostHeader ?? '')}. ` +
		'Open it by its IP address or localhost, or list the name in GRANTWALK_ALLOWED_HOSTS.\n'
	);
}

/**
 * The presenter key (GRANTWALK_PRESENTER_KEY) a server starts with: the one given, else, when it
 * listens beyond loopback, a new random one (to be printed, so the presenter can use it), else
 * none (on one's own machine, shared settings need no key). Sets env.GRANTWALK_PRESENTER_KEY, so
 * the emulator created later in the same process reads it.
 * @param {Record<string, string | undefined>} env
 * @param {string} host
 * @returns {{ key: string | null, generated: boolean }}
 */
export function ensurePresenterKey(env, host) {
	const given = env.GRANTWALK_PRESENTER_KEY?.trim();
	if (given) return { key: given, generated: false };
	if (!listensBeyondLoopback(host)) return { key: null, generated: false };
	const key = randomBytes(18).toString('base64url');
	env.GRANTWALK_PRESENTER_KEY = key;
	return { key, generated: true };
}

/**
 * The addresses attendees can open when the server listens on every interface (`0.0.0.0` or
 * `::`): the machine's non-internal IPv4 addresses, as `http://<address>:<port>`. For one
 * address, just that one; for loopback, none (the start-up line already names it).
 * @param {string} host
 * @param {number} port
 * @param {Record<string, { address: string, family: string | number, internal: boolean }[] | undefined>} interfaces
 * @returns {string[]}
 */
export function reachableUrls(host, port, interfaces) {
	if (!listensBeyondLoopback(host)) return [];
	if (host !== '0.0.0.0' && host !== '::')
		return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
	return Object.values(interfaces)
		.flatMap((list) => list ?? [])
		.filter((i) => !i.internal && (i.family === 'IPv4' || i.family === 4))
		.map((i) => `http://${i.address}:${port}`);
}
