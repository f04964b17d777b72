/**
 * Every byte and text encoding Grantwalk needs, once: base64 and base64url (RFC 4648 §4, §5), the
 * Basic credentials of RFC 7617, SHA-256 (FIPS 180-4) and the PKCE S256 challenge and verifier
 * alphabet (RFC 7636 §4.1, §4.2). Web APIs only (btoa, TextEncoder) and synchronous, so the same
 * code runs in the browser, in Node, in the emulator's synchronous token handler and in tests.
 * This folder sits below every other one and imports nothing.
 */

/** Standard base64 (RFC 4648 §4), with `=` padding. */
export function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** base64url without padding (RFC 4648 §5, as RFC 7636 appendix A asks for PKCE). */
export function base64url(bytes: Uint8Array): string {
	return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Standard base64 of the UTF-8 bytes of a string (what `Authorization: Basic` carries). */
export function base64Utf8(text: string): string {
	return base64(new TextEncoder().encode(text));
}

/** Decodes standard base64 to UTF-8 text, or undefined when it is not valid base64 or UTF-8. */
export function decodeBase64Utf8(value: string): string | undefined {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
	try {
		const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** `Authorization: Basic base64(client_id:client_secret)` (RFC 7617 §2; RFC 6749 §2.3.1). */
export function basicAuthorization(clientId: string, clientSecret: string): string {
	return `Basic ${base64Utf8(`${clientId}:${clientSecret}`)}`;
}

const K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

/** SHA-256 (FIPS 180-4 §6.2), synchronous; the tests compare it with node:crypto. */
export function sha256(message: Uint8Array): Uint8Array {
	const length = message.length;
	const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6);
	padded.set(message);
	padded[length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
	view.setUint32(padded.length - 4, (length << 3) >>> 0);
	const h = new Uint32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	const w = new Uint32Array(64);
	const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
	for (let offset = 0; offset < padded.length; offset += 64) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
		for (let i = 16; i < 64; i++) {
			const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
			const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		let [a, b, c, d, e, f, g, hh] = h;
		for (let i = 0; i < 64; i++) {
			const t1 =
				(hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
			const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
			[hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
		}
		const next = [a, b, c, d, e, f, g, hh];
		for (let i = 0; i < 8; i++) h[i] = (h[i] + next[i]) >>> 0;
	}
	const out = new Uint8Array(32);
	const outView = new DataView(out.buffer);
	for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
	return out;
}

/** Lower-case hex of bytes (the digest developers mistake for the challenge). */
export function hex(bytes: Uint8Array): string {
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 7636 §4.1 `unreserved` characters, the only ones a verifier may use. */
export const VERIFIER_ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
export const VERIFIER_MIN_LENGTH = 43;
export const VERIFIER_MAX_LENGTH = 128;
/** RFC 7636 §4.1: 43 to 128 characters of [A-Z] [a-z] [0-9] - . _ ~ */
export const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A character a verifier may not hold. */
export const NON_VERIFIER_CHARACTER = /[^A-Za-z0-9\-._~]/;

/** True when `value` is a well-formed verifier (RFC 7636 §4.1: 43–128 unreserved characters). */
export function isValidCodeVerifier(value: string): boolean {
	return VERIFIER_PATTERN.test(value);
}

/** S256: BASE64URL(SHA256(ASCII(code_verifier))), no padding (RFC 7636 §4.2). */
export function s256Challenge(verifier: string): string {
	return base64url(sha256(new TextEncoder().encode(verifier)));
}

/** The classic bug: the same digest in standard base64, with `+`, `/` and `=` (reference §4). */
export function s256StandardBase64(verifier: string): string {
	return base64(sha256(new TextEncoder().encode(verifier)));
}

/** An S256 challenge's shape: 43 base64url characters, no padding. */
export const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
