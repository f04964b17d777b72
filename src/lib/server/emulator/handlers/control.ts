/**
 * The control API at <mount>/control/… (not Spotify's: for teaching and tests). JSON in and out;
 * POSTs must be application/json, which a cross-site form cannot send, so no page can drive it.
 * Switched off entirely with EMULATOR_CONTROL=off.
 */
import { eraIds, isEraId } from '../../../spotify/eras';
import { createApp, maxRedirectUris, redirectUriProblem } from '../apps';
import { appNow, seedApps, type EmulatorContext } from '../context';
import { jsonObject } from '../form';
import { controlJson } from '../http';
import { presenterAllowed, presenterKeyHeader } from '../presenter';
import type { EmuRequest, EmuResponse } from '../types';
import { replayAuthorize } from './control-authorize';

const maxAdvanceSeconds = 400 * 24 * 3600; // past a 2026 refresh token's six months, not further

function bad(description: string): EmuResponse {
	return controlJson(400, { error: 'invalid_request', error_description: description });
}

function str(body: Record<string, unknown>, key: string): string | null {
	const value = body[key];
	return typeof value === 'string' && value.length > 0 && value.length <= 4096 ? value : null;
}

function num(body: Record<string, unknown>, key: string): number | null {
	const value = body[key];
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const help = {
	endpoints: {
		'GET control': 'this list',
		'POST control/apps':
			'{name?, era?, redirect_uris?} -> a new app with its client_id and client_secret',
		'POST control/expire': '{code | access_token | refresh_token} -> expires it now',
		'POST control/rate-limit':
			'{client_id, seconds} -> its Web API calls answer 429 with Retry-After',
		'POST control/clock': '{advance_seconds, client_id?} -> moves the clock of one app (or of all)',
		'GET control/clock': '?client_id= -> the clock an app lives by',
		'POST control/authorize':
			'{url, decision: "agree" | "cancel", username?} -> where the browser would end up: {outcome: "page", status, text} or {outcome: "redirect", status, location}',
		'POST control/reset':
			'{client_id?} -> forgets one app’s codes, tokens and approvals, or everything in this sandbox; {everything: true} (presenter key) -> every sandbox',
		'GET control/sandbox': 'which sandbox this request uses: "own" (this browser’s) or "default"',
		'POST control/shared/redirect-uris':
			'{client_id, redirect_uris} (presenter key) -> the redirect URIs a demo app registers, in every sandbox'
	},
	presenter_key_header: presenterKeyHeader,
	eras: eraIds
};

export function handleControl(
	ctx: EmulatorContext,
	request: EmuRequest,
	path: string
): EmuResponse {
	if (!ctx.config.control) return controlJson(404, { error: 'not_found' });
	if (request.method === 'GET' && (path === '' || path === '/')) return controlJson(200, help);
	if (request.method === 'GET' && path === '/sandbox')
		return controlJson(200, {
			sandbox: ctx.sandboxId === null ? 'default' : 'own',
			presenter_key_required: ctx.config.presenterKeyRequired
		});
	if (request.method === 'GET' && path === '/clock') {
		const clientId = request.url.searchParams.get('client_id');
		return controlJson(200, {
			now: new Date(appNow(ctx, clientId)).toISOString(),
			now_ms: appNow(ctx, clientId)
		});
	}
	if (request.method !== 'POST') return controlJson(405, { error: 'method_not_allowed' });
	const body = jsonObject(request);
	if (!body) return bad('Send a JSON object with Content-Type: application/json.');
	switch (path) {
		case '/apps':
			return createAppFromControl(ctx, body);
		case '/authorize':
			return replayAuthorize(ctx, request, body);
		case '/expire':
			return expire(ctx, body);
		case '/rate-limit':
			return rateLimit(ctx, body);
		case '/clock':
			return advanceClock(ctx, body);
		case '/reset':
			return body.everything === true ? resetEverything(ctx, request) : reset(ctx, body);
		case '/shared/redirect-uris':
			return setSharedRedirectUris(ctx, request, body);
		default:
			return controlJson(404, { error: 'not_found' });
	}
}

export function createAppFromControl(
	ctx: EmulatorContext,
	body: Record<string, unknown>
): EmuResponse {
	const era = str(body, 'era') ?? '2026';
	if (!isEraId(era)) return bad(`era must be one of ${eraIds.join(', ')}`);
	const uris = body.redirect_uris ?? ['http://127.0.0.1/callback'];
	if (
		!Array.isArray(uris) ||
		uris.length > maxRedirectUris ||
		!uris.every((u) => typeof u === 'string')
	)
		return bad('redirect_uris must be an array of strings');
	for (const uri of uris as string[]) {
		const problem = redirectUriProblem(ctx, era, uri);
		if (problem) return bad(`${problem} (${uri})`);
	}
	const app = createApp(ctx, str(body, 'name') ?? 'Test app', era, uris as string[]);
	return controlJson(201, {
		client_id: app.clientId,
		client_secret: app.clientSecret,
		name: app.name,
		era: app.era,
		redirect_uris: app.redirectUris
	});
}

export function expire(ctx: EmulatorContext, body: Record<string, unknown>): EmuResponse {
	const code = str(body, 'code');
	const access = str(body, 'access_token');
	const refresh = str(body, 'refresh_token');
	if (code !== null) {
		const record = ctx.store.codes.get(code);
		if (!record) return controlJson(404, { error: 'not_found' });
		record.expiresAt = appNow(ctx, record.clientId);
		return controlJson(200, { expired: 'code' });
	}
	if (access !== null) {
		const record = ctx.store.accessTokens.get(access);
		if (!record) return controlJson(404, { error: 'not_found' });
		record.expiresAt = appNow(ctx, record.clientId);
		return controlJson(200, { expired: 'access_token' });
	}
	if (refresh !== null) {
		const record = ctx.store.refreshTokens.get(refresh);
		if (!record) return controlJson(404, { error: 'not_found' });
		record.expiresAt = appNow(ctx, record.clientId);
		return controlJson(200, { expired: 'refresh_token' });
	}
	return bad('Send one of code, access_token or refresh_token.');
}

export function rateLimit(ctx: EmulatorContext, body: Record<string, unknown>): EmuResponse {
	const clientId = str(body, 'client_id');
	const seconds = num(body, 'seconds');
	if (!clientId || !ctx.store.apps.get(clientId)) return bad('Unknown client_id.');
	if (seconds === null || seconds < 0 || seconds > 86_400)
		return bad('seconds must be 0 to 86400.');
	const until = appNow(ctx, clientId) + seconds * 1000;
	ctx.store.rateLimits.set(clientId, until);
	return controlJson(200, { client_id: clientId, retry_after: Math.ceil(seconds) });
}

export function advanceClock(ctx: EmulatorContext, body: Record<string, unknown>): EmuResponse {
	const seconds = num(body, 'advance_seconds');
	if (seconds === null || seconds < 0 || seconds > maxAdvanceSeconds)
		return bad(`advance_seconds must be 0 to ${maxAdvanceSeconds}.`);
	const clientId = str(body, 'client_id');
	if (clientId !== null && !ctx.store.apps.get(clientId)) return bad('Unknown client_id.');
	const key = clientId ?? '*';
	const offset = (ctx.store.clockOffsets.get(key) ?? 0) + seconds * 1000;
	if (offset > maxAdvanceSeconds * 1000) return bad('The clock cannot move that far.');
	ctx.store.clockOffsets.set(key, offset);
	return controlJson(200, {
		now: new Date(appNow(ctx, clientId)).toISOString(),
		offset_seconds: offset / 1000
	});
}

function presenterOnly(): EmuResponse {
	return controlJson(403, {
		error: 'presenter_key_required',
		error_description: `This changes every attendee's sandbox: send the presenter key (GRANTWALK_PRESENTER_KEY, printed when the server started) in the ${presenterKeyHeader} header.`
	});
}

function resetEverything(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
	if (!presenterAllowed(ctx, request)) return presenterOnly();
	ctx.sandboxes.resetAll();
	return controlJson(200, { reset: 'everything' });
}

function setSharedRedirectUris(
	ctx: EmulatorContext,
	request: EmuRequest,
	body: Record<string, unknown>
): EmuResponse {
	if (!presenterAllowed(ctx, request)) return presenterOnly();
	const clientId = str(body, 'client_id');
	const seed = ctx.config.apps.find((app) => app.clientId === clientId);
	if (!seed) return bad('client_id must be one of the demo apps (the seeded apps).');
	const uris = body.redirect_uris;
	if (
		!Array.isArray(uris) ||
		uris.length === 0 ||
		uris.length > maxRedirectUris ||
		!uris.every((u) => typeof u === 'string')
	)
		return bad(`redirect_uris must be an array of 1 to ${maxRedirectUris} strings`);
	for (const uri of uris as string[]) {
		const problem = redirectUriProblem(ctx, seed.era, uri);
		if (problem) return bad(`${problem} (${uri})`);
	}
	ctx.sandboxes.setSharedRedirectUris(seed.clientId, uris as string[]);
	return controlJson(200, { client_id: seed.clientId, redirect_uris: uris });
}

export function reset(ctx: EmulatorContext, body: Record<string, unknown>): EmuResponse {
	const clientId = str(body, 'client_id');
	if (clientId === null) {
		ctx.store.clear();
		seedApps(ctx);
		return controlJson(200, { reset: 'all' });
	}
	if (!ctx.store.apps.get(clientId)) return bad('Unknown client_id.');
	const { store } = ctx;
	for (const map of [store.codes, store.accessTokens, store.refreshTokens] as const) {
		for (const [key, record] of [...map.entries()])
			if (record.clientId === clientId) map.delete(key);
	}
	for (const [key] of [...store.approvals.entries()])
		if (key.endsWith(` ${clientId}`)) store.approvals.delete(key);
	store.rateLimits.delete(clientId);
	store.clockOffsets.delete(clientId);
	return controlJson(200, { reset: clientId });
}
