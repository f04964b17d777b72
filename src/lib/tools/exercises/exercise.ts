/** What an exercise is: its text, the values of an attempt, hints, a solution and its grader. */
import type { MistakeId } from '$lib/tools/mistakes/catalog';
import type { GradeResult } from './grade';
import type { Executor } from './types';
import type { ExerciseWorld } from './world';

export interface Given {
	label: string;
	value: string;
}

export interface Exercise {
	/** Fixed: links and tests use it (/exercises/<slug>). */
	slug: string;
	title: string;
	summary: string;
	/** What to write, in a sentence. */
	task: string;
	answerLabel: string;
	/** The accepted forms, shown under the field. */
	answerFormat: string;
	rows: number;
	/** The attempt's values the learner works from. */
	given(world: ExerciseWorld, exec: Executor): Given[];
	/** Revealed one at a time, each closer to the answer. */
	hints: readonly string[];
	solution(world: ExerciseWorld, exec: Executor): string;
	grade(answer: string, world: ExerciseWorld, exec: Executor): GradeResult;
	/** The catalog's mistakes this exercise recognises (each has a failing answer in the tests). */
	mistakes: readonly MistakeId[];
	/** The attempt's own values, not masked when the answer is refilled. */
	own(world: ExerciseWorld, exec: Executor): string[];
}
