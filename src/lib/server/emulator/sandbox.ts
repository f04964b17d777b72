/**
 * One emulator sandbox per browser, so a class can share one server: each sandbox has its own
 * store (apps, users' sessions and approvals, codes, tokens, clock offsets, rate limits, caps).
 * A browser's sandbox is named by the `grantwalk_sandbox` cookie (HttpOnly, SameSite=Lax, random,
 * never seeded) that the site sets on its pages and the emulator on its own pages. Requests without
 * it (curl, a developer's own app, the emulator run alone) use the one default sandbox, and so do
 * requests a browser makes for another origin's page: a page elsewhere cannot reach into an
 * attendee's sandbox, however many requests it sends.
 */
import type { EmulatorContext } from './context';
import { seedApps } from './context';
import { parseCookies } from './cookies';
import { formParams } from './form';
import { base64url, cryptoRandom, type Random } from './random';
import { createMemoryStore, type EmulatorStore } from './store';
import type { EmuRequest, EmuResponse } from './types';

export const sandboxCookieName = 'grantwalk_sandbox';

/** The query parameter (on /authorize after a login) that keeps a flow in the default sandbox. */
export const defaultSandboxParam = 'grantwalk_sandbox';

const idPattern = /^[A-Za-z0-9_-]{32}$/;

/** Is `value` the shape of a sandbox id (24 random bytes, base64url)? */
export function isSandboxId(value: string | undefined): value is string {
	return value !== undefined && idPattern.test(value);
}

/** A new sandbox id from the CSPRNG: never from a seed, so no one can guess a classmate's. */
export function newSandboxId(random: Random = cryptoRandom): string {
	return base64url(random.bytes(24));
}

