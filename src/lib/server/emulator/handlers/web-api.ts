/**
 * The Web API slice at <mount>/api (reference §7): route first (unknown paths 404, wrong methods
 * 405), then authenticate, then the endpoint. Every body is pretty-printed JSON, CORS as observed.
 */
import type { EmulatorContext } from '../context';
import { authenticate, requireUserScope, type ApiCaller } from '../checks/check-bearer';
import { findArtist, findTrack, topArtistIds, tracks, type TimeRange } from '../fixtures/catalog';
import { findUser } from '../fixtures/users';
import { preflight, webApiCors, webApiError, webApiJson } from '../http';
import type { EmuRequest, EmuResponse } from '../types';
import { artistObject, intParam, pagingObject, trackObject, userObject } from '../web-objects';
import { search } from './search';

type Endpoint = (
	ctx: EmulatorContext,
	request: EmuRequest,
	caller: ApiCaller,
	match: RegExpExecArray,
	base: string
) => EmuResponse;

const idPattern = /^[0-9A-Za-z]{22}$/;

const routes: readonly [RegExp, Endpoint][] = [
	[/^\/v1\/me$/, me],
	[/^\/v1\/me\/top\/(artists|tracks)$/, top],
	[/^\/v1\/artists\/([^/]+)$/, artist],
	[/^\/v1\/tracks\/([^/]+)$/, track],
	[/^\/v1\/search$/, search]
];

export function handleWebApi(ctx: EmulatorContext, request: EmuRequest, path: string): EmuResponse {
	if (request.method === 'OPTIONS') return preflight(webApiCors);
	for (const [pattern, endpoint] of routes) {
		const match = pattern.exec(path);
		if (!match) continue;
		if (request.method !== 'GET' && request.method !== 'HEAD')
			return webApiError('web-api-method-not-allowed');
		const caller = authenticate(ctx, request);
		if ('status' in caller) return caller;
		const base = `${request.url.origin}${ctx.config.mount}/api`;
		return endpoint(ctx, request, caller, match, base);
	}
	return webApiError('service-not-found');
}

function me(
	ctx: EmulatorContext,
	_r: EmuRequest,
	caller: ApiCaller,
	_m: RegExpExecArray,
	base: string
): EmuResponse {
	const refused = requireUserScope(caller);
	if (refused) return refused;
	const user = findUser(caller.token.userId!, ctx.config.users);
	if (!user) return webApiError('resource-not-found');
	return webApiJson(200, userObject(base, user, caller.token.scopes));
}

const timeRanges: readonly string[] = ['short_term', 'medium_term', 'long_term'];

/** GET /v1/me/top/{type}: needs user-top-read (reference §10 #14). */
function top(
	_ctx: EmulatorContext,
	request: EmuRequest,
	caller: ApiCaller,
	match: RegExpExecArray,
	base: string
): EmuResponse {
	const refused = requireUserScope(caller, 'user-top-read');
	if (refused) return refused;
	const q = request.url.searchParams;
	const range = q.get('time_range') ?? 'medium_term';
	if (!timeRanges.includes(range)) return webApiError('invalid-time-range');
	const limit = intParam(q.get('limit'), 20, 1, 50);
	if (limit === null) return webApiError('invalid-limit');
	const offset = intParam(q.get('offset'), 0, 0, 10_000);
	if (offset === null) return webApiError('invalid-offset');
	const ids = topArtistIds[caller.token.userId!]?.[range as TimeRange] ?? [];
	const topArtists = ids.map((id) => findArtist(id)!);
	const items: unknown[] =
		match[1] === 'artists'
			? topArtists.map((a) => artistObject(base, a))
			: topArtists
					.flatMap((a) => tracks.filter((t) => t.artistId === a.id))
					.map((t) => trackObject(base, t));
	const url = `${base}/v1/me/top/${match[1]}`;
	return webApiJson(200, pagingObject(url, { time_range: range }, items, limit, offset));
}

function artist(
	_ctx: EmulatorContext,
	_r: EmuRequest,
	_c: ApiCaller,
	match: RegExpExecArray,
	base: string
): EmuResponse {
	if (!idPattern.test(match[1])) return webApiError('invalid-id');
	const found = findArtist(match[1]);
	return found ? webApiJson(200, artistObject(base, found)) : webApiError('resource-not-found');
}

function track(
	_ctx: EmulatorContext,
	_r: EmuRequest,
	_c: ApiCaller,
	match: RegExpExecArray,
	base: string
): EmuResponse {
	if (!idPattern.test(match[1])) return webApiError('invalid-id');
	const found = findTrack(match[1]);
	return found ? webApiJson(200, trackObject(base, found)) : webApiError('resource-not-found');
}
