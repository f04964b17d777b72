/**
 * POST /attacks/<slug>/run `{ "defence": <id> | null }`: runs the lab against the emulator in a
 * throwaway lab sandbox (in-process, never real Spotify) and answers the run as JSON.
 */
import { error, json } from '@sveltejs/kit';
import { getLab } from '$lib/attacks/labs';
import { isLabSlug, type DefenceId } from '$lib/attacks/types';
import { getEmulator } from '$lib/server/emulator/instance';
import { runLab } from '$lib/server/labs/run-lab';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ params, request, url }) => {
	if (!isLabSlug(params.slug)) error(404, 'No such lab');
	const body = (await request.json().catch(() => null)) as { defence?: unknown } | null;
	const defence = body?.defence ?? null;
	const known = getLab(params.slug).defences.some((d) => d.id === defence);
	if (defence !== null && !known) error(400, 'defence must be null or one of the lab’s defences');
	const run = await runLab(params.slug, defence as DefenceId | null, {
		sandboxes: getEmulator().sandboxes,
		origin: url.origin
	});
	return json(run, { headers: { 'cache-control': 'no-store' } });
};
