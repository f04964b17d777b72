import { computeMatrix } from '$lib/server/labs/matrix';
import { getEmulator } from '$lib/server/emulator/instance';
import type { PageServerLoad } from './$types';

// Computed on every request by running every lab, with and without each of its defences, in
// throwaway lab sandboxes: the matrix shows what the emulator answered, not what was typed.
export const load: PageServerLoad = async ({ url }) => ({
	matrix: await computeMatrix({ sandboxes: getEmulator().sandboxes, origin: url.origin })
});
