/**
 * Issuing codes and tokens. Lifetimes follow reference §6: codes 10 minutes and single use, access
 * tokens 3600 s, refresh tokens until revoked or (2026 era) six months from the authorization.
 */
import { refreshTokenExpiry } from '../../spotify/eras';
import { appEra, appNow, newToken, type EmulatorContext } from './context';
import type { App, AuthorizeRequest, User } from './types';

/** How long an expired artifact is kept, so the emulator can say "expired" rather than "invalid". */
const graceMs = 3600_000;

export function issueCode(ctx: EmulatorContext, request: AuthorizeRequest, user: User): string {
	const now = appNow(ctx, request.clientId);
	const code = newToken(ctx, 'AQ', 150);
	const ttl = ctx.config.codeTtlSeconds * 1000;
	ctx.store.codes.set(
		code,
		{
			clientId: request.clientId,
			userId: user.id,
			redirectUri: request.redirectUri,
			scopes: request.scopes,
			codeChallenge: request.codeChallenge,
			expiresAt: now + ttl,
			authorizedAt: now,
			used: false
		},
		ctx.clock.now() + ttl + graceMs
	);
	return code;
}

export function issueAccessToken(
	ctx: EmulatorContext,
	clientId: string,
	userId: string | null,
	scopes: string[]
): string {
	const token = newToken(ctx, 'BQ', 96);
	const ttl = ctx.config.accessTokenTtlSeconds * 1000;
	ctx.store.accessTokens.set(
		token,
		{ clientId, userId, scopes, expiresAt: appNow(ctx, clientId) + ttl },
		ctx.clock.now() + ttl + graceMs
	);
	return token;
}

export function issueRefreshToken(
	ctx: EmulatorContext,
	app: App,
	userId: string,
	scopes: string[],
	publicClient: boolean,
	authorizedAt: number
): string {
	const token = newToken(ctx, 'AQ', 98);
	const expiresAt = refreshTokenExpiry(appEra(app), authorizedAt);
	ctx.store.refreshTokens.set(
		token,
		{
			clientId: app.clientId,
			userId,
			scopes,
			publicClient,
			authorizedAt,
			expiresAt,
			revoked: false
		},
		// Kept past expiry (and while revoked) so the answer can say why it stopped working.
		expiresAt === null ? Infinity : ctx.clock.now() + (expiresAt - authorizedAt) + graceMs
	);
	return token;
}

/** The user removed the app: its refresh tokens stop working (reference §0, 2016-07). */
export function revokeRefreshTokens(
	ctx: EmulatorContext,
	userId: string,
	clientId: string
): number {
	let count = 0;
	for (const [, record] of ctx.store.refreshTokens.entries()) {
		if (record.userId === userId && record.clientId === clientId && !record.revoked) {
			record.revoked = true;
			count++;
		}
	}
	return count;
}
