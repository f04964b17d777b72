/**
 * PKCE (RFC 7636): the code verifier and its S256 challenge, as Spotify's PKCE tutorial asks
 * (shared/spotify-reference.md §4).
 */
import {
	isValidCodeVerifier,
	s256Challenge,
	s256StandardBase64,
	VERIFIER_ALPHABET,
	VERIFIER_MAX_LENGTH,
	VERIFIER_MIN_LENGTH
} from '$lib/core/encoding';
import { cryptoRandom, randomString, type RandomSource } from './random';

export { isValidCodeVerifier, VERIFIER_ALPHABET, VERIFIER_MAX_LENGTH, VERIFIER_MIN_LENGTH };

export interface VerifierOptions {
	/** 43 to 128; 64 like Spotify's own example. */
	length?: number;
	random?: RandomSource;
}

/** Generates a code verifier: `length` unreserved characters (RFC 7636 §4.1). */
export function generateCodeVerifier(options: VerifierOptions = {}): string {
	const length = options.length ?? 64;
	if (!Number.isInteger(length) || length < VERIFIER_MIN_LENGTH || length > VERIFIER_MAX_LENGTH)
		throw new RangeError(`A code verifier has 43 to 128 characters, not ${length}`);
	return randomString(VERIFIER_ALPHABET, length, options.random ?? cryptoRandom);
}

export interface ChallengeOptions {
	/**
	 * Teaching mistake: encode the digest with standard base64 (`+`, `/`, `=` padding) instead of
	 * base64url, the classic bug behind `code_verifier was incorrect`. Off by default.
	 */
	standardBase64Challenge?: boolean;
}

/** S256 code challenge: BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2). */
export async function computeCodeChallenge(
	verifier: string,
	options: ChallengeOptions = {}
): Promise<string> {
	return options.standardBase64Challenge ? s256StandardBase64(verifier) : s256Challenge(verifier);
}

/**
 * Teaching mistake "wrong verifier": a verifier that is still well formed but differs from the
 * one the challenge was made from, so Spotify answers `code_verifier was incorrect` rather than
 * `code_verifier was invalid`. Deterministic: the last character is swapped for the next one.
 */
export function alterCodeVerifier(verifier: string): string {
	const last = verifier.at(-1) ?? 'A';
	const index = VERIFIER_ALPHABET.indexOf(last);
	const replacement = VERIFIER_ALPHABET[(index + 1) % VERIFIER_ALPHABET.length];
	return verifier.slice(0, -1) + replacement;
}
