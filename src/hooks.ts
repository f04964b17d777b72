import type { Transport } from '@sveltejs/kit';
import { ProseHtml } from '$lib/prose-html';

// Custom types between the server's load data and the browser (SvelteKit's transport hook).
export const transport: Transport = {
	ProseHtml: {
		encode: (value) => value instanceof ProseHtml && [value.inData ? value.html : null],
		decode: ([html]: [string | null]) => new ProseHtml(html ?? ProseHtml.inPage, true)
	}
};
