/** The emulator's paths below its mount point, shared by the router and the control API. */

import type { EmuRequest } from './types';

/** The request's path: what node.ts read from the request line, else the parsed URL's. */
export function pathnameOf(request: EmuRequest): string {
	return request.pathname ?? request.url.pathname;
}

/** `/authorize`, or a locale-prefixed `/en/authorize` as observed (reference §1). */
export const authorizePath = /^\/accounts(?:\/[a-z]{2}(?:-[A-Za-z]{2})?)?\/authorize\/?$/;

/** The part of `path` below `prefix` ('' for the prefix itself), or null when it is not below. */
export function under(path: string, prefix: string): string | null {
	if (path === prefix) return '';
	// No `prefix + '/'` string made on every request: the slash is checked by its code (47).
	return path.charCodeAt(prefix.length) === 47 && path.startsWith(prefix)
		? path.slice(prefix.length)
		: null;
}
