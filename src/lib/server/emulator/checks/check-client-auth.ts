/**
 * /api/token client authentication (RFC 6749 §2.3.1): HTTP Basic, or client_id and client_secret
 * in the body; or, for PKCE, client_id alone (RFC 7636 public clients). Errors as reference §3.6.
 */
import { findApp, type EmulatorContext } from '../context';
import { param } from '../form';
import { tokenError } from '../http';
import type { EmuRequest } from '../types';
import type { TokenCheck } from './token-state';

export type ClientAuth =
	| { method: 'secret'; clientId: string; secret: string }
	| { method: 'public'; clientId: string }
	| { method: 'none' }
	| { method: 'malformed' };

/** RFC 6749 §2.3.1 form-encodes id and secret before base64. */
function formDecode(value: string): string | null {
	if (!/[%+]/.test(value)) return value;
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return null;
	}
}

function hasControlOrInvalid(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c === 0x7f || c === 0xfffd) return true;
	}
	return false;
}

/** Reads the Basic header: anything but base64 of `id:secret` is malformed (reference §10 #7). */
export function readBasic(header: string): ClientAuth {
	const m = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
	if (!m || m[1].length % 4 === 1) return { method: 'malformed' };
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	// A newline from `echo` without -n, or bytes that are not UTF-8, make it malformed.
	if (hasControlOrInvalid(decoded)) return { method: 'malformed' };
	const colon = decoded.indexOf(':');
	if (colon <= 0 || colon === decoded.length - 1) return { method: 'malformed' };
	const clientId = formDecode(decoded.slice(0, colon));
	const secret = formDecode(decoded.slice(colon + 1));
	return clientId && secret ? { method: 'secret', clientId, secret } : { method: 'malformed' };
}

export function readClientAuth(request: EmuRequest, params: URLSearchParams): ClientAuth {
	const header = request.header('authorization');
	if (header !== null) return readBasic(header);
	const clientId = param(params, 'client_id');
	const secret = param(params, 'client_secret');
	if (clientId && secret) return { method: 'secret', clientId, secret };
	if (clientId) return { method: 'public', clientId };
	return { method: 'none' };
}

/**
 * Compares in time that depends on the lengths only (as crypto.timingSafeEqual, without the two
 * Buffers it needs on every request). Secrets here are well-formed strings (decoded UTF-8 or
 * hex), so equal UTF-16 code units mean equal secrets.
 */
function sameSecret(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

/**
 * A server sends the same Basic header on every request: its decoding (regex, base64, UTF-8
 * check, form decoding) is remembered, a few headers per emulator, only once the secret in it
 * proved right, so the cache holds no secret that the app's own record does not hold already.
 * The secret is still compared on every request: an app deleted or re-keyed is noticed.
 */
const basicCacheSize = 16;
const basicCaches = new WeakMap<object, Map<string, ClientAuth>>();

function basicCache(ctx: EmulatorContext): Map<string, ClientAuth> {
	let cache = basicCaches.get(ctx.config);
	if (!cache) basicCaches.set(ctx.config, (cache = new Map()));
	return cache;
}

function remember(cache: Map<string, ClientAuth>, header: string, auth: ClientAuth): void {
	if (cache.size >= basicCacheSize) cache.delete(cache.keys().next().value!);
	cache.set(header, auth);
}

export const checkClientAuthenticated: TokenCheck = (ctx, state) => {
	const header = state.request.header('authorization');
	const cache = basicCache(ctx);
	const cached = header === null ? undefined : cache.get(header);
	const auth = cached ?? readClientAuth(state.request, state.params);
	if (auth.method === 'malformed' || auth.method === 'none')
		return tokenError('invalid-client-malformed');
	const app = findApp(ctx, auth.clientId);
	if (!app) return tokenError('invalid-client-token');
	if (auth.method === 'secret' && !sameSecret(auth.secret, app.clientSecret))
		return tokenError('invalid-client-secret');
	if (header !== null && !cached && auth.method === 'secret') remember(cache, header, auth);
	state.app = app;
	state.confidential = auth.method === 'secret';
	return undefined;
};

/** Client credentials have no PKCE variant: the secret is the only proof (reference §3.5). */
export const checkConfidentialClient: TokenCheck = (_ctx, state) =>
	state.confidential ? undefined : tokenError('invalid-client-malformed');
