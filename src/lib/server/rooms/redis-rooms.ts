/**
 * EMULATOR_STORE=redis://host:port/db: the follow rooms on Redis, so a follower on one instance
 * follows a presenter on another. A room's key hash, newest position, pulse marks and listener
 * counts are Redis keys that expire after the idle time (redis-scripts.ts); every event goes out
 * on the room's pub/sub channel, which each instance with listeners in the room subscribes to on a
 * second connection. Listeners themselves stay in the process that holds their stream.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Position, PulseCounts, PulseMark } from '$lib/flows/follow';
import { redisClient, redisLink } from '../emulator/shared/redis-link';
import {
	digest,
	maxPulseSteps,
	newRoomId,
	newRoomKey,
	RoomsUnavailable,
	type Listener,
	type PublishResult,
	type RoomEvent,
	type RoomStore
} from './room-store';
import { createScript, listenersScript, markScript, publishScript } from './redis-scripts';

export interface RedisRoomsOptions {
	now?: () => number;
	maxRooms?: number;
	/** Listeners per room on this instance. */
	maxListeners?: number;
	idleMs?: number;
	/** How often this instance says its listeners are still there (their count turns stale at 3x). */
	refreshMs?: number;
	log?: (line: string) => void;
}

export interface RedisRooms extends RoomStore {
	ready(): Promise<void>;
	close(): Promise<void>;
}

const events: readonly RoomEvent[] = ['position', 'pulse', 'room'];

const roomKeys = (id: string) => [
	`gwrooms:${id}:key`,
	`gwrooms:${id}:position`,
	`gwrooms:${id}:marks`,
	`gwrooms:${id}:counts`,
	`gwrooms:${id}:listeners`,
	'gwrooms:index'
];
const channel = (id: string) => `gwrooms:${id}`;

function parseCounts(hash: Record<string, string>): PulseCounts {
	const counts: PulseCounts = {};
	for (const [step, value] of Object.entries(hash)) {
		const [done, stuck] = value.split(' ').map(Number);
		counts[step] = { done, stuck };
	}
	return counts;
}

