import { error } from '@sveltejs/kit';
import { catalog, findCatalogEntry } from '$lib/spotify/error-entries';
import type { EntryGenerator, PageLoad } from './$types';

// One static page per catalog entry, built at build time: readable by search engines and without
// JavaScript, and linked from the decoder, the inspectors and the linter.
export const prerender = true;

export const entries: EntryGenerator = () => catalog.map((e) => ({ slug: e.slug }));

export const load: PageLoad = ({ params }) => {
	const entry = findCatalogEntry(params.slug);
	if (!entry) error(404, `No error in the catalog is called “${params.slug}”.`);
	const related = catalog.filter(
		(e) => e.slug !== entry.slug && e.code !== undefined && e.code === entry.code
	);
	return { entry, related };
};