/** The Set-Cookie value naming a browser's sandbox; a session cookie, for every path. */
export function sandboxCookie(id: string): string {
	return `${sandboxCookieName}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

/**
 * Did the browser send this request for a page of another origin? Its Origin (sent on every
 * cross-origin fetch and form POST), else Sec-Fetch-Site (sent to loopback and https origins),
 * else the Referer of a navigation. Without any of them (curl, a typed URL) it did not.
 */
export function fromAnotherOrigin(request: EmuRequest): boolean {
	const own = request.url.origin;
	const origin = request.header('origin');
	if (origin !== null) return origin !== own;
	const site = request.header('sec-fetch-site');
	if (site !== null) return site !== 'same-origin' && site !== 'none';
	const referer = request.header('referer');
	if (!referer) return false;
	try {
		return new URL(referer).origin !== own;
	} catch {
		return true;
	}
}

interface Box {
	ctx: EmulatorContext;
	lastUsed: number;
	uses: number;
}

export type Resolved =
	| {
			ctx: EmulatorContext;
			/** Set-Cookie values for a sandbox made for this request. */
			cookies: string[];
			/** The browser has a sandbox of its own, but this request belongs in the default one. */
			viaDefault: boolean;
	  }
	| { full: true };

/** When every sandbox is taken, one unused this long may make room for a new one. */
const idleToEvictMs = 15 * 60_000;
/** …or one used at most twice (made by a script, or a page never run) and idle this long. */
const barelyUsedToEvictMs = 60_000;

type BaseContext = Omit<EmulatorContext, 'store' | 'sandboxId' | 'sandboxes'>;

/** An attendee sandbox as the shared registry holds it (shared/registry.ts). */
export interface SandboxEntry {
	lastUsed: number;
	uses: number;
}

/**
 * On Redis, one request's view of what every instance must agree on (shared/registry.ts). Reads
 * not fetched yet answer as absent; `fetched()` says whether any were, and the request runs again.
 */
export interface SandboxRegistry {
	fetched(): boolean;
	/** The presenter's redirect URIs of demo apps, by client_id. */
	redirectUris(): Record<string, string[]>;
	setRedirectUris(clientId: string, uris: string[]): void;
	entry(id: string): SandboxEntry | undefined;
	/** Every attendee sandbox, on every instance. */
	entries(): [string, SandboxEntry][];
	touch(id: string, entry: SandboxEntry): void;
	/** Counts a sandbox made, so that two made at once on two instances conflict. */
	made(): void;
	/** How many were ever made (the count `made` writes): read before scanning `entries`. */
	madeCount(): number;
	forget(id: string): void;
}

/** On Redis: each sandbox's store as one request sees it, and the registry of all of them. */
export interface SharedSandboxes {
	storeFor(id: string): EmulatorStore;
	registry: SandboxRegistry;
}

/** On Redis, a sandbox's use is written down again at most this often (or while barely used). */
const touchEveryMs = 60_000;

export class Sandboxes {
	readonly default: EmulatorContext;
	readonly #base: BaseContext;
	/** In order of last use, oldest first: a Map keeps insertion order, and use re-inserts. */
	readonly #boxes = new Map<string, Box>();
	/** On Redis (shared/), one request's view of every sandbox; unset, each is in memory here. */
	readonly #shared: SharedSandboxes | undefined;

	constructor(base: BaseContext, defaultStore: EmulatorStore, shared?: SharedSandboxes) {
		this.#base = base;
		this.#shared = shared;
		this.default = { ...base, store: defaultStore, sandboxId: null, sandboxes: this };
		// The presenter's redirect URIs, as another instance may have set them, for sandboxes made now.
		if (shared)
			for (const [clientId, uris] of Object.entries(shared.registry.redirectUris())) {
				const seed = base.config.apps.find((app) => app.clientId === clientId);
				if (seed) seed.redirectUris = [...uris];
			}
		this.#seed(this.default);
	}

	/** A shared store is seeded once, by whichever instance meets it first (no seeded app in it). */
	#seed(ctx: EmulatorContext): void {
		const first = ctx.config.apps[0];
		if (this.#shared && first && ctx.store.apps.get(first.clientId)) return;
		seedApps(ctx);
	}

	/** On Redis, a sandbox made before the presenter's redirect-URI change follows it when used. */
	#follow(ctx: EmulatorContext): void {
		if (!this.#shared) return;
		for (const [clientId, uris] of Object.entries(this.#shared.registry.redirectUris())) {
			const app = ctx.store.apps.get(clientId);
			if (app?.seeded && app.redirectUris.join(' ') !== uris.join(' '))
				app.redirectUris = [...uris];
		}
	}

	get size(): number {
		return this.#boxes.size;
	}

	/** The sandbox with this id, if it is held; does not count as a use. */
	get(id: string): EmulatorContext | undefined {
		return this.#boxes.get(id)?.ctx;
	}

	/** Every context: the default sandbox first, then the attendees' in order of last use. */
	all(): EmulatorContext[] {
		return [this.default, ...[...this.#boxes.values()].map((box) => box.ctx)];
	}

	/** Approximate bytes held by every sandbox's store. */
	bytes(): number {
		return this.all().reduce((sum, ctx) => sum + ctx.store.bytes(), 0);
	}

	/**
	 * The sandbox named `id`, made if it is new (an id from a cookie the site set); null when
	 * all `maxSandboxes` are in use and none is idle enough to make room.
	 */
	open(id: string): EmulatorContext | null {
		if (this.#shared) return this.#openShared(id, this.#shared);
		const now = this.#base.clock.now();
		this.#forgetIdle(now);
		const box = this.#boxes.get(id);
		if (box) {
			this.#boxes.delete(id);
			this.#boxes.set(id, { ...box, lastUsed: now, uses: box.uses + 1 });
			return box.ctx;
		}
		if (this.#boxes.size >= this.#base.config.maxSandboxes && !this.#makeRoom(now)) return null;
		const ctx: EmulatorContext = {
			...this.#base,
			store: createMemoryStore(() => this.#base.clock.now(), this.#base.config.sandboxCaps),
			sandboxId: id,
			sandboxes: this
		};
		this.#seed(ctx);
		this.#boxes.set(id, { ctx, lastUsed: now, uses: 1 });
		return ctx;
	}

	/**
	 * `open` on Redis: the registry, not this request's map, says which sandboxes exist, so the cap
	 * holds across instances. Every sandbox made counts itself (registry.made), so two instances
	 * making the last free one at once conflict, and the one that runs again finds it taken.
	 */
	#openShared(id: string, shared: SharedSandboxes): EmulatorContext | null {
		const now = this.#base.clock.now();
		const { registry } = shared;
		const ctx: EmulatorContext = {
			...this.#base,
			store: shared.storeFor(id),
			sandboxId: id,
			sandboxes: this
		};
		const entry = registry.entry(id);
		// Not fetched yet: the request runs again once it is, without scanning for nothing.
		if (!registry.fetched()) return ctx;
		if (entry) {
			if (entry.uses <= 2 || now - entry.lastUsed >= touchEveryMs)
				registry.touch(id, { lastUsed: now, uses: entry.uses + 1 });
			this.#seed(ctx);
			this.#boxes.set(id, { ctx, lastUsed: now, uses: entry.uses + 1 });
			return ctx;
		}
		// The count first, fetched before the scan: a sandbox another instance makes after this read
		// changes it, so this request's commit conflicts and runs again, even where the scan (which
		// the commit does not check) missed that sandbox. Read after the scan, a count could be
		// newer than the scan and let one sandbox too many through.
		registry.madeCount();
		if (!registry.fetched()) return ctx;
		const entries = registry.entries();
		if (!registry.fetched()) return ctx;
		if (entries.length >= this.#base.config.maxSandboxes) {
			const idle = entries
				.sort(([, a], [, b]) => a.lastUsed - b.lastUsed)
				.find(([, box]) => evictable(box, now));
			if (!idle) return null;
			registry.forget(idle[0]);
		}
		registry.made();
		registry.touch(id, { lastUsed: now, uses: 1 });
		// A sandbox forgotten (evicted, or reset by the presenter) starts empty, as in memory.
		ctx.store.clear();
		seedApps(ctx);
		this.#boxes.set(id, { ctx, lastUsed: now, uses: 1 });
		return ctx;
	}

	/** Which sandbox serves `request` (at `path` under the mount, or null outside it). */
	resolve(request: EmuRequest, path: string | null): Resolved {
		const resolved = this.#resolve(request, path);
		if ('ctx' in resolved) this.#follow(resolved.ctx);
		return resolved;
	}

	/** The default sandbox (a method, not a closure made on every request). */
	#fallback(viaDefault: boolean): Resolved {
		return { ctx: this.default, cookies: [], viaDefault };
	}

	#resolve(request: EmuRequest, path: string | null): Resolved {
		if (!this.#base.config.sandboxes || path === null) return this.#fallback(false);
		const raw = parseCookies(request.header('cookie')).get(sandboxCookieName);
		if (!isSandboxId(raw)) {
			if (!mintsSandbox(request, path)) return this.#fallback(false);
			const id = newSandboxId(this.#base.random);
			const ctx = this.open(id);
			return ctx ? { ctx, cookies: [sandboxCookie(id)], viaDefault: false } : this.#fallback(false);
		}
		if (request.url.searchParams.get(defaultSandboxParam) === 'default')
			return this.#fallback(true);
		if (fromAnotherOrigin(request)) return this.#fallback(true);
		if (isForm(request, path) && this.#interactionIsDefault(request, raw))
			return this.#fallback(true);
		const ctx = this.open(raw);
		return ctx ? { ctx, cookies: [], viaDefault: false } : { full: true };
	}

	/**
	 * A sandbox held by no one: not in this map, with an id no cookie can name (`lab-` and 32
	 * characters). For lab.ts, which adds the lab's rules; forgotten when its holder drops it.
	 */
	detached(): EmulatorContext {
		const ctx: EmulatorContext = {
			...this.#base,
			store: createMemoryStore(() => this.#base.clock.now(), this.#base.config.sandboxCaps),
			sandboxId: `lab-${newSandboxId(this.#base.random)}`,
			sandboxes: this
		};
		seedApps(ctx);
		return ctx;
	}

	/** Forgets every attendee sandbox and resets the default one: the presenter's reset. */
	resetAll(): void {
		// On Redis, every instance's: each sandbox's records go when a browser next uses it.
		if (this.#shared)
			for (const [id] of this.#shared.registry.entries()) this.#shared.registry.forget(id);
		this.#boxes.clear();
		this.default.store.clear();
		seedApps(this.default);
	}

	/**
	 * Sets the redirect URIs a seeded app registers, in every sandbox and in the ones made later
	 * (its AppSeed in the shared configuration): the presenter's change, for the whole class.
	 */
	setSharedRedirectUris(clientId: string, uris: string[]): boolean {
		const seed = this.#base.config.apps.find((app) => app.clientId === clientId);
		if (!seed) return false;
		seed.redirectUris = [...uris];
		// On Redis, for every instance: each sandbox follows it when next used (#follow).
		this.#shared?.registry.setRedirectUris(clientId, uris);
		for (const ctx of this.all()) {
			const app = ctx.store.apps.get(clientId);
			if (app?.seeded) app.redirectUris = [...uris];
		}
		return true;
	}

	/**
	 * A login or consent form whose interaction began in the default sandbox (an /authorize
	 * opened from another origin's page, such as a developer's own app) finishes there.
	 */
	#interactionIsDefault(request: EmuRequest, id: string): boolean {
		const interaction = formParams(request).get('interaction') ?? '';
		if (!interaction) return false;
		const own = this.#boxes.get(id)?.ctx.store.interactions.get(interaction);
		return !own && this.default.store.interactions.get(interaction) !== undefined;
	}

	#forgetIdle(now: number): void {
		const idleMs = this.#base.config.sandboxIdleSeconds * 1000;
		for (const [id, box] of this.#boxes) {
			if (now - box.lastUsed < idleMs) return;
			this.#boxes.delete(id);
		}
	}

	#makeRoom(now: number): boolean {
		for (const [id, box] of this.#boxes) {
			if (evictable(box, now)) {
				this.#boxes.delete(id);
				return true;
			}
		}
		return false;
	}
}

