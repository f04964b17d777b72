/**
 * The run on this page as the presenter tools see it: the explorer writes where it is (a
 * position: the run record and the step shown, never a secret), how to follow another position,
 * and its stepper (what "Previous step" and "Next step" allow, and pressing them); presenter mode
 * publishes the position to its room and its console, the follow bar hands the presenter's
 * position to `follow`, and the console's Next presses the stepper's. Module state, as
 * live-run.svelte.ts, so neither side imports the other.
 */
import type { Position } from '$lib/flows/follow';

export interface Stepper {
	canNext: boolean;
	canBack: boolean;
	/** The same as pressing the stepper's buttons: nothing happens when they would refuse. */
	next: () => void;
	back: () => void;
}

export const stage = $state<{
	position?: Position;
	follow?: (position: Position) => Promise<void>;
	/**
	 * The room this page follows (set by the follow bar), which the explorer keeps in the
	 * address bar as `follow=<room>` so a reload follows it again; detached too, since the
	 * follow bar is the only way back to the room.
	 */
	room?: string;
	stepper?: Stepper;
}>({});
