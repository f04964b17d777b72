import { describe, expect, it } from 'vitest';
import { flowSlugs } from '$lib/spotify/flows';
import { renderedFlowContent } from './flow-prose';

describe('renderedFlowContent', () => {
	// An `<!---->` inside {@html} ends the block early when the page hydrates: hydration then
	// fails and the browser renders the whole flow page again.
	it.each(flowSlugs)('%s: the HTML carries no hydration markers', async (slug) => {
		const content = await renderedFlowContent(slug);
		const html = [content.introHtml, ...content.steps.map((s) => s.html), content.securityHtml];
		for (const part of html) {
			expect(part.length).toBeGreaterThan(0);
			expect(part).not.toMatch(/<!--(?:\[!?-?\d*|\])?-->/);
		}
		expect(html.join('')).toContain('<p>');
	});
});
