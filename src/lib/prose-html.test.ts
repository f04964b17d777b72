import { describe, expect, it } from 'vitest';
import { transport } from '../hooks';
import { ProseHtml } from './prose-html';

describe('ProseHtml through the page data', () => {
	const { encode, decode } = transport.ProseHtml;
	const roundTrip = (value: ProseHtml) => decode(encode(value)) as ProseHtml;

	it('HTML that is in the page is left out of its data, and still hydrates', () => {
		const inPage = new ProseHtml('<p>Long explanation</p>', false);
		expect(JSON.stringify(encode(inPage))).not.toContain('explanation');
		expect(roundTrip(inPage).html).toBe(ProseHtml.inPage);
		// {@html ''} would claim no nodes and break hydration: the placeholder is never empty.
		expect(ProseHtml.inPage.length).toBeGreaterThan(0);
	});

	it('a data request (client-side navigation) carries the HTML itself', () => {
		expect(roundTrip(new ProseHtml('<p>Long explanation</p>', true)).html).toBe(
			'<p>Long explanation</p>'
		);
	});

	it('other values are not its business', () => {
		expect(encode('<p>a string</p>')).toBe(false);
	});
});
