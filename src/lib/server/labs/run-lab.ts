/**
 * Runs an attack lab against the emulator in a throwaway lab sandbox, with or without a defence,
 * and returns every step as it happened and the verdict computed from the emulator's answers.
 */
import { getLab } from '../../attacks/labs';
import type { DefenceId, LabRun, LabSlug } from '../../attacks/types';
import type { Sandboxes } from '../emulator/sandbox';
import type { LabScript } from './script';
import { codeInterception } from './scripts/code-interception-without-pkce';
import { codeReplay } from './scripts/code-replay';
import { implicitTokenLeak } from './scripts/implicit-token-leak';
import { loginCsrf } from './scripts/login-csrf-without-state';
import { pkceDowngrade } from './scripts/pkce-downgrade';
import { redirectUriTampering } from './scripts/redirect-uri-tampering';
import { refreshTokenTheft } from './scripts/refresh-token-theft';
import { secretInSpaBundle } from './scripts/secret-in-spa-bundle';
import { LabWorld } from './world';

export const labScripts: Record<LabSlug, LabScript> = {
	'code-interception-without-pkce': codeInterception,
	'login-csrf-without-state': loginCsrf,
	'pkce-downgrade': pkceDowngrade,
	'implicit-token-leak': implicitTokenLeak,
	'code-replay': codeReplay,
	'redirect-uri-tampering': redirectUriTampering,
	'secret-in-spa-bundle': secretInSpaBundle,
	'refresh-token-theft': refreshTokenTheft
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
	if (defence !== null && !getLab(slug).defences.some((d) => d.id === defence))
		throw new RangeError(`The lab ${slug} has no defence ${defence}`);
	const laxities = script.laxities(defence);
	const strict = script.strict?.(defence) ?? [];
	const world = new LabWorld({ ...options, behaviours: [...laxities, ...strict] });
	const verdict = await script.run(world, defence);
	return { slug, defence, laxities, strict, steps: world.steps, verdict };
}
