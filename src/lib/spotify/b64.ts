/**
 * base64 helpers for the inspectors. The protocol layer (src/lib/oauth/encoding.ts) has the same;
 * this layer sits below it and must not import it.
 */

/** Standard base64 (RFC 4648 §4), with padding. */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** base64url without padding (RFC 4648 §5), as RFC 7636 uses for the S256 challenge. */
export function toBase64url(bytes: Uint8Array): string {
	return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Standard base64 to UTF-8 text; undefined when it is not valid base64 or not UTF-8. */
export function fromBase64Text(value: string): string | undefined {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
	try {
		const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}
