/**
 * Random sources. Everything that needs randomness (state, code verifier) takes a `RandomSource`,
 * so presenter mode and tests can pass a seeded one and get the same values on every screen.
 */

/** Returns `length` random bytes. */
export type RandomSource = (length: number) => Uint8Array;

/** Cryptographically strong bytes from Web Crypto: the default everywhere outside tests. */
export const cryptoRandom: RandomSource = (length) =>
	crypto.getRandomValues(new Uint8Array(length));

/**
 * A deterministic source for a seed (deterministic mode). Not for secrets that protect anything
 * real: the same seed gives the same bytes to anyone who knows it, which is the point here.
 */
export function seededRandom(seed: string | number): RandomSource {
	let stateWord = hashSeed(String(seed));
	// mulberry32: tiny, fast, and well distributed enough to pick characters.
	const next = (): number => {
		stateWord = (stateWord + 0x6d2b79f5) | 0;
		let t = stateWord;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	};
	return (length) => {
		const bytes = new Uint8Array(length);
		for (let i = 0; i < length; i++) bytes[i] = next() & 0xff;
		return bytes;
	};
}

/** FNV-1a over the seed's UTF-16 code units: different seeds start the generator apart. */
function hashSeed(seed: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		hash ^= seed.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * `length` characters drawn uniformly from `alphabet` (at most 256 characters). Rejection
 * sampling avoids the bias of `byte % alphabet.length`.
 */
export function randomString(alphabet: string, length: number, random: RandomSource): string {
	if (alphabet.length === 0 || alphabet.length > 256) throw new RangeError('alphabet size');
	const limit = 256 - (256 % alphabet.length);
	let out = '';
	while (out.length < length) {
		for (const byte of random(length - out.length)) {
			if (byte < limit) out += alphabet[byte % alphabet.length];
			if (out.length === length) break;
		}
	}
	return out;
}
