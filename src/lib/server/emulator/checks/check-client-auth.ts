/**
 * /api/token client authentication (RFC 6749 §2.3.1): HTTP Basic, or client_id and client_secret
 * in the body; or, for PKCE, client_id alone (RFC 7636 public clients). Errors as reference §3.6.
 */
import { timingSafeEqual } from 'node:crypto';
import { findApp } from '../context';
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

function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

export const checkClientAuthenticated: TokenCheck = (ctx, state) => {
	const auth = readClientAuth(state.request, state.params);
	if (auth.method === 'malformed' || auth.method === 'none')
		return tokenError('invalid-client-malformed');
	const app = findApp(ctx, auth.clientId);
	if (!app) return tokenError('invalid-client-token');
	if (auth.method === 'secret' && !sameSecret(auth.secret, app.clientSecret))
		return tokenError('invalid-client-secret');
	state.app = app;
	state.confidential = auth.method === 'secret';
	return undefined;
};

/** Client credentials have no PKCE variant: the secret is the only proof (reference §3.5). */
export const checkConfidentialClient: TokenCheck = (_ctx, state) =>
	state.confidential ? undefined : tokenError('invalid-client-malformed');
