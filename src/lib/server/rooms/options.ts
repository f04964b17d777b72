/** The site's follow rooms, with the emulator's presenter-key rule for opening one. */
import { getEmulator } from '../emulator/instance';
import { presenterKeyHeader, presenterKeyMatches } from '../emulator/presenter';
import type { RoomHttpOptions } from './http';
import { getRooms } from './instance';

export function roomOptions(origin: string): RoomHttpOptions {
	return {
		rooms: getRooms(),
		origin,
		presenterAllowed: (request) =>
			presenterKeyMatches(getEmulator().context.config, request.headers.get(presenterKeyHeader))
	};
}
