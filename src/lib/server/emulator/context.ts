/** What every handler and check receives: configuration, clock, randomness and the store. */
import { getEra, type Era } from '../../spotify/eras';
import type { Clock } from './clock';
import type { EmulatorConfig } from './config';
import { base64url, hex, type Random } from './random';
import type { Sandboxes } from './sandbox';
import type { LabRules } from './laxities';
import type { EmulatorStore } from './store';
import type { App } from './types';

export interface EmulatorContext {
	config: EmulatorConfig;
	clock: Clock;
	random: Random;
	/** This sandbox's store (sandbox.ts): nothing in it is seen by another sandbox. */
	store: EmulatorStore;
	/** The sandbox's id, or null for the default sandbox (requests without a sandbox cookie). */
	sandboxId: string | null;
	/** Every sandbox: for the presenter's shared settings only. */
	sandboxes: Sandboxes;
	/** Only on a lab sandbox (lab.ts): the lax behaviours it has on. Absent everywhere else. */
	readonly lab?: LabRules;
}

/**
 * The clock an app's codes and tokens live by: the real clock plus any offset the control API
 * set for that client (or for everyone, under `*`), so a test can jump past a code's ten minutes
 * without touching other tests' apps.
 */
export function appNow(ctx: EmulatorContext, clientId: string | null): number {
	const all = ctx.store.clockOffsets.get('*') ?? 0;
	const own = clientId === null ? 0 : (ctx.store.clockOffsets.get(clientId) ?? 0);
	return ctx.clock.now() + all + own;
}

/** A random id (sessions, CSRF tokens, interactions, nonces): always random, never seeded. */
export function newId(ctx: EmulatorContext, bytes = 16): string {
	return base64url(ctx.random.bytes(bytes));
}

/** 32 hex characters, the shape of Spotify client ids and secrets; always random, never seeded. */
export function newHex32(ctx: EmulatorContext): string {
	return hex(ctx.random.bytes(16));
}

export function findApp(ctx: EmulatorContext, clientId: string): App | undefined {
	return ctx.store.apps.get(clientId);
}

export function appEra(app: App): Era {
	return getEra(app.era);
}

/** Puts the configured apps (demo, legacy, development mode) into the store; never evicted. */
export function seedApps(ctx: EmulatorContext): void {
	for (const seed of ctx.config.apps) {
		ctx.store.apps.set(seed.clientId, {
			...seed,
			redirectUris: [...seed.redirectUris],
			...(seed.developmentMode && { developmentMode: { ...seed.developmentMode } }),
			seeded: true,
			createdAt: 0
		});
	}
}
