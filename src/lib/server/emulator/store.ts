/**
 * All of the emulator's mutable state, in one injectable object. Every collection is capped and
 * codes and tokens are evicted some time after they expire (kept a while so the emulator can still
 * say "expired" rather than "invalid").
 */
import { ExpiringMap } from './expiring-map';
import type {
	AccessTokenRecord,
	App,
	CodeRecord,
	Interaction,
	RefreshTokenRecord,
	Session
} from './types';

export interface StoreCaps {
	apps: number;
	codes: number;
	accessTokens: number;
	refreshTokens: number;
	sessions: number;
	interactions: number;
}

export const defaultCaps: StoreCaps = {
	apps: 2_000,
	codes: 20_000,
	accessTokens: 100_000,
	refreshTokens: 50_000,
	sessions: 10_000,
	interactions: 20_000
};

export interface EmulatorStore {
	apps: ExpiringMap<string, App>;
	codes: ExpiringMap<string, CodeRecord>;
	accessTokens: ExpiringMap<string, AccessTokenRecord>;
	refreshTokens: ExpiringMap<string, RefreshTokenRecord>;
	sessions: ExpiringMap<string, Session>;
	interactions: ExpiringMap<string, Interaction>;
	/** Scopes each user approved for each app, keyed `userId client_id`. */
	approvals: ExpiringMap<string, string[]>;
	/** Until when (app clock ms) a client's Web API calls answer 429. */
	rateLimits: ExpiringMap<string, number>;
	/** Clock offsets in ms, per client_id, set through the control API. */
	clockOffsets: ExpiringMap<string, number>;
	clear(): void;
}

/** The default in-memory store; `now` is the real (base) clock, used only for eviction. */
export function createMemoryStore(now: () => number, caps: StoreCaps = defaultCaps): EmulatorStore {
	const store: Omit<EmulatorStore, 'clear'> = {
		apps: new ExpiringMap(caps.apps, now),
		codes: new ExpiringMap(caps.codes, now),
		accessTokens: new ExpiringMap(caps.accessTokens, now),
		refreshTokens: new ExpiringMap(caps.refreshTokens, now),
		sessions: new ExpiringMap(caps.sessions, now),
		interactions: new ExpiringMap(caps.interactions, now),
		approvals: new ExpiringMap(caps.sessions * 4, now),
		rateLimits: new ExpiringMap(caps.apps, now),
		clockOffsets: new ExpiringMap(caps.apps, now)
	};
	return {
		...store,
		clear() {
			for (const map of Object.values(store)) map.clear();
		}
	};
}

export function approvalKey(userId: string, clientId: string): string {
	return `${userId} ${clientId}`;
}
