import { roomQr } from '$lib/server/rooms/http';
import { roomOptions } from '$lib/server/rooms/options';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, params }) =>
	roomQr(url, params.room, roomOptions(url.origin));
