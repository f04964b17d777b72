import { error } from '@sveltejs/kit';
import { loadFlowContent } from '$lib/content';
import { spotifyErrors } from '$lib/spotify/errors';
import { flowSlugs, getFlow, isFlowSlug } from '$lib/spotify/flows';
import type { PageLoad } from './$types';

// Flow pages run the explorer in the browser; their explanation still reads without JavaScript.
export const csr = true;

export const load: PageLoad = async ({ params, data }) => {
	if (!isFlowSlug(params.flow))
		error(404, `There is no flow called “${params.flow}”. The flows are ${flowSlugs.join(', ')}.`);
	const slug = params.flow;
	return {
		...data,
		flow: getFlow(slug),
		// One Tab from page load reaches the run: the first skip link goes to "Next step".
		skipTo: { href: '#next-step', label: 'Skip to Next step' },
		content: await loadFlowContent(slug),
		// The top problems of reference §10 that this flow can hit, most common first.
		problems: spotifyErrors
			.filter((e) => 'problem' in e && (e.flows as readonly string[]).includes(slug))
			.sort((a, b) => ('problem' in a ? a.problem : 0) - ('problem' in b ? b.problem : 0))
	};
};
