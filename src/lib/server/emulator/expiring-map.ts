/**
 * A Map with a size cap and eviction times, so that a flood of requests cannot grow the emulator's
 * memory without limit. Entries keep insertion order; every write sweeps a few expired entries
 * from the oldest end and drops the oldest ones beyond the cap.
 */
export class ExpiringMap<K, V> {
	readonly #entries = new Map<K, { value: V; evictAt: number }>();
	readonly #now: () => number;
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
		this.#entries.delete(key);
		this.#entries.set(key, { value, evictAt });
		this.#sweep(8);
		while (this.#entries.size > this.cap) {
			const oldest = this.#entries.keys().next();
			if (oldest.done) break;
			this.#entries.delete(oldest.value);
		}
	}

	delete(key: K): boolean {
		return this.#entries.delete(key);
	}

	clear(): void {
		this.#entries.clear();
	}

	/** Live entries, oldest first. */
	*entries(): IterableIterator<[K, V]> {
		const now = this.#now();
		for (const [key, entry] of this.#entries) if (entry.evictAt > now) yield [key, entry.value];
	}

	/** Removes expired entries from the oldest end; stops at the first live one. */
	#sweep(limit: number): void {
		const now = this.#now();
		for (const [key, entry] of this.#entries) {
			if (limit-- <= 0 || entry.evictAt > now) return;
			this.#entries.delete(key);
		}
	}
}
