/** What a lab's script is: the laxities its sandbox needs, and the run itself. */
import type { DefenceId, Verdict } from '../../attacks/types';
import type { Laxity, Strictness } from '../emulator/laxities';
import type { LabWorld } from './world';

export interface LabScript {
	/** The lax server behaviours the lab sandbox has on, for a run with `defence` (or none). */
	laxities(defence: DefenceId | null): Laxity[];
	/** The lab-only strict behaviours it has on (none unless given). */
	strict?(defence: DefenceId | null): Strictness[];
	/** Plays the attack in `world`; the verdict comes from what the emulator answered. */
	run(world: LabWorld, defence: DefenceId | null): Promise<Verdict>;
}