export function createRedisRooms(url: string, options: RedisRoomsOptions = {}): RedisRooms {
	const now = options.now ?? Date.now;
	const maxRooms = options.maxRooms ?? 100;
	const maxListeners = options.maxListeners ?? 1000;
	const idleMs = options.idleMs ?? 12 * 60 * 60 * 1000;
	const refreshMs = options.refreshMs ?? 30_000;
	const log = options.log ?? ((line: string) => console.error(line));
	const link = redisLink('grantwalk rooms', url, log, RoomsUnavailable);
	const instance = randomUUID();
	/** This instance's listeners, per room; a room is subscribed to while it has any. */
	const local = new Map<string, Set<Listener>>();
	/** The room's subscription, once asked for: a second listener waits for the same one. */
	const subscribed = new Map<string, Promise<void>>();

	const client = redisClient(url);
	const subscriber = client.duplicate();

	link.watch(client);
	link.watch(subscriber);
	// Events published while the subscriber was away are lost: give its listeners the room again.
	let subscriberWasDown = false;
	subscriber.on('error', () => (subscriberWasDown = true));
	subscriber.on('ready', () => {
		if (!subscriberWasDown) return;
		subscriberWasDown = false;
		for (const id of local.keys()) void resend(id).catch(() => {});
	});

	const connecting = Promise.all([link.connect(client), link.connect(subscriber)]).then(
		() => undefined
	);
	// Every use awaits it through timed(); this keeps a failed start from being an unhandled rejection.
	connecting.catch(() => {});

	/** `operation` once connected, bounded in time (redis-link.ts). */
	const timed = <T>(operation: () => Promise<T>): Promise<T> =>
		link.timed(connecting.then(operation));

	const script = (source: string, id: string, extra: (string | number)[]) =>
		timed(() =>
			client.eval(source, {
				keys: roomKeys(id),
				arguments: [id, idleMs, now(), channel(id), ...extra].map(String)
			})
		) as Promise<number>;

	/** Records this instance's count of listeners in room `id`; `tell` pushes the total to all. */
	const countListeners = (id: string, tell: boolean) =>
		script(listenersScript, id, [
			instance,
			local.get(id)?.size ?? 0,
			now() + 3 * refreshMs,
			tell ? '1' : '0'
		]);

	function deliver(message: string, from: string): void {
		const id = from.slice('gwrooms:'.length);
		const space = message.indexOf(' ');
		const event = message.slice(0, space) as RoomEvent;
		if (space < 0 || !events.includes(event)) return;
		const data = message.slice(space + 1);
		for (const listener of local.get(id) ?? []) listener(event, data);
	}

	async function state(id: string) {
		const [key, position, counts] = roomKeys(id);
		const [exists, newest, counted] = (await timed(() =>
			client.multi().exists(key).get(position).hGetAll(counts).exec()
		)) as unknown as [number, string | null, Record<string, string>];
		return { exists: exists === 1, position: newest, counts: JSON.stringify(parseCounts(counted)) };
	}

	async function resend(id: string): Promise<void> {
		const now = await state(id);
		if (!now.exists) {
			for (const listener of [...(local.get(id) ?? [])]) listener('closed', '');
			return;
		}
		for (const listener of local.get(id) ?? []) {
			if (now.position) listener('position', now.position);
			listener('pulse', now.counts);
		}
		await countListeners(id, true);
	}

	// Keeps the rooms this instance has listeners in alive, and its counts fresh.
	const refresh = setInterval(() => {
		for (const id of local.keys()) void countListeners(id, false).catch(() => {});
	}, refreshMs);
	refresh.unref();

	async function leave(id: string, listener: Listener): Promise<void> {
		const listeners = local.get(id);
		if (!listeners?.delete(listener)) return;
		if (listeners.size === 0) {
			local.delete(id);
			subscribed.delete(id);
			await timed(() => subscriber.unsubscribe(channel(id)));
		}
		await countListeners(id, true);
	}

	return {
		maxRooms,

		async create() {
			const key = newRoomKey();
			for (let tries = 0; tries < 8; tries++) {
				const id = newRoomId();
				const made = await script(createScript, id, [digest(key).toString('hex'), maxRooms]);
				if (made === 1) return { id, key };
				if (made === 0) return undefined;
			}
			throw new RoomsUnavailable('no free room name');
		},

		async has(id) {
			return (await timed(() => client.exists(roomKeys(id)[0]))) === 1;
		},

		async publish(id: string, key: string | null, position: Position): Promise<PublishResult> {
			const stored = await timed(() => client.get(roomKeys(id)[0]));
			if (stored === null) return 'unknown-room';
			// Constant time, on the digests: the key itself never reaches Redis. (A stored value that
			// is not a digest, which only another writer could leave, refuses rather than throws.)
			const hash = Buffer.from(stored, 'hex');
			if (key === null || hash.length !== 32 || !timingSafeEqual(digest(key), hash))
				return 'wrong-key';
			const done = await script(publishScript, id, [JSON.stringify(position)]);
			return done === 1 ? 'ok' : 'unknown-room';
		},

		async listen(id, listener) {
			const listeners = local.get(id) ?? new Set<Listener>();
			if (listeners.size >= maxListeners) return 'full';
			// Events that arrive before the room's state is sent wait, so none is lost or reordered.
			let waiting: Parameters<Listener>[] | undefined = [];
			const queued: Listener = (event, data) =>
				waiting ? waiting.push([event, data]) : listener(event, data);
			local.set(id, listeners);
			listeners.add(queued);
			let subscribing = subscribed.get(id);
			if (!subscribing) {
				subscribing = timed(() => subscriber.subscribe(channel(id), deliver));
				subscribed.set(id, subscribing);
			}
			try {
				await subscribing;
			} catch (error) {
				subscribed.delete(id);
				listeners.delete(queued);
				if (listeners.size === 0) local.delete(id);
				throw error;
			}
			try {
				const now = await state(id);
				if (!now.exists) {
					await leave(id, queued).catch(() => {});
					return 'unknown-room';
				}
				if (now.position) listener('position', now.position);
				listener('pulse', now.counts);
				for (const [event, data] of waiting) listener(event, data);
				waiting = undefined;
				await countListeners(id, true);
			} catch (error) {
				await leave(id, queued).catch(() => {});
				throw error;
			}
			return () => void leave(id, queued).catch(() => {});
		},

		async listeners(id) {
			const all = await timed(() => client.hGetAll(roomKeys(id)[4]));
			let total = 0;
			for (const value of Object.values(all)) {
				const [count, fresh] = value.split(' ').map(Number);
				if (fresh >= now()) total += count;
			}
			return total;
		},

		async mark(id: string, follower: string, step: string, mark: PulseMark) {
			const result = await script(markScript, id, [
				step,
				follower,
				mark,
				maxPulseSteps,
				maxListeners
			]);
			return result === 1;
		},

		async counts(id) {
			return parseCounts(await timed(() => client.hGetAll(roomKeys(id)[3])));
		},

		ready: () => connecting,

		async close() {
			clearInterval(refresh);
			client.destroy();
			subscriber.destroy();
		}
	};
}
