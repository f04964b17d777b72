/** Randomness, injected so that unit tests can replace the CSPRNG with a repeatable stream. */
import { createHash, randomFillSync } from 'node:crypto';

export interface Random {
	bytes(length: number): Uint8Array;
	/** `base64url(bytes(length))` without the copy, where the source can (the CSPRNG pool). */
	base64url?(length: number): string;
}

/** The system CSPRNG, drawn from a pool: one large fill is far cheaper than many small ones. */
export function createCryptoRandom(poolSize = 64 * 1024): Random {
	const pool = Buffer.alloc(poolSize);
	let offset = poolSize;
	/** Where the next `length` fresh bytes start in the pool (refilled when they would not fit). */
	const take = (length: number): number => {
		if (offset + length > poolSize) {
			randomFillSync(pool);
			offset = 0;
		}
		offset += length;
		return offset - length;
	};
	return {
		bytes(length) {
			if (length > poolSize) return new Uint8Array(randomFillSync(Buffer.alloc(length)));
			const start = take(length);
			// A copy, so a token never shares memory with bytes handed out later.
			return new Uint8Array(pool.subarray(start, start + length));
		},
		base64url(length) {
			if (length > poolSize) return randomFillSync(Buffer.alloc(length)).toString('base64url');
			const start = take(length);
			// Encoded straight from the pool: each byte is still used once.
			return pool.toString('base64url', start, start + length);
		}
	};
}

export const cryptoRandom: Random = createCryptoRandom();

/**
 * A deterministic stand-in for the CSPRNG in unit tests: SHA-256 over the seed and a counter.
 * Predictable by design, so never in a running emulator (EMULATOR_SEED seeds codes and tokens
 * through seed.ts instead, and leaves this source random).
 */
export function seededRandom(seed: string): Random {
	let counter = 0;
	let pool = Buffer.alloc(0);
	return {
		bytes(length) {
			while (pool.length < length) {
				const block = createHash('sha256').update(`${seed}\u0000${counter++}`).digest();
				pool = Buffer.concat([pool, block]);
			}
			const out = pool.subarray(0, length);
			pool = pool.subarray(length);
			return new Uint8Array(out);
		}
	};
}

/** `length` random bytes as base64url: from the source's own encoder when it has one. */
export function randomBase64url(random: Random, length: number): string {
	return random.base64url ? random.base64url(length) : base64url(random.bytes(length));
}

/** base64url without padding (RFC 4648 §5), the alphabet of Spotify's opaque tokens. */
export function base64url(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

export function hex(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
