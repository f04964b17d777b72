import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	base64,
	base64Utf8,
	base64url,
	basicAuthorization,
	decodeBase64Utf8,
	hex,
	isValidCodeVerifier,
	s256Challenge,
	s256StandardBase64,
	sha256,
	VERIFIER_ALPHABET
} from './encoding';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('base64 and base64url', () => {
	it('encodes with and without padding, + / versus - _', () => {
		const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
		expect(base64(bytes)).toBe('+/+/');
		expect(base64url(bytes)).toBe('-_-_');
		expect(base64(utf8('a'))).toBe('YQ==');
		expect(base64url(utf8('a'))).toBe('YQ');
	});
	it('round-trips UTF-8 text and refuses what is not base64', () => {
		expect(decodeBase64Utf8(base64Utf8('id:sé'))).toBe('id:sé');
		expect(decodeBase64Utf8('not base64!')).toBeUndefined();
		expect(decodeBase64Utf8('YQ')).toBeUndefined();
	});
	it('builds the Basic header from id and secret', () => {
		expect(basicAuthorization('client123', 'secret456')).toBe('Basic Y2xpZW50MTIzOnNlY3JldDQ1Ng==');
	});
});

describe('sha256', () => {
	it('matches node:crypto for lengths around the block boundaries', () => {
		for (const n of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
			const input = utf8('x'.repeat(n));
			expect(hex(sha256(input))).toBe(createHash('sha256').update(input).digest('hex'));
		}
	});
});

describe('S256 (RFC 7636 appendix B)', () => {
	const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
	it('gives the RFC challenge, and the classic standard-base64 variant', () => {
		expect(s256Challenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
		expect(s256StandardBase64(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=');
		expect(hex(sha256(utf8(verifier)))).toBe(
			'13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3'
		);
	});
	it('knows the verifier alphabet and lengths', () => {
		expect(VERIFIER_ALPHABET).toHaveLength(66);
		expect(isValidCodeVerifier(verifier)).toBe(true);
		expect(isValidCodeVerifier(verifier.slice(1))).toBe(false);
		expect(isValidCodeVerifier('a'.repeat(128))).toBe(true);
		expect(isValidCodeVerifier('a'.repeat(129))).toBe(false);
		expect(isValidCodeVerifier(`${verifier}+`)).toBe(false);
	});
});
