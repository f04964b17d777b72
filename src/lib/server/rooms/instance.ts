/** The server's one store of follow rooms: on Redis with the emulator's state, else in memory. */
import { createRedisRooms } from './redis-rooms';
import type { RoomStore } from './room-store';
import { Rooms } from './rooms';

let instance: RoomStore | undefined;

/** EMULATOR_STORE=redis://host:port/db shares the rooms with every instance on the same Redis. */
export function roomsFromEnv(env: Record<string, string | undefined>): RoomStore {
	const url = env.EMULATOR_STORE;
	if (!url) return new Rooms();
	if (!/^rediss?:\/\//.test(url))
		throw new Error('EMULATOR_STORE must be a redis://host:port/db URL (or unset: in memory)');
	return createRedisRooms(url);
}

export function getRooms(): RoomStore {
	instance ??= roomsFromEnv(process.env);
	return instance;
}
