import { loadFlowContent } from '$lib/content';
import { profileOf } from '$lib/flows/profiles';
import { errorsAtStep } from '$lib/flows/step-errors';
import { flowSlugs, getFlow, type FlowSlug } from '$lib/spotify/flows';
import type { PageServerLoad } from './$types';

// The console runs in the browser: it listens to the presenter tab over a BroadcastChannel.
export const csr = true;

/**
 * Everything the console shows, for every flow, so it needs nothing from the presenter tab but
 * a flow and a step: each step's title, speaker notes (the content files' `notes:`) and what
 * Spotify can answer there. Delivered with this page only, so no flow page carries the notes.
 */
export const load: PageServerLoad = async () => {
	const flows = await Promise.all(
		flowSlugs.map(async (slug) => {
			const content = await loadFlowContent(slug);
			const ids = profileOf(slug).steps;
			return [
				slug,
				{
					name: getFlow(slug).name,
					steps: content.steps.map((step) => {
						// A test checks content files and machine steps agree; this keeps the types honest.
						const id = ids.find((known) => known === step.id);
						if (!id) throw new Error(`${slug}: the content step ${step.id} is no step of the flow`);
						return { id, title: step.title, notes: step.notes, errors: errorsAtStep(slug, id) };
					})
				}
			] as const;
		})
	);
	return { flows: Object.fromEntries(flows) as Record<FlowSlug, (typeof flows)[number][1]> };
};
