import { publishPosition, roomEvents } from '$lib/server/rooms/http';
import { roomOptions } from '$lib/server/rooms/options';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url, params }) =>
	roomEvents(request, params.room, roomOptions(url.origin));

export const POST: RequestHandler = ({ request, url, params }) =>
	publishPosition(request, params.room, roomOptions(url.origin));
