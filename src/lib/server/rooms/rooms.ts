/**
 * Follow rooms: a presenter's run relayed to the attendees who follow it (flows/follow.ts). A
 * room holds the presenter's newest position and the room pulse, and pushes both to every
 * listener (the server-sent-events route). Only the holder of the room key publishes; the server
 * keeps the key's SHA-256 alone. Room traffic is positions (run records: never a secret) and
 * anonymous counts. In memory, bounded: rooms, listeners per room and pulse marks are capped, and
 * a room nobody published to or listened to for `idleMs` is dropped.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Position, PulseCounts, PulseMark } from '$lib/flows/follow';

export type Listener = (event: 'position' | 'pulse' | 'room', data: string) => void;

export interface RoomsOptions {
	now?: () => number;
	maxRooms?: number;
	maxListeners?: number;
	idleMs?: number;
}

interface Room {
	keyHash: Buffer;
	position?: Position;
	/** Listeners: followers, the presenter's console, the presenter's own page. */
	listeners: Set<Listener>;
	/** Per `<flow>/<step>`: each follower's mark. Followers are random per tab, never named. */
	pulse: Map<string, Map<string, 'done' | 'stuck'>>;
	lastActive: number;
}

export type PublishResult = 'ok' | 'unknown-room' | 'wrong-key';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

/** The key a follower's tab names itself by in the pulse: random, 16 to 64 URL-safe characters. */
export const followerIdPattern = /^[\w-]{16,64}$/;

export class Rooms {
	readonly #rooms = new Map<string, Room>();
	readonly #now: () => number;
	readonly maxRooms: number;
	readonly maxListeners: number;
	readonly #idleMs: number;

	constructor(options: RoomsOptions = {}) {
		this.#now = options.now ?? Date.now;
		this.maxRooms = options.maxRooms ?? 100;
		this.maxListeners = options.maxListeners ?? 1000;
		this.#idleMs = options.idleMs ?? 12 * 60 * 60 * 1000;
	}

	get size(): number {
		return this.#rooms.size;
	}

	/** A new room: its name (for the follow link) and its key (for the presenter alone). */
	create(): { id: string; key: string } | undefined {
		this.#sweep();
		if (this.#rooms.size >= this.maxRooms) return undefined;
		let id: string;
		do id = [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
		while (this.#rooms.has(id));
		const key = randomBytes(24).toString('base64url');
		this.#rooms.set(id, {
			keyHash: digest(key),
			listeners: new Set(),
			pulse: new Map(),
			lastActive: this.#now()
		});
		return { id, key };
	}

	has(id: string): boolean {
		return this.#live(id) !== undefined;
	}

	/** Does `key` drive room `id`? Compared in constant time. */
	holdsKey(id: string, key: string | null): boolean {
		const room = this.#live(id);
		return room !== undefined && key !== null && timingSafeEqual(digest(key), room.keyHash);
	}

	/** The presenter's new position, pushed to every listener. */
	publish(id: string, key: string | null, position: Position): PublishResult {
		const room = this.#live(id);
		if (!room) return 'unknown-room';
		if (!this.holdsKey(id, key)) return 'wrong-key';
		room.position = position;
		room.lastActive = this.#now();
		const data = JSON.stringify(position);
		for (const listener of room.listeners) listener('position', data);
		return 'ok';
	}

	/**
	 * Adds a listener, which gets the room's newest position and pulse at once: the function that
	 * removes it, or why it could not be added.
	 */
	listen(id: string, listener: Listener): (() => void) | 'unknown-room' | 'full' {
		const room = this.#live(id);
		if (!room) return 'unknown-room';
		if (room.listeners.size >= this.maxListeners) return 'full';
		room.listeners.add(listener);
		room.lastActive = this.#now();
		if (room.position) listener('position', JSON.stringify(room.position));
		listener('pulse', JSON.stringify(this.counts(id)));
		this.#tellListeners(room);
		return () => {
			if (!room.listeners.delete(listener)) return;
			room.lastActive = this.#now();
			this.#tellListeners(room);
		};
	}

	/** How many listen to room `id` now. */
	listeners(id: string): number {
		return this.#live(id)?.listeners.size ?? 0;
	}

	/** A follower marks a step Done or Stuck (or clears its mark); every listener gets the counts. */
	mark(id: string, follower: string, step: string, mark: PulseMark): boolean {
		const room = this.#live(id);
		if (!room) return false;
		let marks = room.pulse.get(step);
		if (!marks) {
			// A pulse per step of the four flows is a few dozen keys; more is not a class.
			if (room.pulse.size >= 64) return false;
			marks = new Map();
			room.pulse.set(step, marks);
		}
		if (mark === 'clear') marks.delete(follower);
		else if (marks.size < this.maxListeners || marks.has(follower)) marks.set(follower, mark);
		else return false;
		room.lastActive = this.#now();
		const data = JSON.stringify(this.counts(id));
		for (const listener of room.listeners) listener('pulse', data);
		return true;
	}

	/** The pulse: per step, how many followers are done and how many are stuck. */
	counts(id: string): PulseCounts {
		const counts: PulseCounts = {};
		for (const [step, marks] of this.#live(id)?.pulse ?? []) {
			const entry = { done: 0, stuck: 0 };
			for (const mark of marks.values()) entry[mark]++;
			counts[step] = entry;
		}
		return counts;
	}

	/** Everyone in the room learns how many listen (the presenter's "N following"). */
	#tellListeners(room: Room): void {
		const data = JSON.stringify({ listeners: room.listeners.size });
		for (const listener of room.listeners) listener('room', data);
	}

	#live(id: string): Room | undefined {
		const room = this.#rooms.get(id);
		if (room && room.listeners.size === 0 && this.#now() - room.lastActive > this.#idleMs) {
			this.#rooms.delete(id);
			return undefined;
		}
		return room;
	}

	#sweep(): void {
		for (const id of [...this.#rooms.keys()]) this.#live(id);
	}
}

let instance: Rooms | undefined;

/** The server's one set of rooms. */
export function getRooms(): Rooms {
	instance ??= new Rooms();
	return instance;
}