/** May this sandbox make room for a new one when every sandbox is taken? */
function evictable(box: { lastUsed: number; uses: number }, now: number): boolean {
	const idle = now - box.lastUsed;
	return idle >= idleToEvictMs || (box.uses <= 2 && idle >= barelyUsedToEvictMs);
}

/** The emulator's own pages, opened in a browser without a sandbox yet, get one. */
function mintsSandbox(request: EmuRequest, path: string): boolean {
	if (request.method !== 'GET') return false;
	const page =
		path === '' ||
		path === '/' ||
		path.startsWith('/dashboard') ||
		path.startsWith('/account/apps');
	return page && (request.header('accept') ?? '').includes('text/html');
}

function isForm(request: EmuRequest, path: string): boolean {
	return request.method === 'POST' && (path === '/accounts/login' || path === '/accounts/consent');
}

/**
 * A redirect back to /authorize (after a login) in the default sandbox, for a browser that has a
 * sandbox of its own: marked, so that the flow stays where it began.
 */
export function keepInDefault(response: EmuResponse, mount: string): EmuResponse {
	const location = response.headers.location;
	if (!location?.startsWith(`${mount}/accounts/authorize?`)) return response;
	return {
		...response,
		headers: { ...response.headers, location: `${location}&${defaultSandboxParam}=default` }
	};
}

/** 503 when every sandbox is in use: better than mixing two attendees in one. */
export function sandboxesFull(max: number): EmuResponse {
	return {
		status: 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' },
		body: `The emulator holds as many sandboxes as it may (${max}, EMULATOR_MAX_SANDBOXES), and none has been idle long enough to make room. Try again in a minute.\n`
	};
}
