import { describe, expect, it } from 'vitest';
import { getSpotifyError } from '$lib/spotify/errors';
import { activeMistakes, teachingMistakeNames, teachingMistakes } from './mistakes';

describe('teaching mistakes', () => {
	it('describes every switch once, in the canonical order', () => {
		expect(teachingMistakes.map((m) => m.name)).toEqual([...teachingMistakeNames]);
	});

	it('gives every switch its own badge, and a place where it means something', () => {
		const labels = teachingMistakes.map((m) => m.label);
		expect(new Set(labels).size).toBe(labels.length);
		for (const mistake of teachingMistakes) expect(mistake.flows.length).toBeGreaterThan(0);
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
