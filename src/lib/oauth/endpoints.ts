/**
 * Where requests go. Every builder takes base URLs, so the same builder targets real Spotify or
 * the emulator, which is mounted so that only the bases change (DESIGN.md, contracts).
 */

export interface BaseUrls {
	/** `https://accounts.spotify.com` or `<origin>/emulator/accounts`. */
	accounts: string;
	/** `https://api.spotify.com` or `<origin>/emulator/api`. */
	api: string;
}

export const spotifyBaseUrls: BaseUrls = {
	accounts: 'https://accounts.spotify.com',
	api: 'https://api.spotify.com'
};

/** The emulator's bases on a given origin, e.g. `http://127.0.0.1:5173`. */
export function emulatorBaseUrls(origin: string): BaseUrls {
	const root = trimSlash(origin);
	return { accounts: `${root}/emulator/accounts`, api: `${root}/emulator/api` };
}

/** Joins a base and an absolute path without doubling or dropping a slash. */
export function joinUrl(base: string, path: string): string {
	return trimSlash(base) + (path.startsWith('/') ? path : `/${path}`);
}

export const AUTHORIZE_PATH = '/authorize';
export const TOKEN_PATH = '/api/token';

function trimSlash(value: string): string {
	return value.replace(/\/+$/, '');
}
