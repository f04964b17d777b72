import { describe, expect, it } from 'vitest';
import { getSpotifyError } from '$lib/spotify/errors';
import { activeMistakes, teachingMistakeNames, teachingMistakes } from './mistakes';

describe('teaching mistakes', () => {
	it('describes every switch once, in the canonical order', () => {
		expect(teachingMistakes.map((m) => m.name)).toEqual([...teachingMistakeNames]);
	});

	it('names only catalogued errors', () => {
		for (const mistake of teachingMistakes)
			if (mistake.expectedError) expect(getSpotifyError(mistake.expectedError)).toBeDefined();
	});

	it('lists the switches that are on, and nothing by default', () => {
		expect(activeMistakes(undefined)).toEqual([]);
		expect(activeMistakes({ bodyAsJson: true, omitState: true, omitPkce: false })).toEqual([
			'omitState',
			'bodyAsJson'
		]);
	});
});
