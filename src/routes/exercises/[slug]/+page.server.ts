import { error, fail } from '@sveltejs/kit';
import { maskPasted } from '$lib/tools/mask-pasted';
import { createExecutor } from '$lib/server/exercises/executor';
import { readForm, textField } from '$lib/server/form-data';
import { isEraId, type EraId } from '$lib/spotify/eras';
import { findExercise } from '$lib/tools/exercises';
import type { Exercise } from '$lib/tools/exercises/exercise';
import { refill } from '$lib/tools/exercises/grade';
import { isSeed, makeWorld, newSeed } from '$lib/tools/exercises/world';
import { MAX_INPUT_LENGTH, tooLong } from '$lib/tools/findings';
import type { Actions, PageServerLoad } from './$types';

/** The eras an exercise can be graded by: today's rules, and the rules before 2025. */
const eras: readonly { id: EraId; label: string }[] = [
	{ id: '2026', label: 'Today’s rules (2026)' },
	{ id: 'classic', label: 'Before 2025 (http://localhost and the implicit grant allowed)' }
];

function attempt(exercise: Exercise, seedValue: string | null, eraValue: string | null) {
	const seed = seedValue && isSeed(seedValue) ? seedValue : newSeed();
	const era: EraId =
		eraValue && isEraId(eraValue) && eras.some((e) => e.id === eraValue) ? eraValue : '2026';
	const world = makeWorld(seed, era);
	return { seed, era, world, exec: createExecutor(world) };
}

/**
 * The attempt's seed: from the link (?seed=…, to share an attempt), else the cookie of this
 * exercise (so a reload, or the page after a POST without JavaScript, keeps the attempt), else a
 * new one; `?new` (Reset) always starts a new one. The seed is not a secret and says nothing of
 * the answer, which never goes into a link or a cookie.
 */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const exercise = findExercise(params.slug);
	if (!exercise) error(404, 'No such exercise');
	const cookie = `grantwalk_attempt_${exercise.slug}`;
	const asked = url.searchParams.has('new')
		? null
		: (url.searchParams.get('seed') ?? cookies.get(cookie) ?? null);
	const { seed, era, world, exec } = attempt(exercise, asked, url.searchParams.get('era'));
	cookies.set(cookie, seed, {
		path: `/exercises/${exercise.slug}`,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 7
	});
	return {
		slug: exercise.slug,
		title: exercise.title,
		summary: exercise.summary,
		task: exercise.task,
		answerLabel: exercise.answerLabel,
		answerFormat: exercise.answerFormat,
		rows: exercise.rows,
		given: exercise.given(world, exec),
		hints: exercise.hints,
		solution: exercise.solution(world, exec),
		seed,
		era,
		eras
	};
};

/**
 * Graded on the server, in memory: the answer is neither logged nor stored, and the page sends it
 * back only with any secret it did not give masked.
 */
export const actions: Actions = {
	check: async ({ request, locals, params }) => {
		const exercise = findExercise(params.slug);
		if (!exercise) error(404, 'No such exercise');
		const { fields, problem } = await readForm(request, locals);
		const answer = textField(fields, 'answer');
		const { seed, era, world, exec } = attempt(
			exercise,
			textField(fields, 'seed'),
			textField(fields, 'era')
		);
		const shown = () => refill(answer, exercise.own(world, exec), (t) => maskPasted(t).text);
		if (problem)
			return fail(problem.status, { answer: shown(), seed, era, refused: problem.message });
		if (answer.length > MAX_INPUT_LENGTH)
			return fail(413, { answer: '', seed, era, refused: tooLong(answer.length) });
		const result = exercise.grade(answer, world, exec);
		return { answer: shown(), seed, era, result };
	}
};
