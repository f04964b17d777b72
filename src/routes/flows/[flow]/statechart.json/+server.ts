import { error, json } from '@sveltejs/kit';
import { flowMachines } from '$lib/flows/machines';
import { statechartOf } from '$lib/server/statechart';
import { flowSlugs, isFlowSlug } from '$lib/spotify/flows';
import type { EntryGenerator, RequestHandler } from './$types';

// Drawn once, at build time: the machines are part of the code, so their pictures are too.
export const prerender = true;

export const entries: EntryGenerator = () => flowSlugs.map((flow) => ({ flow }));

export const GET: RequestHandler = async ({ params }) => {
	if (!isFlowSlug(params.flow)) error(404, `There is no flow called “${params.flow}”.`);
	return json(await statechartOf(flowMachines[params.flow]));
};
