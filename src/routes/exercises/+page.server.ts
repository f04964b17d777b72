import { exercises } from '$lib/tools/exercises';
import type { PageServerLoad } from './$types';

// Only titles and summaries: the graders stay on the server.
export const load: PageServerLoad = () => ({
	exercises: exercises.map(({ slug, title, summary }) => ({ slug, title, summary }))
});
