/**
 * Runs an attack lab against the emulator in a throwaway lab sandbox, with or without a defence,
 * and returns every step as it happened and the verdict computed from the emulator's answers.
 */
import { getLab } from '../../attacks/labs';
import type { DefenceId, LabRun, LabSlug } from '../../attacks/types';
import type { Sandboxes } from '../emulator/sandbox';
import type { LabScript } from './script';
import { codeInterception } from './scripts/code-interception-without-pkce';
import { LabWorld } from './world';

export const labScripts: Partial<Record<LabSlug, LabScript>> = {
	'code-interception-without-pkce': codeInterception
};

export interface RunOptions {
	sandboxes: Sandboxes;
	origin: string;
}

/** The defences a lab can be run with: null (none) first, then its own. */
export function runnableDefences(slug: LabSlug): (DefenceId | null)[] {
	return [null, ...getLab(slug).defences.map((d) => d.id)];
}

export async function runLab(
	slug: LabSlug,
	defence: DefenceId | null,
	options: RunOptions
): Promise<LabRun> {
	const script = labScripts[slug];
	if (!script) throw new RangeError(`The lab ${slug} has no script yet`);
	if (defence !== null && !getLab(slug).defences.some((d) => d.id === defence))
		throw new RangeError(`The lab ${slug} has no defence ${defence}`);
	const laxities = script.laxities(defence);
	const world = new LabWorld({ ...options, laxities });
	const verdict = await script.run(world, defence);
	return { slug, defence, laxities, steps: world.steps, verdict };
}
