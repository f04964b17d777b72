/**
 * PKCE (RFC 7636): the code verifier and its S256 challenge, as Spotify's PKCE tutorial asks
 * (shared/spotify-reference.md §4).
 */
import { base64, base64url } from './encoding';
import { cryptoRandom, randomString, type RandomSource } from './random';
import { sha256 } from './sha256';

/** RFC 7636 §4.1 `unreserved` characters, the only ones a verifier may use. */
export const VERIFIER_ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
export const VERIFIER_MIN_LENGTH = 43;
export const VERIFIER_MAX_LENGTH = 128;

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

/** True when `value` is a well-formed verifier (RFC 7636 §4.1: 43–128 unreserved characters). */
export function isValidCodeVerifier(value: string): boolean {
	return /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
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
	const digest = await sha256(new TextEncoder().encode(verifier));
	return options.standardBase64Challenge ? base64(digest) : base64url(digest);
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
