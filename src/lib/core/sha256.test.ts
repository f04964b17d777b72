import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeCodeChallenge } from '$lib/oauth/pkce';
import { sha256 } from './encoding';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256 in plain JavaScript (for pages without crypto.subtle: http on a LAN address)', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('matches FIPS 180-4 examples and node:crypto on every length around a block', () => {
		expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		for (let length = 0; length < 200; length++) {
			const data = randomBytes(length);
			expect(hex(sha256(data)), `length ${length}`).toBe(
				createHash('sha256').update(data).digest('hex')
			);
		}
	});

	it('gives the RFC 7636 appendix B challenge when Web Crypto is missing', async () => {
		vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues });
		expect(globalThis.crypto.subtle).toBeUndefined();
		expect(await computeCodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
			'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
		);
	});
});
