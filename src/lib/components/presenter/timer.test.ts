import { describe, expect, it } from 'vitest';
import {
	elapsedMs,
	formatElapsed,
	parseTimer,
	pauseTimer,
	startTimer,
	stoppedTimer
} from './timer';

describe('presenter timer', () => {
	it('counts while running, keeps the time while paused, and adds up the stretches', () => {
		let timer = startTimer(stoppedTimer, 1_000);
		expect(elapsedMs(timer, 61_000)).toBe(60_000);
		timer = pauseTimer(timer, 61_000);
		expect(elapsedMs(timer, 999_000)).toBe(60_000);
		timer = startTimer(timer, 100_000);
		expect(startTimer(timer, 200_000)).toBe(timer);
		expect(elapsedMs(timer, 105_500)).toBe(65_500);
		expect(pauseTimer(stoppedTimer, 5)).toBe(stoppedTimer);
	});

	it('shows mm:ss, and hours when there are some', () => {
		expect(formatElapsed(0)).toBe('00:00');
		expect(formatElapsed(65_999)).toBe('01:05');
		expect(formatElapsed(59 * 60_000 + 59_999)).toBe('59:59');
		expect(formatElapsed(3_600_000 + 61_000)).toBe('1:01:01');
		expect(formatElapsed(-5)).toBe('00:00');
	});

	it('reads back what it kept, and a stopped timer from anything else', () => {
		expect(parseTimer(JSON.stringify({ banked: 5, startedAt: 9 }))).toEqual({
			banked: 5,
			startedAt: 9
		});
		expect(parseTimer(JSON.stringify({ banked: 5 }))).toEqual({ banked: 5 });
		for (const text of [null, '', '{', '"x"', '[]', '{"banked":-1}', '{"banked":"5"}'])
			expect(parseTimer(text)).toEqual(stoppedTimer);
		expect(parseTimer('{"banked":1,"startedAt":"now"}')).toEqual(stoppedTimer);
	});
});
