/**
 * How a run's seed reaches the emulator: a cookie that the explorer sets with `document.cookie`
 * (path `/`, SameSite=Lax, the value URL-encoded) and that the emulator reads on each request; a
 * curl may send it as `Cookie: grantwalk_seed=…`. Browser and server both read this module.
 */

export const seedCookieName = 'grantwalk_seed';

/** Longer seeds are ignored (the emulator falls back on EMULATOR_SEED, or on randomness). */
export const maxSeedLength = 64;

/** Can `seed` travel in the cookie? Non-empty and at most `maxSeedLength` characters. */
export function isUsableSeed(seed: string): boolean {
	return seed.length > 0 && seed.length <= maxSeedLength;
}

/**
 * The `document.cookie` assignment that hands `seed` to the emulator; null removes the cookie.
 * Throws for a seed the emulator would ignore, so a run never silently loses its seed.
 */
export function seedCookie(seed: string | null): string {
	if (seed === null) return `${seedCookieName}=; Path=/; SameSite=Lax; Max-Age=0`;
	if (!isUsableSeed(seed))
		throw new RangeError(`A seed must have 1 to ${maxSeedLength} characters.`);
	return `${seedCookieName}=${encodeURIComponent(seed)}; Path=/; SameSite=Lax`;
}

/** The seed a cookie's raw value carries, or null when it is absent, empty, mis-encoded or too long. */
export function seedFromCookieValue(raw: string | undefined): string | null {
	if (!raw) return null;
	let seed: string;
	try {
		seed = decodeURIComponent(raw);
	} catch {
		return null;
	}
	return isUsableSeed(seed) ? seed : null;
}
