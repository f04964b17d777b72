/**
 * The presenter console's timer as plain data: time banked by earlier runs plus the running
 * stretch, so pausing and starting again loses nothing and the tab can keep it across a reload
 * (sessionStorage: two numbers, nothing secret). The clock is passed in, so tests need no fake
 * timers.
 */
export interface TimerState {
	/** When the running stretch began (ms since the epoch); undefined while paused. */
	startedAt?: number;
	/** Milliseconds counted before the running stretch. */
	banked: number;
}

export const stoppedTimer: TimerState = { banked: 0 };

export function elapsedMs(timer: TimerState, now: number): number {
	return timer.banked + (timer.startedAt === undefined ? 0 : Math.max(0, now - timer.startedAt));
}

export function startTimer(timer: TimerState, now: number): TimerState {
	return timer.startedAt === undefined ? { ...timer, startedAt: now } : timer;
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
	return timer.startedAt === undefined ? timer : { banked: elapsedMs(timer, now) };
}

/** `mm:ss`, and `h:mm:ss` from an hour on (a long workshop). */
export function formatElapsed(ms: number): string {
	const seconds = Math.floor(Math.max(0, ms) / 1000);
	const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
	const two = (n: number) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** A timer kept in storage, or the stopped timer when what was kept is not one. */
export function parseTimer(text: string | null): TimerState {
	try {
		const value: unknown = JSON.parse(text ?? 'null');
		if (typeof value !== 'object' || value === null) return stoppedTimer;
		const { banked, startedAt } = value as Record<string, unknown>;
		const time = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
		if (!time(banked)) return stoppedTimer;
		if (startedAt !== undefined && !time(startedAt)) return stoppedTimer;
		return startedAt === undefined
			? { banked: banked as number }
			: { banked: banked as number, startedAt: startedAt as number };
	} catch {
		return stoppedTimer;
	}
}
