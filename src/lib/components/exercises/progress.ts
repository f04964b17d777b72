/**
 * Which exercises this browser solved, in localStorage (never on the server). Only the slug and
 * the day are kept, never an answer.
 */
const key = 'grantwalk:exercises';

export type Progress = Record<string, { solved: string }>;

export function readProgress(storage: Pick<Storage, 'getItem'>): Progress {
	try {
		const value: unknown = JSON.parse(storage.getItem(key) ?? '{}');
		return value && typeof value === 'object' ? (value as Progress) : {};
	} catch {
		return {};
	}
}

export function markSolved(storage: Storage, slug: string, today = new Date()): void {
	const progress = readProgress(storage);
	progress[slug] = { solved: today.toISOString().slice(0, 10) };
	storage.setItem(key, JSON.stringify(progress));
}

export function forget(storage: Storage, slug: string): void {
	const progress = readProgress(storage);
	delete progress[slug];
	storage.setItem(key, JSON.stringify(progress));
}
