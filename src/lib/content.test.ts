import { describe, expect, it } from 'vitest';
import { flowSlugs, getFlow } from './spotify/flows';
import { getPage, loadFlowContent } from './content';

// The real content, compiled by mdsvex as the site compiles it, through the same checks.
describe('content', () => {
	it.each(flowSlugs)(
		'%s has an overview, steps and a security page that pass the checks',
		async (slug) => {
			const flow = await loadFlowContent(slug);
			expect(flow.slug).toBe(slug);
			expect(flow.title.length).toBeGreaterThan(0);
			expect(flow.steps.length).toBeGreaterThanOrEqual(getFlow(slug).userData ? 4 : 2);
			expect(flow.steps.map((s) => s.order)).toEqual(flow.steps.map((_, i) => i + 1));
		}
	);

	// The presenter console shows each step's notes: every step of every flow has real ones.
	it.each(flowSlugs)('%s has speaker notes for every step', async (slug) => {
		const flow = await loadFlowContent(slug);
		for (const step of flow.steps) {
			expect(step.notes, step.id).toMatch(/\S/);
			const sentences = step.notes.split(/(?<=[.?!)])\s+(?=[A-Z])/).length;
			expect(sentences, `${step.id}: 2 to 5 sentences`).toBeGreaterThanOrEqual(2);
			expect(step.notes.length, `${step.id}: short enough to read at a glance`).toBeLessThan(600);
		}
	});

	it('has the start page prose', () => {
		expect(getPage('home').title).toMatch(/OAuth/);
	});

	it('names a missing page', () => {
		expect(() => getPage('nope')).toThrow(/content\/pages\/nope\.md: is missing/);
	});
});
