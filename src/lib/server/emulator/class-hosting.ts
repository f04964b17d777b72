/**
 * A class served on a LAN address or a DNS name over http (`http://192.168.1.20:5173`,
 * `http://workshop.test:5173`): Spotify refuses such redirect URIs as insecure (https, or http on
 * 127.0.0.1 / [::1] only), so the flows could not come back to the site's own /callback. The
 * emulator's demo apps (the seeded ones) therefore also accept redirect URIs on the site's own
 * origin — the emulator's origin, whose Host the server has already checked (GRANTWALK_ALLOWED_HOSTS,
 * or an IP literal) — and register `<origin>/callback`. Every other app, and every other URI,
 * follows Spotify's rules exactly; the flow page says what real Spotify would answer.
 */
import { isLoopbackHost } from '../hosting.js';
import type { EmulatorContext } from './context';
import type { App } from './types';

/** Is the emulator's origin one a class is hosted on over plain http (not loopback)? */
export function isClassOrigin(ctx: EmulatorContext, origin: string): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false;
	}
	if (url.protocol !== 'http:') return false;
	const host = url.hostname.toLowerCase();
	if (isLoopbackHost(host) || host === 'localhost' || host.endsWith('.localhost')) return false;
	const ipLiteral = /^\[[0-9a-f:.]+\]$/.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
	return ipLiteral || ctx.config.classHosts.includes(host);
}

/** Does the class-hosting exception cover `uri` for `app`, seen from the emulator's `origin`? */
export function onClassOrigin(
	ctx: EmulatorContext,
	app: App,
	origin: string,
	uri: string
): boolean {
	return app.seeded && uri.startsWith(`${origin}/`) && isClassOrigin(ctx, origin);
}

/** The redirect URIs `app` accepts from `origin`: its registered ones and, for a class, the callback. */
export function registeredFor(ctx: EmulatorContext, app: App, origin: string): string[] {
	const callback = `${origin}/callback`;
	return onClassOrigin(ctx, app, origin, callback)
		? [...app.redirectUris, callback]
		: app.redirectUris;
}
