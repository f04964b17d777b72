import { getPage } from '$lib/content';
import { parseAnswers, recommendFlow } from '$lib/spotify/which-flow';
import type { PageLoad } from './$types';

// The "which flow" helper is a plain GET form: the answer is computed here, so it works without
// JavaScript and a recommendation can be shared as a link.
export const load: PageLoad = ({ url }) => {
	const parsed = parseAnswers(url.searchParams);
	return {
		intro: getPage('home'),
		parsed,
		recommendation: parsed.kind === 'complete' ? recommendFlow(parsed.answers) : null
	};
};
