import { roomStatus } from '$lib/server/rooms/http';
import { roomOptions } from '$lib/server/rooms/options';
import type { RequestHandler } from './$types';

// Thin: the rooms' rules live in $lib/server/rooms.
export const GET: RequestHandler = ({ url, params }) =>
	roomStatus(params.room, roomOptions(url.origin));
