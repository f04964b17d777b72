import { describe, expect, it } from 'vitest';
import { cryptoRandom, randomString, seededRandom } from './random';

describe('seededRandom', () => {
	it('gives the same bytes for the same seed, across calls', () => {
		const a = seededRandom('s');
		const b = seededRandom('s');
		expect([...a(5), ...a(5)]).toEqual([...b(10)]);
	});

	it('gives other bytes for another seed', () => {
		expect([...seededRandom('s')(16)]).not.toEqual([...seededRandom('t')(16)]);
	});
});

describe('randomString', () => {
	it('draws from the alphabet only', () => {
		expect(randomString('xy', 50, seededRandom(3))).toMatch(/^[xy]{50}$/);
	});

	it('refuses an empty or oversized alphabet', () => {
		expect(() => randomString('', 1, cryptoRandom)).toThrow(RangeError);
		expect(() => randomString('a'.repeat(257), 1, cryptoRandom)).toThrow(RangeError);
	});
});
