/**
 * A Map with a size cap (entries and approximate bytes) and eviction times, so that a flood of
 * requests cannot grow the emulator's memory without limit: counting entries alone let a few
 * large values (a 15 KB authorize request each) take far more than the cap suggested. Eviction order lives in a separate FIFO of keys: V8's Map slows down when
 * used as a queue (deleting from its front leaves holes every iteration must skip), and the token
 * endpoint writes here on every request.
 */
interface Entry<V> {
	value: V;
	evictAt: number;
	seq: number;
	bytes: number;
}

/**
 * A rough size of a value in memory: two bytes per string character (UTF-16), eight per number,
 * and a small overhead per object, array and property. Good enough to bound memory; not exact.
 */
export function approxBytes(value: unknown, depth = 0): number {
	switch (typeof value) {
		case 'string':
			return 16 + 2 * value.length;
		case 'number':
		case 'boolean':
		case 'undefined':
			return 8;
		case 'object': {
			if (value === null) return 8;
			if (depth > 4) return 64;
			let total = 32;
			if (Array.isArray(value)) for (const item of value) total += approxBytes(item, depth + 1);
			else
				for (const [key, item] of Object.entries(value))
					total += 8 + 2 * key.length + approxBytes(item, depth + 1);
			return total;
		}
		default:
			return 16;
	}
}

export class ExpiringMap<K, V> {
	readonly #entries = new Map<K, Entry<V>>();
	readonly #now: () => number;
	/** Keys in write order, with the write's sequence number; stale items are skipped. */
	#queue: { key: K; seq: number }[] = [];
	#head = 0;
	#seq = 0;
	#bytes = 0;
	readonly cap: number;
	readonly maxBytes: number;

	/** At most `cap` entries and about `maxBytes` bytes (keys and values, approxBytes). */
	constructor(cap: number, now: () => number, maxBytes = Infinity) {
		this.cap = cap;
		this.#now = now;
		this.maxBytes = maxBytes;
	}

	get size(): number {
		return this.#entries.size;
	}

	/** The approximate bytes held (approxBytes of each key and value as it was stored). */
	get bytes(): number {
		return this.#bytes;
	}

	get(key: K): V | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.evictAt <= this.#now()) {
			this.delete(key);
			return undefined;
		}
		return entry.value;
	}

	/** Stores a value until `evictAt` (clock ms; Infinity: until the cap pushes it out). */
	set(key: K, value: V, evictAt = Infinity): void {
		const seq = ++this.#seq;
		this.delete(key);
		const bytes = approxBytes(key) + approxBytes(value);
		this.#entries.set(key, { value, evictAt, seq, bytes });
		this.#bytes += bytes;
		this.#queue.push({ key, seq });
		this.#sweep(8);
		while (this.#entries.size > this.cap || (this.#bytes > this.maxBytes && this.#entries.size > 1))
			this.#evictOldest();
		this.#compact();
	}

	delete(key: K): boolean {
		const entry = this.#entries.get(key);
		if (!entry) return false;
		this.#bytes -= entry.bytes;
		return this.#entries.delete(key);
	}

	clear(): void {
		this.#entries.clear();
		this.#queue = [];
		this.#head = 0;
		this.#bytes = 0;
	}

	/** Live entries, in write order. */
	*entries(): IterableIterator<[K, V]> {
		const now = this.#now();
		for (const [key, entry] of this.#entries) if (entry.evictAt > now) yield [key, entry.value];
	}

	/** The oldest queued item still current, or undefined; drops stale items on the way. */
	#peek(): { key: K; entry: Entry<V> } | undefined {
		while (this.#head < this.#queue.length) {
			const item = this.#queue[this.#head];
			const entry = this.#entries.get(item.key);
			if (entry && entry.seq === item.seq) return { key: item.key, entry };
			this.#head++;
		}
		return undefined;
	}

	#evictOldest(): void {
		const oldest = this.#peek();
		if (!oldest) return;
		this.delete(oldest.key);
		this.#head++;
	}

	/** Removes expired entries from the oldest end; stops at the first live one. */
	#sweep(limit: number): void {
		const now = this.#now();
		for (let i = 0; i < limit; i++) {
			const oldest = this.#peek();
			if (!oldest || oldest.entry.evictAt > now) return;
			this.delete(oldest.key);
			this.#head++;
		}
	}

	/** Drops the consumed front of the queue once it is most of it. */
	#compact(): void {
		if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
			this.#queue = this.#queue.slice(this.#head);
			this.#head = 0;
		}
		// Keys deleted or re-set leave stale items; rebuild when they dominate.
		if (this.#queue.length - this.#head > 4 * this.#entries.size + 1024) {
			this.#queue = [...this.#entries].map(([key, entry]) => ({ key, seq: entry.seq }));
			this.#head = 0;
		}
	}
}
