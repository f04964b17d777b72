/** Randomness, injected so that unit tests can replace the CSPRNG with a repeatable stream. */
import { createHash, randomFillSync } from 'node:crypto';

export interface Random {
	bytes(length: number): Uint8Array;
}

/** The system CSPRNG, drawn from a pool: one large fill is far cheaper than many small ones. */
export function createCryptoRandom(poolSize = 64 * 1024): Random {
	const pool = Buffer.alloc(poolSize);
	let offset = poolSize;
	return {
		bytes(length) {
			if (length > poolSize) return new Uint8Array(randomFillSync(Buffer.alloc(length)));
			if (offset + length > poolSize) {
				randomFillSync(pool);
				offset = 0;
			}
			// A copy, so a token never shares memory with bytes handed out later.
			const out = new Uint8Array(pool.subarray(offset, offset + length));
			offset += length;
			return out;
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

/** base64url without padding (RFC 4648 §5), the alphabet of Spotify's opaque tokens. */
export function base64url(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

export function hex(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
