import { describe, expect, it } from 'vitest';
import { generateState, stateMatches } from './state';
import { seededRandom } from './random';

describe('generateState', () => {
	it('is 22 alphanumeric characters', () => {
		expect(generateState({ random: seededRandom('shape') })).toMatch(/^[A-Za-z0-9]{22}$/);
	});

	it('repeats for a seed (deterministic mode)', () => {
		expect(generateState({ random: seededRandom(7) })).toBe(
			generateState({ random: seededRandom(7) })
		);
		expect(generateState({ random: seededRandom(7) })).not.toBe(
			generateState({ random: seededRandom(8) })
		);
	});
});

describe('stateMatches', () => {
	it.each([
		['abc', 'abc', true],
		['abc', 'abd', false],
		['abc', 'ab', false],
		['abc', 'abcd', false],
		['abc', '', false],
		['abc', undefined, false],
		['', '', false]
	])('%s vs %s -> %s', (expected, received, result) => {
		expect(stateMatches(expected, received)).toBe(result);
	});
});
