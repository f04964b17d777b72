/**
 * The run on this page as the presenter tools see it: the explorer writes where it is (a
 * position: the run record and the step shown, never a secret) and how to follow another
 * position; presenter mode publishes the position to its room, and the follow bar hands the
 * presenter's position to `follow`. Module state, as live-run.svelte.ts, so neither side
 * imports the other.
 */
import type { Position } from '$lib/flows/follow';

export const stage = $state<{
	position?: Position;
	follow?: (position: Position) => Promise<void>;
	/**
	 * The room this page follows (set by the follow bar), which the explorer keeps in the
	 * address bar as `follow=<room>` so a reload follows it again; detached too, since the
	 * follow bar is the only way back to the room.
	 */
	room?: string;
}>({});
