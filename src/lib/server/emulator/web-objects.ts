/** Spotify Web API objects (reference §7.2) built from the invented fixtures. */
import type { CatalogArtist, CatalogTrack } from './fixtures/catalog';
import { findArtist } from './fixtures/catalog';
import type { User } from './types';

export function artistObject(base: string, a: CatalogArtist) {
	return {
		external_urls: { spotify: `https://open.spotify.com/artist/${a.id}` },
		followers: { href: null, total: a.followers },
		genres: a.genres,
		href: `${base}/v1/artists/${a.id}`,
		id: a.id,
		images: [],
		name: a.name,
		popularity: a.popularity,
		type: 'artist',
		uri: `spotify:artist:${a.id}`
	};
}

function simplifiedArtist(base: string, a: CatalogArtist) {
	return {
		external_urls: { spotify: `https://open.spotify.com/artist/${a.id}` },
		href: `${base}/v1/artists/${a.id}`,
		id: a.id,
		name: a.name,
		type: 'artist',
		uri: `spotify:artist:${a.id}`
	};
}

export function trackObject(base: string, t: CatalogTrack) {
	const artist = findArtist(t.artistId)!;
	return {
		album: {
			album_type: 'album',
			name: t.album,
			artists: [simplifiedArtist(base, artist)],
			images: []
		},
		artists: [simplifiedArtist(base, artist)],
		duration_ms: t.durationMs,
		explicit: false,
		external_urls: { spotify: `https://open.spotify.com/track/${t.id}` },
		href: `${base}/v1/tracks/${t.id}`,
		id: t.id,
		name: t.name,
		popularity: t.popularity,
		type: 'track',
		uri: `spotify:track:${t.id}`
	};
}

/** GET /v1/me: private fields only with the scopes that grant them (reference §7.2). */
export function userObject(base: string, user: User, scopes: readonly string[]) {
	const me: Record<string, unknown> = {
		display_name: user.displayName,
		external_urls: { spotify: `https://open.spotify.com/user/${user.id}` },
		followers: { href: null, total: user.followers },
		href: `${base}/v1/users/${user.id}`,
		id: user.id,
		images: [],
		type: 'user',
		uri: `spotify:user:${user.id}`
	};
	if (scopes.includes('user-read-private')) {
		me.country = user.country;
		me.explicit_content = { filter_enabled: false, filter_locked: false };
		me.product = user.product;
	}
	if (scopes.includes('user-read-email')) me.email = user.email;
	return me;
}

/** A paging object; `href`, `next` and `previous` point back at the emulator. */
export function pagingObject<T>(
	url: string,
	query: Record<string, string>,
	all: readonly T[],
	limit: number,
	offset: number
) {
	const link = (o: number) =>
		`${url}?${new URLSearchParams({ ...query, offset: String(o), limit: String(limit) })}`;
	return {
		href: link(offset),
		items: all.slice(offset, offset + limit),
		limit,
		next: offset + limit < all.length ? link(offset + limit) : null,
		offset,
		previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
		total: all.length
	};
}

/** An integer parameter within bounds, its default when absent, or null when invalid. */
export function intParam(
	value: string | null,
	fallback: number,
	min: number,
	max: number
): number | null {
	if (value === null || value === '') return fallback;
	if (!/^\d{1,6}$/.test(value)) return null;
	const n = Number(value);
	return n >= min && n <= max ? n : null;
}
