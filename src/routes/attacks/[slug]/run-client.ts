/** The page's one request: run the lab on the server, against the emulator, and get the run. */
import type { DefenceId, LabRun, LabSlug } from '$lib/attacks/types';

export async function requestRun(
	fetcher: typeof fetch,
	slug: LabSlug,
	defence: DefenceId | null
): Promise<LabRun> {
	const response = await fetcher(`/attacks/${slug}/run`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ defence })
	});
	if (!response.ok)
		throw new Error(`The lab did not run: ${response.status} ${response.statusText}`);
	return (await response.json()) as LabRun;
}
