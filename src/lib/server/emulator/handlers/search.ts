/**
 * GET /v1/search over the invented catalog. Limits follow the app's era (5/10 in 2026, 20/50
 * before); every word of `q` must appear in the item's name, genres, artist or album.
 */
import type { ApiCaller } from '../checks/check-bearer';
import type { EmulatorContext } from '../context';
import { artists, findArtist, tracks } from '../fixtures/catalog';
import { webApiError, webApiJson } from '../http';
import type { EmuRequest, EmuResponse } from '../types';
import { artistObject, intParam, pagingObject, trackObject } from '../web-objects';

const searchTypes = ['album', 'artist', 'playlist', 'track', 'show', 'episode', 'audiobook'];

export function search(
	_ctx: EmulatorContext,
	request: EmuRequest,
	caller: ApiCaller,
	_match: RegExpExecArray,
	base: string
): EmuResponse {
	const params = request.url.searchParams;
	const q = params.get('q')?.trim() ?? '';
	if (!q) return webApiError('no-search-query');
	const typeParam = params.get('type');
	if (!typeParam) return webApiError('missing-search-type');
	const types = typeParam.split(',').map((t) => t.trim());
	if (!types.every((t) => searchTypes.includes(t))) return webApiError('bad-search-type');
	const { default: fallback, max } = caller.era.searchLimit;
	const limit = intParam(params.get('limit'), fallback, 0, max);
	if (limit === null) return webApiError('invalid-limit');
	const offset = intParam(params.get('offset'), 0, 0, 1000);
	if (offset === null) return webApiError('invalid-offset');

	const words = q.toLowerCase().split(/\s+/);
	const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
	const url = `${base}/v1/search`;
	const query = { query: q, type: typeParam };
	const body: Record<string, unknown> = {};
	for (const type of [...new Set(types)]) {
		let items: unknown[] = [];
		if (type === 'artist')
			items = artists
				.filter((a) => matches(`${a.name} ${a.genres.join(' ')}`))
				.map((a) => artistObject(base, a));
		if (type === 'track')
			items = tracks
				.filter((t) => matches(`${t.name} ${findArtist(t.artistId)?.name ?? ''} ${t.album}`))
				.map((t) => trackObject(base, t));
		body[`${type}s`] = pagingObject(url, query, items, limit, offset);
	}
	return webApiJson(200, body);
}
