/**
 * Lab sandboxes, for the attack labs (src/lib/server/labs): a throwaway emulator sandbox with its
 * own store and the named lax or strict behaviours (laxities.ts) the lab asks for. It is held by no map, so no
 * cookie, control endpoint or presenter can reach it, and it is forgotten with the run; requests
 * reach it only through `handle`, in-process. Nothing here can set a laxity anywhere else.
 */
import type { EmulatorContext } from './context';
import {
	isLaxity,
	isStrictness,
	registerLabContext,
	type LabBehaviour,
	type Laxity,
	type Strictness
} from './laxities';
import { route } from './router';
import type { Sandboxes } from './sandbox';
import type { EmuRequest, EmuResponse } from './types';

export interface LabSandbox {
	readonly ctx: EmulatorContext;
	/** Answers one request as the emulator would, in this sandbox only. */
	handle(request: EmuRequest): EmuResponse;
}

export function openLabSandbox(sandboxes: Sandboxes, on: readonly LabBehaviour[] = []): LabSandbox {
	for (const name of on)
		if (!isLaxity(name) && !isStrictness(name))
			throw new RangeError(`No lab behaviour is called ${name}`);
	const ctx: EmulatorContext = {
		...sandboxes.detached(),
		lab: Object.freeze({
			laxities: new Set(on.filter(isLaxity)) as ReadonlySet<Laxity>,
			strict: new Set(on.filter(isStrictness)) as ReadonlySet<Strictness>
		})
	};
	registerLabContext(ctx);
	return {
		ctx,
		handle: (request) => {
			const response = route(ctx, request);
			return request.method === 'HEAD' ? { ...response, body: '' } : response;
		}
	};
}
