import { json } from '@sveltejs/kit';
import { isRoomId } from '$lib/flows/follow';
import { getRooms } from '$lib/server/rooms/rooms';
import type { RequestHandler } from './$types';

/** Does the room exist, and how many listen? (A follower asks when its stream drops.) */
export const GET: RequestHandler = ({ params }) => {
	const rooms = getRooms();
	if (!isRoomId(params.room) || !rooms.has(params.room))
		return json(
			{ error: `There is no follow room “${params.room.slice(0, 20)}”.` },
			{ status: 404 }
		);
	return json({ room: params.room, listeners: rooms.listeners(params.room) });
};
