/**
 * The values of one attempt, all derived from its seed: the app's credentials, redirect URI,
 * scopes, state and PKCE verifier. Two attempts with different seeds share nothing, so an answer
 * copied from a neighbour's screen does not pass; the same seed (a reload, a shared link) gives the
 * same values. Pure: the page and the grader compute the same world from the seed alone.
 */
import { base64url, hex, s256Challenge, sha256 } from '$lib/core/encoding';
import type { EraId } from '$lib/spotify/eras';

export interface ExerciseWorld {
	seed: string;
	era: EraId;
	clientId: string;
	/** A throwaway value for this attempt only; never a real app's secret. */
	clientSecret: string;
	/** The redirect URI the app registered (and must send). */
	redirectUri: string;
	scopes: string[];
	state: string;
	verifier: string;
	challenge: string;
	/** refresh-request: which app refreshes, the confidential one or the PKCE one. */
	refreshClient: 'confidential' | 'pkce';
}

const scopePool = [
	'user-read-private',
	'user-read-email',
	'user-top-read',
	'playlist-read-private',
	'playlist-modify-private',
	'user-library-read',
	'user-read-recently-played',
	'user-read-playback-state'
];

/** `bytes` deterministic bytes for `label` under `seed` (SHA-256 chained). */
function derive(seed: string, label: string, bytes: number): Uint8Array {
	const out = new Uint8Array(bytes);
	for (let offset = 0, round = 0; offset < bytes; round++) {
		const block = sha256(
			new TextEncoder().encode(`grantwalk exercise\u0000${seed}\u0000${label}\u0000${round}`)
		);
		out.set(block.slice(0, bytes - offset), offset);
		offset += block.length;
	}
	return out;
}

/** A fresh attempt seed: 16 hex digits from the CSPRNG. */
export function newSeed(): string {
	return hex(crypto.getRandomValues(new Uint8Array(8)));
}

/** Seeds are short and plain, so they survive a hidden field and a link unchanged. */
export function isSeed(value: string): boolean {
	return /^[0-9a-z-]{4,32}$/.test(value);
}

export function makeWorld(seed: string, era: EraId = '2026'): ExerciseWorld {
	const pick = derive(seed, 'choices', 8);
	const port = 3000 + (((pick[0] << 8) | pick[1]) % 6000);
	const first = pick[2] % scopePool.length;
	const second = (first + 1 + (pick[3] % (scopePool.length - 1))) % scopePool.length;
	const verifier = base64url(derive(seed, 'verifier', 48));
	return {
		seed,
		era,
		clientId: hex(derive(seed, 'client id', 16)),
		clientSecret: hex(derive(seed, 'client secret', 16)),
		redirectUri: `http://127.0.0.1:${port}/callback`,
		scopes: [scopePool[first], scopePool[second]],
		state: base64url(derive(seed, 'state', 12)),
		verifier,
		challenge: s256Challenge(verifier),
		refreshClient: pick[4] % 2 === 0 ? 'confidential' : 'pkce'
	};
}

/** Spotify's two hosts, as the learner writes them. */
export const spotifyAuthorizeUrl = 'https://accounts.spotify.com/authorize';
export const spotifyTokenUrl = 'https://accounts.spotify.com/api/token';
