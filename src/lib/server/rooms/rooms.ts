/**
 * Follow rooms: a presenter's run relayed to the attendees who follow it (flows/follow.ts). A
 * room holds the presenter's newest position and the room pulse, and pushes both to every
 * listener (the server-sent-events route). Only the holder of the room key publishes; the server
 * keeps the key's SHA-256 alone. Room traffic is positions (run records: never a secret) and
 * anonymous counts. This store is one process's memory, bounded: rooms, listeners per room and
 * pulse marks are capped, and a room nobody published to or listened to for `idleMs` is dropped.
 * Its methods are async only to share RoomStore's shape with the Redis store; none waits.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Position, PulseCounts, PulseMark } from '$lib/flows/follow';
import {
	digest,
	maxPulseSteps,
	newRoomId,
	newRoomKey,
	type Listener,
	type PublishResult,
	type RoomStore
} from './room-store';

export { followerIdPattern, type Listener, type PublishResult } from './room-store';

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

export class Rooms implements RoomStore {
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

	async create(): Promise<{ id: string; key: string } | undefined> {
		this.#sweep();
		if (this.#rooms.size >= this.maxRooms) return undefined;
		let id: string;
		do id = newRoomId();
		while (this.#rooms.has(id));
		const key = newRoomKey();
		this.#rooms.set(id, {
			keyHash: digest(key),
			listeners: new Set(),
			pulse: new Map(),
			lastActive: this.#now()
		});
		return { id, key };
	}

	async has(id: string): Promise<boolean> {
		return this.#live(id) !== undefined;
	}

	/** Does `key` drive room `id`? Compared in constant time. */
	#holdsKey(room: Room, key: string | null): boolean {
		return key !== null && timingSafeEqual(digest(key), room.keyHash);
	}

	async publish(id: string, key: string | null, position: Position): Promise<PublishResult> {
		const room = this.#live(id);
		if (!room) return 'unknown-room';
		if (!this.#holdsKey(room, key)) return 'wrong-key';
		room.position = position;
		room.lastActive = this.#now();
		const data = JSON.stringify(position);
		for (const listener of room.listeners) listener('position', data);
		return 'ok';
	}

	async listen(id: string, listener: Listener): Promise<(() => void) | 'unknown-room' | 'full'> {
		const room = this.#live(id);
		if (!room) return 'unknown-room';
		if (room.listeners.size >= this.maxListeners) return 'full';
		room.listeners.add(listener);
		room.lastActive = this.#now();
		if (room.position) listener('position', JSON.stringify(room.position));
		listener('pulse', JSON.stringify(this.#counts(room)));
		this.#tellListeners(room);
		return () => {
			if (!room.listeners.delete(listener)) return;
			room.lastActive = this.#now();
			this.#tellListeners(room);
		};
	}

	async listeners(id: string): Promise<number> {
		return this.#live(id)?.listeners.size ?? 0;
	}

	async mark(id: string, follower: string, step: string, mark: PulseMark): Promise<boolean> {
		const room = this.#live(id);
		if (!room) return false;
		let marks = room.pulse.get(step);
		if (!marks) {
			if (room.pulse.size >= maxPulseSteps) return false;
			marks = new Map();
			room.pulse.set(step, marks);
		}
		if (mark === 'clear') marks.delete(follower);
		else if (marks.size < this.maxListeners || marks.has(follower)) marks.set(follower, mark);
		else return false;
		room.lastActive = this.#now();
		const data = JSON.stringify(this.#counts(room));
		for (const listener of room.listeners) listener('pulse', data);
		return true;
	}

	async counts(id: string): Promise<PulseCounts> {
		const room = this.#live(id);
		return room ? this.#counts(room) : {};
	}

	#counts(room: Room): PulseCounts {
		const counts: PulseCounts = {};
		for (const [step, marks] of room.pulse) {
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
