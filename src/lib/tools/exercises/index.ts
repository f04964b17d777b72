/** Every exercise, in the order the index lists them (request building first, then judgement). */
import type { Exercise } from './exercise';
import { judgementExercises } from './judgement-exercises';
import { requestExercises } from './request-exercises';

export const exercises: readonly Exercise[] = [...requestExercises, ...judgementExercises];

export function findExercise(slug: string): Exercise | undefined {
	return exercises.find((e) => e.slug === slug);
}
