import { describe, expect, it, vi } from 'vitest';
import {
	alterCodeVerifier,
	computeCodeChallenge,
	generateCodeVerifier,
	isValidCodeVerifier,
	VERIFIER_ALPHABET
} from './pkce';
import { base64url } from '$lib/core/encoding';
import { seededRandom } from './random';

// RFC 7636 appendix B.
const rfcOctets = [
	116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105,
	214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121
];
const rfcVerifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('RFC 7636 appendix B', () => {
	it('the 32 octets encode to the verifier', () => {
		expect(base64url(Uint8Array.from(rfcOctets))).toBe(rfcVerifier);
	});

	it('S256 challenge of the verifier', async () => {
		expect(await computeCodeChallenge(rfcVerifier)).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
	});

	it('standard base64 is the classic bug, only on request', async () => {
		expect(await computeCodeChallenge(rfcVerifier, { standardBase64Challenge: true })).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM='
		);
	});
});

describe('generateCodeVerifier', () => {
	it('is 64 unreserved characters from Web Crypto by default', () => {
		const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((array) => {
			const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
			bytes.forEach((_, i) => (bytes[i] = (i * 37) % 256));
			return array;
		});
		const verifier = generateCodeVerifier();
		expect(spy).toHaveBeenCalled();
		spy.mockRestore();
		expect(verifier).toHaveLength(64);
		expect(verifier).toMatch(/^[A-Za-z0-9\-._~]+$/);
		expect(isValidCodeVerifier(verifier)).toBe(true);
	});

	it.each([43, 100, 128])('honours length %i', (length) => {
		expect(generateCodeVerifier({ length, random: seededRandom(length) })).toHaveLength(length);
	});

	it.each([42, 129, 50.5])('refuses length %s', (length) => {
		expect(() => generateCodeVerifier({ length })).toThrow(RangeError);
	});

	it('repeats for a seed and differs between seeds', () => {
		const a = generateCodeVerifier({ random: seededRandom('workshop') });
		expect(generateCodeVerifier({ random: seededRandom('workshop') })).toBe(a);
		expect(generateCodeVerifier({ random: seededRandom('other') })).not.toBe(a);
	});

	it('uses the whole alphabet, and only it', () => {
		const seen = new Set(generateCodeVerifier({ length: 128, random: seededRandom(1) }));
		for (let seed = 2; seed < 40; seed++)
			for (const c of generateCodeVerifier({ length: 128, random: seededRandom(seed) }))
				seen.add(c);
		expect([...seen].sort().join('')).toBe([...VERIFIER_ALPHABET].sort().join(''));
	});

	it('skips bytes that would bias the choice', () => {
		// The largest multiple of 66 not above 256 is 198: bytes 198-255 are thrown away.
		const bytes = [255, 198, 0, 65];
		let i = 0;
		const random = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]);
		expect(generateCodeVerifier({ length: 43, random }).slice(0, 4)).toBe('A~A~');
	});
});

describe('isValidCodeVerifier', () => {
	it.each([
		['a'.repeat(42), false],
		['a'.repeat(43), true],
		['a'.repeat(128), true],
		['a'.repeat(129), false],
		['a'.repeat(42) + '+', false],
		['a'.repeat(42) + '=', false],
		['a'.repeat(42) + '~', true]
	])('%s -> %s', (value, valid) => {
		expect(isValidCodeVerifier(value)).toBe(valid);
	});
});

describe('alterCodeVerifier', () => {
	it('stays well formed and differs', () => {
		for (const verifier of [rfcVerifier, 'a'.repeat(42) + '~', 'x'.repeat(128)]) {
			const altered = alterCodeVerifier(verifier);
			expect(altered).not.toBe(verifier);
			expect(altered).toHaveLength(verifier.length);
			expect(isValidCodeVerifier(altered)).toBe(true);
		}
	});
});
