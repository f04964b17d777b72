/**
 * One request's view of the shared (Redis) store, with the synchronous surface the handlers use.
 * The core stays synchronous: a handler runs against what this request has fetched so far; a read
 * of a key not yet fetched is noted (`missing`) and the handler is run again once it is here
 * (`run` in redis-store.ts). Writes, explicit or made in place on a fetched record, are committed at the end in one
 * script that first checks every key read is unchanged (optimistic concurrency): of two instances
 * exchanging one code at once, one commits and the other runs again and finds the code used.
 */
import { collectionNames, type EmulatorStore, type StoreMap } from '../store';

/** What Redis held for a key when this request fetched it: its JSON, or null when absent. */
export type Fetched = Map<string, string | null>;

export interface Write {
	/** JSON to store, or null to delete. */
	value: string | null;
	/** Milliseconds to live; undefined keeps the key's expiry, Infinity none. */
	ttlMs?: number;
}

interface Read {
	raw: string | null;
	value: unknown;
}

export class Txn {
	/** Keys a handler asked for that are not fetched yet. */
	readonly missing = new Set<string>();
	/** Key prefixes whose every entry a handler asked for (entries(), clear()). */
	readonly missingScans = new Set<string>();
	readonly #reads = new Map<string, Read>();
	readonly #writes = new Map<string, Write>();
	readonly #fetched: Fetched;
	readonly #scanned: Set<string>;
	readonly #now: () => number;
	/** The expiry a record with no eviction time gets in a sandbox other than the default one. */
	readonly #sandboxTtlMs: number;

	constructor(fetched: Fetched, scanned: Set<string>, now: () => number, sandboxTtlMs: number) {
		this.#fetched = fetched;
		this.#scanned = scanned;
		this.#now = now;
		this.#sandboxTtlMs = sandboxTtlMs;
	}

	/** The store of sandbox `sandbox` ('default' for the default one). */
	store(sandbox: string): EmulatorStore {
		const maps = Object.fromEntries(
			collectionNames.map((name) => [name, this.#map(`gw:${sandbox}:${name}:`, sandbox)])
		) as unknown as Omit<EmulatorStore, 'clear' | 'bytes'>;
		return {
			...maps,
			clear: () => {
				for (const map of Object.values(maps) as StoreMap<unknown>[]) map.clear();
			},
			bytes: () => 0
		};
	}

	get(key: string): unknown {
		const written = this.#writes.get(key);
		if (written) return written.value === null ? undefined : this.#readOf(key).value;
		if (!this.#fetched.has(key)) {
			this.missing.add(key);
			return undefined;
		}
		return this.#readOf(key).value ?? undefined;
	}

	set(key: string, value: unknown, ttlMs: number): void {
		const raw = JSON.stringify(value);
		// Later gets see this very object, so in-place changes after the set are caught too.
		this.#reads.set(key, { raw: this.#fetched.get(key) ?? null, value });
		this.#writes.set(key, { value: raw, ttlMs });
	}

	delete(key: string): boolean {
		const had = this.get(key) !== undefined;
		this.#writes.set(key, { value: null });
		return had;
	}

	/** The keys under `prefix` this request knows of; asks for a scan the first time. */
	keys(prefix: string): string[] {
		if (!this.#scanned.has(prefix)) {
			this.missingScans.add(prefix);
			return [];
		}
		const keys = new Set<string>();
		for (const key of this.#fetched.keys()) if (key.startsWith(prefix)) keys.add(key);
		for (const [key, write] of this.#writes)
			if (key.startsWith(prefix) && write.value !== null) keys.add(key);
		return [...keys];
	}

	get incomplete(): boolean {
		return this.missing.size > 0 || this.missingScans.size > 0;
	}

	/** Every key read (with what Redis held), and every write, in-place changes included. */
	changes(): { reads: Map<string, string | null>; writes: Map<string, Write> } {
		const writes = new Map(this.#writes);
		for (const [key, read] of this.#reads) {
			const write = writes.get(key);
			if (write?.value === null) continue;
			const now = JSON.stringify(read.value);
			if (write) write.value = now;
			else if (read.raw !== null && now !== read.raw) writes.set(key, { value: now });
		}
		const reads = new Map<string, string | null>();
		for (const key of this.#reads.keys()) reads.set(key, this.#fetched.get(key) ?? null);
		for (const key of this.#writes.keys())
			if (this.#fetched.has(key)) reads.set(key, this.#fetched.get(key) ?? null);
		return { reads, writes };
	}

	#readOf(key: string): Read {
		let read = this.#reads.get(key);
		if (!read) {
			const raw = this.#fetched.get(key) ?? null;
			read = { raw, value: raw === null ? null : JSON.parse(raw) };
			this.#reads.set(key, read);
		}
		return read;
	}

	*#entries(prefix: string): Generator<[string, unknown], undefined, undefined> {
		for (const key of this.keys(prefix)) {
			const value = this.get(key);
			if (value !== undefined) yield [key.slice(prefix.length), value];
		}
	}

	#map(prefix: string, sandbox: string): StoreMap<unknown> {
		const ttl = (evictAt: number) => {
			if (evictAt !== Infinity) return Math.max(1, Math.ceil(evictAt - this.#now()));
			return sandbox === 'default' ? Infinity : this.#sandboxTtlMs;
		};
		return {
			get: (key: string) => this.get(prefix + key),
			set: (key: string, value: unknown, evictAt = Infinity) =>
				this.set(prefix + key, value, ttl(evictAt)),
			delete: (key: string) => this.delete(prefix + key),
			entries: () => this.#entries(prefix),
			clear: () => {
				for (const key of this.keys(prefix)) this.delete(key);
			},
			size: 0,
			bytes: 0,
			cap: Infinity
		};
	}
}
