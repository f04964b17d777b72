/**
 * All of the emulator's mutable state, in one injectable object. Every collection is capped and
 * codes and tokens are evicted some time after they expire (kept a while so the emulator can still
 * say "expired" rather than "invalid").
 */
import { ExpiringMap } from './expiring-map';
import type {
	AccessTokenRecord,
	App,
	Approval,
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
	/** The store's budget in approximate bytes, shared out between its collections (byteShares). */
	bytes: number;
}

/** The default sandbox's caps: curl, tests and developers' own apps (sandbox.ts). */
export const defaultCaps: StoreCaps = {
	apps: 2_000,
	codes: 20_000,
	accessTokens: 100_000,
	refreshTokens: 50_000,
	sessions: 10_000,
	interactions: 20_000,
	bytes: 96 * 1024 * 1024
};

/**
 * One attendee's sandbox: plenty for a day of runs by hand (and for a flood of their own making,
 * which only evicts their own tokens), small enough that a few hundred fit in memory.
 */
export const sandboxCaps: StoreCaps = {
	apps: 50,
	codes: 500,
	accessTokens: 2_000,
	refreshTokens: 1_000,
	sessions: 50,
	interactions: 200,
	bytes: 1024 * 1024
};

/** How the byte budget is shared out: each collection's part of StoreCaps.bytes. */
const byteShares = {
	apps: 0.1,
	codes: 0.2,
	accessTokens: 0.25,
	refreshTokens: 0.15,
	sessions: 0.05,
	interactions: 0.15,
	approvals: 0.04,
	rateLimits: 0.03,
	clockOffsets: 0.03
} as const;

/**
 * What handlers use of a collection: the in-memory ExpiringMap, or one request's view of Redis
 * (shared/txn.ts), which has the same synchronous surface.
 */
export type StoreMap<V> = Pick<
	ExpiringMap<string, V>,
	'get' | 'set' | 'delete' | 'entries' | 'clear' | 'size' | 'bytes' | 'cap'
>;

export interface EmulatorStore {
	apps: StoreMap<App>;
	codes: StoreMap<CodeRecord>;
	accessTokens: StoreMap<AccessTokenRecord>;
	refreshTokens: StoreMap<RefreshTokenRecord>;
	sessions: StoreMap<Session>;
	interactions: StoreMap<Interaction>;
	/** What each user approved for each app (granted and remembered scopes), keyed `userId client_id`. */
	approvals: StoreMap<Approval>;
	/** Until when (app clock ms) a client's Web API calls answer 429. */
	rateLimits: StoreMap<number>;
	/** Clock offsets in ms, per client_id, set through the control API. */
	clockOffsets: StoreMap<number>;
	clear(): void;
	/** The approximate bytes held by all collections. */
	bytes(): number;
}

/** The default in-memory store; `now` is the real (base) clock, used only for eviction. */
export function createMemoryStore(now: () => number, caps: StoreCaps = defaultCaps): EmulatorStore {
	const bytes = (name: keyof typeof byteShares) => caps.bytes * byteShares[name];
	const store: Omit<EmulatorStore, 'clear' | 'bytes'> = {
		apps: new ExpiringMap(caps.apps, now, bytes('apps')),
		codes: new ExpiringMap(caps.codes, now, bytes('codes')),
		accessTokens: new ExpiringMap(caps.accessTokens, now, bytes('accessTokens')),
		refreshTokens: new ExpiringMap(caps.refreshTokens, now, bytes('refreshTokens')),
		sessions: new ExpiringMap(caps.sessions, now, bytes('sessions')),
		interactions: new ExpiringMap(caps.interactions, now, bytes('interactions')),
		approvals: new ExpiringMap(caps.sessions * 4, now, bytes('approvals')),
		rateLimits: new ExpiringMap(caps.apps, now, bytes('rateLimits')),
		clockOffsets: new ExpiringMap(caps.apps, now, bytes('clockOffsets'))
	};
	return {
		...store,
		clear() {
			for (const map of Object.values(store)) map.clear();
		},
		bytes() {
			return Object.values(store).reduce((sum, map) => sum + map.bytes, 0);
		}
	};
}

/** The collections, by name: the Redis store's key segments (`gw:<sandbox>:<collection>:<key>`). */
export const collectionNames = Object.keys(byteShares) as (keyof typeof byteShares)[];

export function approvalKey(userId: string, clientId: string): string {
	return `${userId} ${clientId}`;
}
