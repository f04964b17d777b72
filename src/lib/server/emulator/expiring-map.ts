/**
 * A Map with a size cap (entries and approximate bytes) and eviction times, so that a flood of
 * requests cannot grow the emulator's memory without limit: counting entries alone let a few
 * large values (a 15 KB authorize request each) take far more than the cap suggested.
 *
 * The token endpoint writes here on every request, so the entries live in fixed slots of a ring
 * (parallel arrays, oldest first) and a Map holds only key -> slot: no object per entry and no
 * queue of keys, which the garbage collector would otherwise copy and mark for every token held.
 * Eviction order is write order, as before: a key written again moves to the newest end.
 */

/**
 * A rough size of a value in memory: two bytes per string character (UTF-16), eight per number,
 * and a small overhead per object, array and property. Good enough to bound memory; not exact.
 * Loops without allocating (no Object.entries), since it runs on every write.
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
			if (Array.isArray(value))
				for (let i = 0; i < value.length; i++) total += approxBytes(value[i], depth + 1);
			else
				for (const key in value)
					if (Object.hasOwn(value, key))
						total +=
							8 + 2 * key.length + approxBytes((value as Record<string, unknown>)[key], depth + 1);
			return total;
		}
		default:
			return 16;
	}
}

/** Marks a free slot (a deleted entry) in the ring; never a key anyone stores. */
const hole: unique symbol = Symbol('hole');
const initialSlots = 16;

export class ExpiringMap<K, V> {
	/** key -> its slot in the ring. */
	readonly #slots = new Map<K, number>();
	#keys: (K | typeof hole)[] = new Array(initialSlots).fill(hole);
	#values: (V | undefined)[] = new Array(initialSlots).fill(undefined);
	#evictAt = new Float64Array(initialSlots);
	#sizes = new Float64Array(initialSlots);
	/** The ring: `#used` slots from `#head` (wrapping), live or holes, oldest first. */
	#head = 0;
	#used = 0;
	#bytes = 0;
	readonly #now: () => number;
	readonly cap: number;
	readonly maxBytes: number;

	/** At most `cap` entries and about `maxBytes` bytes (keys and values, approxBytes). */
	constructor(cap: number, now: () => number, maxBytes = Infinity) {
		this.cap = cap;
		this.#now = now;
		this.maxBytes = maxBytes;
	}

	get size(): number {
		return this.#slots.size;
	}

	/** The approximate bytes held (approxBytes of each key and value as it was stored). */
	get bytes(): number {
		return this.#bytes;
	}

	get(key: K): V | undefined {
		const slot = this.#slots.get(key);
		if (slot === undefined) return undefined;
		if (this.#evictAt[slot] <= this.#now()) {
			this.delete(key);
			return undefined;
		}
		return this.#values[slot];
	}

	/** Stores a value until `evictAt` (clock ms; Infinity: until the cap pushes it out). */
	set(key: K, value: V, evictAt = Infinity): void {
		const old = this.#slots.get(key);
		if (old !== undefined) this.#free(key, old);
		if (this.#used === this.#keys.length) this.#relayout();
		const slot = (this.#head + this.#used) % this.#keys.length;
		const bytes = approxBytes(key) + approxBytes(value);
		this.#keys[slot] = key;
		this.#values[slot] = value;
		this.#evictAt[slot] = evictAt;
		this.#sizes[slot] = bytes;
		this.#used++;
		this.#slots.set(key, slot);
		this.#bytes += bytes;
		this.#sweep(8);
		while (this.#slots.size > this.cap || (this.#bytes > this.maxBytes && this.#slots.size > 1))
			this.#evictOldest();
	}

	delete(key: K): boolean {
		const slot = this.#slots.get(key);
		if (slot === undefined) return false;
		this.#free(key, slot);
		return true;
	}

	/** Forgets the entry in `slot` (its key's): its bytes back, a hole in the ring. */
	#free(key: K, slot: number): void {
		this.#slots.delete(key);
		this.#bytes -= this.#sizes[slot];
		this.#keys[slot] = hole;
		this.#values[slot] = undefined;
		this.#skipHoles();
	}

	clear(): void {
		this.#slots.clear();
		this.#keys = new Array(initialSlots).fill(hole);
		this.#values = new Array(initialSlots).fill(undefined);
		this.#evictAt = new Float64Array(initialSlots);
		this.#sizes = new Float64Array(initialSlots);
		this.#head = 0;
		this.#used = 0;
		this.#bytes = 0;
	}

	/**
	 * Live entries, in write order. Read up front, so that callers may delete or set while they
	 * iterate (a ring rearranged mid-loop would skip or repeat entries).
	 */
	*entries(): IterableIterator<[K, V]> {
		const now = this.#now();
		const live: [K, V][] = [];
		const length = this.#keys.length;
		for (let i = 0; i < this.#used; i++) {
			const slot = (this.#head + i) % length;
			const key = this.#keys[slot];
			if (key !== hole && this.#evictAt[slot] > now) live.push([key, this.#values[slot] as V]);
		}
		yield* live;
	}

	/** Advances the oldest end past deleted slots, so that it always names a live entry. */
	#skipHoles(): void {
		const length = this.#keys.length;
		while (this.#used > 0 && this.#keys[this.#head] === hole) {
			this.#head = (this.#head + 1) % length;
			this.#used--;
		}
		if (this.#used === 0) this.#head = 0;
	}

	#evictOldest(): void {
		if (this.#used > 0) this.#free(this.#keys[this.#head] as K, this.#head);
	}

	/** Removes expired entries from the oldest end; stops at the first live one. */
	#sweep(limit: number): void {
		const now = this.#now();
		for (let i = 0; i < limit && this.#used > 0; i++) {
			if (this.#evictAt[this.#head] > now) return;
			this.#free(this.#keys[this.#head] as K, this.#head);
		}
	}

	/**
	 * The ring is full: packs the live entries from slot 0, in order, into a ring twice as large
	 * when they fill most of it, else into one as large (deleted keys left holes). Either way at
	 * least a quarter is free afterwards, so this costs O(1) per write over time.
	 */
	#relayout(): void {
		const length = this.#keys.length;
		const live = this.#slots.size;
		const next = live * 4 > length * 3 ? length * 2 : length;
		const keys: (K | typeof hole)[] = new Array(next).fill(hole);
		const values: (V | undefined)[] = new Array(next).fill(undefined);
		const evictAt = new Float64Array(next);
		const sizes = new Float64Array(next);
		let to = 0;
		for (let i = 0; i < this.#used; i++) {
			const from = (this.#head + i) % length;
			const key = this.#keys[from];
			if (key === hole) continue;
			keys[to] = key;
			values[to] = this.#values[from];
			evictAt[to] = this.#evictAt[from];
			sizes[to] = this.#sizes[from];
			this.#slots.set(key, to);
			to++;
		}
		this.#keys = keys;
		this.#values = values;
		this.#evictAt = evictAt;
		this.#sizes = sizes;
		this.#head = 0;
		this.#used = to;
	}
}
