import { describe, expect, it } from 'vitest';
import { median, percentile, SseParser, summary } from './bench-follow-helpers';

describe('SseParser', () => {
	it('reads events split across chunks, with comments, retry and CRLF', () => {
		const parser = new SseParser();
		expect(parser.feed('retry: 2000\n\nevent: posi')).toEqual([]);
		expect(parser.feed('tion\ndata: {"stepIndex":1}\n')).toEqual([]);
		expect(parser.feed('\n: still here\n\nevent: pulse\r\ndata: {}\r\n\r')).toEqual([
			{ event: 'position', data: '{"stepIndex":1}' }
		]);
		expect(parser.feed('\n')).toEqual([{ event: 'pulse', data: '{}' }]);
	});

	it('joins data lines, defaults the event to message and drops one leading space only', () => {
		const parser = new SseParser();
		expect(parser.feed('data:a\ndata:  b\n\n')).toEqual([{ event: 'message', data: 'a\n b' }]);
	});

	it('dispatches nothing for a block without data', () => {
		expect(new SseParser().feed('event: room\n\n')).toEqual([]);
	});
});

describe('statistics', () => {
	it('nearest-rank percentiles and the median', () => {
		const values = Array.from({ length: 20 }, (_, i) => i + 1);
		expect(percentile(values, 95)).toBe(19);
		expect(percentile(values, 100)).toBe(20);
		expect(percentile(values, 0)).toBe(1);
		expect(percentile([], 50)).toBeNaN();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(summary([1, 2, 3])).toBe('median 2.0 ms, p95 3.0 ms, max 3.0 ms');
	});
});
