import { describe, expect, it } from 'vitest';
import { maxSeedLength, seedCookie, seedCookieName, seedFromCookieValue } from './emulator-seed';

describe('the seed cookie', () => {
	it('is set for the whole site, SameSite=Lax, URL-encoded, and reads back as it was', () => {
		const cookie = seedCookie('class 2026; ü=1');
		expect(cookie).toBe(`${seedCookieName}=class%202026%3B%20%C3%BC%3D1; Path=/; SameSite=Lax`);
		const value = cookie.split(';')[0].slice(seedCookieName.length + 1);
		expect(seedFromCookieValue(value)).toBe('class 2026; ü=1');
	});

	it('is removed with null', () => {
		expect(seedCookie(null)).toBe(`${seedCookieName}=; Path=/; SameSite=Lax; Max-Age=0`);
	});

	it('refuses a seed the emulator would ignore, rather than lose it silently', () => {
		expect(() => seedCookie('')).toThrow(RangeError);
		expect(() => seedCookie('s'.repeat(maxSeedLength + 1))).toThrow(RangeError);
		expect(seedCookie('s'.repeat(maxSeedLength))).toContain('s'.repeat(maxSeedLength));
	});

	it('reads no seed from an absent, empty, mis-encoded or too long value', () => {
		for (const raw of [undefined, '', '%E0%A4%A', 's'.repeat(maxSeedLength + 1)])
			expect(seedFromCookieValue(raw), String(raw)).toBeNull();
	});
});
