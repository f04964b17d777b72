import type { Handle } from '@sveltejs/kit';

/**
 * Security headers for every response SvelteKit renders (DESIGN.md, security rules). The CSP
 * itself, with frame-ancestors, comes from `kit.csp` in svelte.config.js; responses that set
 * their own headers (the emulator's pages) keep them.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const isCallback = event.url.pathname === '/callback';
	// The callback URL carries the code and state: never leak it in a Referer.
	if (isCallback || !headers.has('referrer-policy'))
		headers.set('referrer-policy', isCallback ? 'no-referrer' : 'strict-origin-when-cross-origin');
	if (!headers.has('x-content-type-options')) headers.set('x-content-type-options', 'nosniff');
	if (!headers.has('x-frame-options')) headers.set('x-frame-options', 'DENY');
	return response;
};
