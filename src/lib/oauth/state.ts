/**
 * The `state` parameter: an unguessable value bound to the browser session, echoed back by
 * Spotify, that lets the callback reject responses it did not ask for (RFC 6749 §10.12).
 */
import { cryptoRandom, randomString, type RandomSource } from './random';

const STATE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Generates a `state` value: 22 alphanumeric characters, about 131 bits (RFC 6749 §10.10). */
export function generateState(options: { random?: RandomSource; length?: number } = {}): string {
	return randomString(STATE_ALPHABET, options.length ?? 22, options.random ?? cryptoRandom);
}

/**
 * Compares the returned state with the stored one in time independent of where they differ, so
 * the comparison leaks nothing about the expected value but its length (RFC 6749 §10.12).
 */
export function stateMatches(expected: string, received: string | undefined): boolean {
	if (received === undefined || expected.length === 0 || received.length !== expected.length)
		return false;
	let difference = 0;
	for (let i = 0; i < expected.length; i++)
		difference |= expected.charCodeAt(i) ^ received.charCodeAt(i);
	return difference === 0;
}
