/**
 * Byte and text encodings the protocol needs, written against Web APIs only (btoa, TextEncoder)
 * so the same code runs in the browser, in Node and in tests.
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
		const binary = atob(value);
		const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return undefined;
	}
}
