/**
 * What a store of follow rooms offers, whether it lives in this process (rooms.ts) or on Redis
 * shared by several instances (redis-rooms.ts). Every call is async so the routes need not know
 * which one they talk to; a store that cannot reach its backing throws RoomsUnavailable, which the
 * routes answer with a 503.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Position, PulseCounts, PulseMark } from '$lib/flows/follow';

export type RoomEvent = 'position' | 'pulse' | 'room';
/**
 * `closed`: the room is gone while listened to (Redis came back without it); the stream ends, and
 * the follower's reconnect meets the 404 that says the room closed.
 */
export type Listener = (event: RoomEvent | 'closed', data: string) => void;
export type PublishResult = 'ok' | 'unknown-room' | 'wrong-key';

/** The room store's backing (Redis) is gone or did not answer in time: a 503, never a hang. */
export class RoomsUnavailable extends Error {}

export interface RoomStore {
	/** At most this many rooms at once (the 503 says so). */
	readonly maxRooms: number;
	/** A new room: its name (for the follow link) and its key (for the presenter alone). */
	create(): Promise<{ id: string; key: string } | undefined>;
	has(id: string): Promise<boolean>;
	/** The presenter's new position, pushed to every listener; only the room key may publish. */
	publish(id: string, key: string | null, position: Position): Promise<PublishResult>;
	/**
	 * Adds a listener, which gets the room's newest position and pulse at once: the function that
	 * removes it, or why it could not be added.
	 */
	listen(id: string, listener: Listener): Promise<(() => void) | 'unknown-room' | 'full'>;
	/** How many listen to room `id` now. */
	listeners(id: string): Promise<number>;
	/** A follower marks a step Done or Stuck (or clears its mark); every listener gets the counts. */
	mark(id: string, follower: string, step: string, mark: PulseMark): Promise<boolean>;
	/** The pulse: per step, how many followers are done and how many are stuck. */
	counts(id: string): Promise<PulseCounts>;
}

/** The key a follower's tab names itself by in the pulse: random, 16 to 64 URL-safe characters. */
export const followerIdPattern = /^[\w-]{16,64}$/;

/** A pulse per step of the four flows is a few dozen keys; more is not a class. */
export const maxPulseSteps = 64;

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A room's name: 8 characters that read unambiguously aloud and on a projector. */
export function newRoomId(): string {
	return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function newRoomKey(): string {
	return randomBytes(24).toString('base64url');
}

/** The server keeps a room key's SHA-256 alone. */
export function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}
