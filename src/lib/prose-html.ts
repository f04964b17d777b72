/**
 * A flow's explanation as HTML rendered on the server (server/flow-prose.ts), sent once. The page
 * carries it as HTML; hydration only claims those nodes ({@html} does not compare them outside
 * development), so the page's serialized data leaves the HTML out (hooks.ts, `transport`) instead
 * of sending the whole explanation a second time. Client-side navigation (a data request) brings
 * the HTML itself, since there the page has none yet.
 */
export class ProseHtml {
	/** What the browser holds for HTML that came with the page: any non-empty string hydrates it. */
	static readonly inPage = ' ';

	constructor(
		readonly html: string,
		/** Whether the HTML travels in the page's data (false: it is in the page already). */
		readonly inData: boolean
	) {}
}
