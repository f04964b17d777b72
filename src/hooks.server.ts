import { text, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { parseCookies } from '$lib/server/emulator/cookies';
import {
	isSandboxId,
	newSandboxId,
	sandboxCookie,
	sandboxCookieName
} from '$lib/server/emulator/sandbox';
import { RESERVED_ACTION } from '$lib/server/form-data';
import { securityHeaders } from '$lib/server/security-headers.js';
import { maskSecretShapes } from '$lib/core/masking';

/** Paths that answer other origins on purpose: the Spotify emulator, like Spotify itself. */
const crossOriginPaths = ['/emulator/'];
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * SvelteKit's CSRF check, minus the emulator: a form POST (or PUT, PATCH, DELETE) from another
 * origin is refused on every page of the site. kit.csrf.checkOrigin is off so the emulator's
 * token endpoint can take cross-site requests as Spotify's does.
 */
function isCrossSiteForm(request: Request, url: URL): boolean {
	if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
	if (crossOriginPaths.some((p) => url.pathname.startsWith(p))) return false;
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	return formTypes.includes(type) && request.headers.get('origin') !== url.origin;
}

/**
 * SvelteKit answers a POST to `?/default` (a reserved action name) with a 500 before any action
 * runs. Such a request goes to the default action instead, marked, and the page answers 400.
 */
function withoutReservedAction(event: RequestEvent): RequestEvent {
	const url = new URL(event.request.url);
	if (event.request.method !== 'POST' || !url.searchParams.has(RESERVED_ACTION)) return event;
	url.searchParams.delete(RESERVED_ACTION);
	event.locals.reservedAction = true;
	const { method, headers, body, signal } = event.request;
	const request = new Request(url, {
		method,
		headers,
		body,
		signal,
		duplex: 'half'
	} as RequestInit);
	return { ...event, request };
}

/**
 * Security headers for every response SvelteKit renders (DESIGN.md, security rules). The CSP
 * itself, with frame-ancestors, comes from `kit.csp` in svelte.config.js; responses that set
 * their own headers (the emulator's pages) keep them.
 */
export const handle: Handle = async ({ event, resolve }) => {
	if (isCrossSiteForm(event.request, event.url))
		return text(`Cross-site ${event.request.method} form submissions are forbidden`, {
			status: 403
		});
	const response = await resolve(withoutReservedAction(event));
	const headers = response.headers;
	for (const [name, value] of Object.entries(securityHeaders))
		if (!headers.has(name)) headers.set(name, value);
	// The callback URL carries the code and state: never leak it in a Referer.
	if (event.url.pathname === '/callback') headers.set('referrer-policy', 'no-referrer');
	giveSandbox(event, headers);
	return response;
};

/**
 * Each browser gets its own emulator sandbox (sandbox.ts) with its first page: a random id in
 * an HttpOnly cookie, which the emulator reads. The emulator's own paths decide for themselves
 * (curl and developers' apps there use the default sandbox).
 */
function giveSandbox(event: RequestEvent, headers: Headers): void {
	if (crossOriginPaths.some((p) => event.url.pathname.startsWith(p))) return;
	if (!headers.get('content-type')?.startsWith('text/html')) return;
	const existing = parseCookies(event.request.headers.get('cookie')).get(sandboxCookieName);
	if (isSandboxId(existing)) return;
	headers.append('set-cookie', sandboxCookie(newSandboxId()));
}

/**
 * SvelteKit's own log line for a failed request (`[404] GET /path`, and the stack of a 500),
 * with secret-shaped values masked: the path is what the visitor typed, and a secret or token
 * pasted into it must not reach the server's log.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const line = `[${status}] ${event.request.method} ${event.url.pathname}`;
	const detail = status === 404 ? '' : `\n${error instanceof Error ? error.stack : String(error)}`;
	console.error(maskSecretShapes(line + detail));
};
