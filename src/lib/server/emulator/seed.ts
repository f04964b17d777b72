/**
 * Seeded values: with a seed, each code and token is derived from the seed and the inputs that
 * cause it, never from a shared counter, so the same run gives the same values on any screen,
 * on any instance, whoever else used the emulator in between. Without a seed, values are random.
 * Sessions, CSRF tokens, interaction ids and client secrets never come from here.
 */
import { hkdfSync } from 'node:crypto';
import { seedCookieName, seedFromCookieValue } from '../../spotify/emulator-seed';
import type { EmulatorContext } from './context';
import { parseCookies } from './cookies';
import { base64url, randomBase64url } from './random';
import type { EmuRequest } from './types';

/** The seed of a request: its `grantwalk_seed` cookie, else EMULATOR_SEED, else none. */
export function requestSeed(ctx: EmulatorContext, request: EmuRequest): string | null {
	const header = request.header('cookie');
	// Most token requests (curl, a server, a benchmark) carry no seed cookie: no parsing then.
	if (header === null || !header.includes(seedCookieName)) return ctx.config.seed;
	const raw = parseCookies(header).get(seedCookieName);
	return seedFromCookieValue(raw) ?? ctx.config.seed;
}

/** What a seeded artifact is derived from: its kind and the inputs that cause it, in order. */
export interface Derivation {
	seed: string | null;
	kind: string;
	inputs: readonly (string | number | null)[];
}

/**
 * HKDF-SHA256 (RFC 5869, https://www.rfc-editor.org/rfc/rfc5869): extract with the seed as salt
 * (HMAC keyed by the seed) over the JSON-encoded inputs, expand to `length` with the kind as info.
 * JSON keeps the encoding unambiguous: ["a b", "c"] and ["a", "b c"] never collide.
 */
export function seededBytes(
	seed: string,
	kind: string,
	inputs: Derivation['inputs'],
	length: number
) {
	return new Uint8Array(hkdfSync('sha256', JSON.stringify(inputs), seed, kind, length));
}

/**
 * An opaque token like Spotify's, a two-letter prefix (`AQ` codes and refresh, `BQ` access) and
 * base64url: derived when the derivation has a seed, from the random source otherwise.
 */
export function issueValue(
	ctx: EmulatorContext,
	prefix: 'AQ' | 'BQ',
	bytes: number,
	derivation: Derivation
): string {
	const { seed, kind, inputs } = derivation;
	return (
		prefix +
		(seed === null
			? randomBase64url(ctx.random, bytes)
			: base64url(seededBytes(seed, kind, inputs, bytes)))
	);
}
