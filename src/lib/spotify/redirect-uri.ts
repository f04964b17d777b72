/**
 * Spotify's redirect-URI rules (shared/spotify-reference.md §5): which URIs are secure, and when a
 * requested URI matches a registered one. Pure string logic, shared by the emulator's /authorize,
 * its dashboard and the redirect-URI linter.
 */

/** The parts of a URI reference, split as RFC 3986 Appendix B does, without normalising. */
export interface RawUri {
	scheme: string;
	/** Everything between `//` and the path, or null when the URI has no authority. */
	authority: string | null;
	/** The host as written (`[::1]` keeps its brackets), lower-cased. */
	host: string;
	/** The port as written, or null. */
	port: string | null;
	path: string;
	query: string | null;
	fragment: string | null;
}

const uriPattern = /^([A-Za-z][A-Za-z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/** Schemes that would run code or read local data if a browser were redirected to them. */
const dangerousSchemes = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about']);

const loopbackLiterals = new Set(['127.0.0.1', '[::1]']);

/** Splits a URI without normalising it (RFC 3986 Appendix B); null when it is not absolute. */
export function splitUri(value: string): RawUri | null {
	const m = uriPattern.exec(value);
	if (!m) return null;
	const authority = m[2] ?? null;
	let host = '';
	let port: string | null = null;
	if (authority !== null) {
		const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
		const hp = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort);
		host = (hp?.[1] ?? '').toLowerCase();
		port = hp?.[2] ?? null;
	}
	return {
		scheme: m[1].toLowerCase(),
		authority,
		host,
		port,
		path: m[3],
		query: m[4] ?? null,
		fragment: m[5] ?? null
	};
}

export function isLoopbackLiteral(host: string): boolean {
	return loopbackLiterals.has(host);
}

/** Why a URI is refused or accepted; the linter explains each. */
export type RedirectUriVerdict =
	| { ok: true; kind: 'https' | 'loopback-http' | 'custom-scheme' | 'http-legacy' }
	| { ok: false; problem: 'illegal'; reason: 'not-a-uri' | 'dangerous-scheme' | 'fragment' }
	| {
			ok: false;
			problem: 'insecure';
			reason: 'localhost' | 'loopback-alias' | 'private-network' | 'public-http' | 'custom-scheme';
	  };

export interface SecurityRules {
	/** `secure-only`: the 2025 rules; `any`: http accepted (rules before 2025-04-09). */
	security: 'secure-only' | 'any';
	/** Treat custom schemes as insecure, as one Android report saw (reference §5.1). */
	customSchemesInsecure?: boolean;
}

function isLocalhostName(host: string): boolean {
	return host === 'localhost' || host.endsWith('.localhost');
}

function isPrivateOrLoopbackIp(host: string): 'loopback' | 'private' | null {
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		if (a === 127) return 'loopback';
		if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
		if (a === 169 && b === 254) return 'private';
		return null;
	}
	if (host.startsWith('[')) {
		if (/^\[(0*:)*:?0*1\]$/.test(host)) return 'loopback';
		if (/^\[f[cd]|^\[fe[89ab]/.test(host)) return 'private';
	}
	return null;
}

/**
 * Is the URI one Spotify accepts as a redirect target (reference §5.1 and the validator of §5.3)?
 * https, or http on 127.0.0.1 / [::1]; localhost and its aliases are refused even over https.
 */
export function checkRedirectUri(value: string, rules: SecurityRules): RedirectUriVerdict {
	const uri = splitUri(value);
	// Printable ASCII only: a space, a control character or a raw non-ASCII character is not a
	// URI (RFC 3986 §2), and could never travel in a Location header anyway.
	if (!uri || !/^[\x21-\x7e]+$/.test(value) || !canParse(value))
		return { ok: false, problem: 'illegal', reason: 'not-a-uri' };
	if (dangerousSchemes.has(uri.scheme))
		return { ok: false, problem: 'illegal', reason: 'dangerous-scheme' };
	if (uri.fragment !== null) return { ok: false, problem: 'illegal', reason: 'fragment' };
	const web = uri.scheme === 'http' || uri.scheme === 'https';
	if (web && !uri.host) return { ok: false, problem: 'illegal', reason: 'not-a-uri' };
	if (!web) {
		return rules.customSchemesInsecure && rules.security === 'secure-only'
			? { ok: false, problem: 'insecure', reason: 'custom-scheme' }
			: { ok: true, kind: 'custom-scheme' };
	}
	if (rules.security === 'any')
		return { ok: true, kind: uri.scheme === 'https' ? 'https' : 'http-legacy' };
	if (isLocalhostName(uri.host)) return { ok: false, problem: 'insecure', reason: 'localhost' };
	if (uri.scheme === 'https') return { ok: true, kind: 'https' };
	if (isLoopbackLiteral(uri.host)) return { ok: true, kind: 'loopback-http' };
	const ip = isPrivateOrLoopbackIp(uri.host);
	if (ip === 'loopback') return { ok: false, problem: 'insecure', reason: 'loopback-alias' };
	if (ip === 'private') return { ok: false, problem: 'insecure', reason: 'private-network' };
	return { ok: false, problem: 'insecure', reason: 'public-http' };
}

function canParse(value: string): boolean {
	try {
		new URL(value);
		return true;
	} catch {
		return false;
	}
}

/** Ports a loopback redirect may add: 1 to 65535, digits only. */
function isPort(value: string): boolean {
	return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
}

/**
 * Does a requested redirect URI match a registered one? Exactly, byte for byte; except that a
 * loopback IP literal registered without a port accepts any port (reference §5.1, RFC 8252 §7.3).
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
	if (registered === requested) return true;
	const reg = splitUri(registered);
	if (!reg || reg.port !== null || !isLoopbackLiteral(reg.host)) return false;
	if (reg.scheme !== 'http' && reg.scheme !== 'https') return false;
	// Rebuild the requested URI without its port and compare the raw strings.
	const prefix = `${registered.slice(0, registered.indexOf('//') + 2)}${reg.authority}`;
	if (!requested.startsWith(prefix + ':')) return false;
	const rest = requested.slice(prefix.length + 1);
	const port = /^\d*/.exec(rest)?.[0] ?? '';
	return isPort(port) && prefix + rest.slice(port.length) === registered;
}

/** The registered URI a request matches, if any. */
export function findMatchingRedirectUri(
	registered: readonly string[],
	requested: string
): string | undefined {
	return registered.find((r) => redirectUriMatches(r, requested));
}
