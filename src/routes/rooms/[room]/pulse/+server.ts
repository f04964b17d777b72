import { markPulse } from '$lib/server/rooms/http';
import { roomOptions } from '$lib/server/rooms/options';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, url, params }) =>
	markPulse(request, params.room, roomOptions(url.origin));
