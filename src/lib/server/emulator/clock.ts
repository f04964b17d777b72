/** Time, injected so that tests and presenter mode control it (CONVENTIONS.md habit 9). */
export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests. */
export function manualClock(start = Date.UTC(2026, 8, 1)): Clock & { advance(ms: number): void } {
	let now = start;
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		}
	};
}
