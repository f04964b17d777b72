/**
 * The presenter key (GRANTWALK_PRESENTER_KEY) guards what every sandbox shares: the demo apps'
 * registered redirect URIs as the whole class sees them, and a reset of every sandbox. On one's
 * own machine (the server listens on loopback only, no key set) no key is needed; beyond loopback
 * the server always has one (generated and printed at start when none is given).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext } from './context';
import type { EmuRequest } from './types';

export const presenterKeyHeader = 'x-grantwalk-presenter-key';

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}

/** May this request change shared settings? Compared in constant time. */
export function presenterAllowed(ctx: EmulatorContext, request: EmuRequest): boolean {
	return presenterKeyMatches(ctx.config, request.header(presenterKeyHeader));
}

/** Is `given` the presenter key, or is none needed? (The site's follow rooms ask this too.) */
export function presenterKeyMatches(
	config: Pick<EmulatorContext['config'], 'presenterKey' | 'presenterKeyRequired'>,
	given: string | null
): boolean {
	const { presenterKey, presenterKeyRequired } = config;
	if (!presenterKeyRequired) return true;
	if (presenterKey === null || given === null) return false;
	return timingSafeEqual(digest(given), digest(presenterKey));
}
