import { openRoom } from '$lib/server/rooms/http';
import { roomOptions } from '$lib/server/rooms/options';
import type { RequestHandler } from './$types';

// Thin: the rooms' rules live in $lib/server/rooms.
export const POST: RequestHandler = ({ request, url }) =>
	openRoom(request, roomOptions(url.origin));
