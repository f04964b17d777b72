/**
 * A Map with a size cap and eviction times, so that a flood of requests cannot grow the emulator's
 * memory without limit. Eviction order lives in a separate FIFO of keys: V8's Map slows down when
 * used as a queue (deleting from its front leaves holes every iteration must skip), and the token
 * endpoint writes here on every request.
 */
interface Entry<V> {
	value: V;
	evictAt: number;
	seq: number;
}

export class ExpiringMap<K, V> {
	readonly #entries = new Map<K, Entry<V>>();
	readonly #now: () => number;
	/** Keys in write order, with the write's sequence number; stale items are skipped. */
	#queue: { key: K; seq: number }[] = [];
	#head = 0;
	#seq = 0;
	readonly cap: number;

	constructor(cap: number, now: () => number) {
		this.cap = cap;
		this.#now = now;
	}

	get size(): number {
		return this.#entries.size;
	}

	get(key: K): V | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.evictAt <= this.#now()) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	/** Stores a value until `evictAt` (clock ms; Infinity: until the cap pushes it out). */
	set(key: K, value: V, evictAt = Infinity): void {
		const seq = ++this.#seq;
		this.#entries.delete(key);
		this.#entries.set(key, { value, evictAt, seq });
		this.#queue.push({ key, seq });
		this.#sweep(8);
		while (this.#entries.size > this.cap) this.#evictOldest();
		this.#compact();
	}

	delete(key: K): boolean {
		return this.#entries.delete(key);
	}

	clear(): void {
		this.#entries.clear();
		this.#queue = [];
		this.#head = 0;
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
		this.#entries.delete(oldest.key);
		this.#head++;
	}

	/** Removes expired entries from the oldest end; stops at the first live one. */
	#sweep(limit: number): void {
		const now = this.#now();
		for (let i = 0; i < limit; i++) {
			const oldest = this.#peek();
			if (!oldest || oldest.entry.evictAt > now) return;
			this.#entries.delete(oldest.key);
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
