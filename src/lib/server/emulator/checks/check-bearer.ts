/**
 * Web API authentication (reference §7.4): a `Bearer <token>` header, a known and unexpired access
 * token, an app that development mode does not refuse, a client that is not rate-limited. The 401
 * text and header depend on the app's era.
 */
import { getSpotifyError } from '../../../spotify/errors';
import {
	getEra,
	unauthorizedErrorSlug,
	type Era,
	type UnauthorizedReason
} from '../../../spotify/eras';
import { appEra, appNow, type EmulatorContext } from '../context';
import { webApiError } from '../http';
import type { AccessTokenRecord, App, EmuRequest, EmuResponse } from '../types';

export interface ApiCaller {
	token: AccessTokenRecord;
	app: App | undefined;
	era: Era;
}

function unauthorized(era: Era, reason: UnauthorizedReason): EmuResponse {
	const slug = unauthorizedErrorSlug(era, reason);
	const text = getSpotifyError(slug).text!;
	const challenge =
		reason === 'missing'
			? 'Bearer realm="spotify"'
			: `Bearer realm="spotify", error="invalid_token", error_description="${text}"`;
	return webApiError(slug, { 'www-authenticate': challenge });
}

export function authenticate(ctx: EmulatorContext, request: EmuRequest): EmuResponse | ApiCaller {
	const defaultEra = getEra(ctx.config.defaultEra);
	const header = request.header('authorization');
	if (header === null || header.trim() === '') return unauthorized(defaultEra, 'missing');
	const m = /^Bearer +([^\s]+) *$/i.exec(header);
	if (!m) {
		const text = getSpotifyError('only-bearer-supported').text!;
		return webApiError('only-bearer-supported', {
			'www-authenticate': `Bearer realm="spotify", error="invalid_request", error_description="${text}"`
		});
	}
	const token = ctx.store.accessTokens.get(m[1]);
	if (!token) return unauthorized(defaultEra, 'invalid');
	const app = ctx.store.apps.get(token.clientId);
	const era = app ? appEra(app) : defaultEra;
	const now = appNow(ctx, token.clientId);
	if (now >= token.expiresAt) return unauthorized(era, 'expired');
	const refused = app && developmentModeRefusal(app, token);
	if (refused) return refused;
	const limitedUntil = ctx.store.rateLimits.get(token.clientId);
	if (limitedUntil !== undefined && now < limitedUntil) {
		const retryAfter = Math.max(1, Math.ceil((limitedUntil - now) / 1000));
		return webApiError('rate-limited', { 'retry-after': String(retryAfter) });
	}
	return { token, app, era };
}

/**
 * Development mode (reference §7.4, §9): without the owner's Premium every call is refused, app
 * tokens included; a user token is refused unless its user is on the allow-list. The reference
 * is silent on the order against rate limiting: a refused app never reaches the rate limiter
 * here, as its calls are rejected before any quota is counted.
 */
function developmentModeRefusal(app: App, token: AccessTokenRecord): EmuResponse | undefined {
	const mode = app.developmentMode;
	if (!mode) return undefined;
	if (!mode.ownerHasPremium) return webApiError('premium-required');
	if (token.userId !== null && !mode.allowedUsers.includes(token.userId))
		return webApiError('user-not-registered');
	return undefined;
}

/** A user endpoint: a client-credentials token has no user (reference §11: 403 by default). */
export function requireUserScope(caller: ApiCaller, scope?: string): EmuResponse | undefined {
	if (caller.token.userId === null) return webApiError('insufficient-client-scope');
	if (scope && !caller.token.scopes.includes(scope))
		return webApiError('insufficient-client-scope');
	return undefined;
}
