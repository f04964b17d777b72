// Pure helpers of `npm run bench:follow` (scripts/bench-follow.ts), unit-tested beside it: a
// server-sent-events parser for a stream read in chunks, and the summary statistics it prints.

export interface SseEvent {
	/** The `event:` field, `message` when none was given (the EventSource default). */
	event: string;
	data: string;
}

/**
 * Parses a text/event-stream as it arrives (the WHATWG HTML "event stream interpretation"):
 * lines end in LF, CRLF or CR; a blank line dispatches the event; `:` lines are comments; `data:`
 * lines join with LF; one space after the colon is dropped. `id:` and `retry:` are read and
 * ignored: the benchmark never reconnects.
 */
export class SseParser {
	#buffer = '';
	#event = '';
	#data: string[] = [];

	/** Feeds a chunk; returns the events it completed, in order. */
	feed(chunk: string): SseEvent[] {
		this.#buffer += chunk;
		const events: SseEvent[] = [];
		for (;;) {
			const match = /\r\n|\n|\r/.exec(this.#buffer);
			// A CR at the very end may be half of a CRLF: wait for the next chunk.
			if (!match || (match[0] === '\r' && match.index === this.#buffer.length - 1)) break;
			const line = this.#buffer.slice(0, match.index);
			this.#buffer = this.#buffer.slice(match.index + match[0].length);
			if (line === '') {
				if (this.#data.length > 0)
					events.push({ event: this.#event || 'message', data: this.#data.join('\n') });
				this.#event = '';
				this.#data = [];
				continue;
			}
			if (line.startsWith(':')) continue;
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			let value = colon < 0 ? '' : line.slice(colon + 1);
			if (value.startsWith(' ')) value = value.slice(1);
			if (field === 'event') this.#event = value;
			else if (field === 'data') this.#data.push(value);
		}
		return events;
	}
}

/** The nearest-rank percentile (`p` from 0 to 100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1];
}

/** The median: the middle value, or the mean of the two middle ones; NaN for none. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median, p95 and max of a list of milliseconds, as one line of the report. */
export function summary(values: readonly number[]): string {
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	return `median ${ms(median(values))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))}`;
}
