/**
 * Issuing codes and tokens. Lifetimes follow reference §6: codes 10 minutes and single use, access
 * tokens 3600 s, refresh tokens until revoked or (2026 era) six months from the authorization.
 * With a seed each value derives from what caused it (seed.ts); issuing a value that is already
 * stored replaces its record with a fresh one, since a new authorization is a new grant.
 */
import { refreshTokenExpiry } from '../../spotify/eras';
import { appEra, appNow, type EmulatorContext } from './context';
import { issueValue, type Derivation } from './seed';
import type { App, AuthorizeRequest, User } from './types';

/** What an authorization's code, or its implicit-grant token, derives from under a seed. */
export function authorizationInputs(request: AuthorizeRequest, user: User): Derivation['inputs'] {
	return [
		request.clientId,
		user.id,
		request.redirectUri,
		request.state,
		request.scopes.join(' '),
		request.codeChallenge,
		request.responseType
	];
}

/** How long an expired artifact is kept, so the emulator can say "expired" rather than "invalid". */
const graceMs = 3600_000;

export function issueCode(ctx: EmulatorContext, request: AuthorizeRequest, user: User): string {
	const now = appNow(ctx, request.clientId);
	const code = issueValue(ctx, 'AQ', 150, {
		seed: request.seed,
		kind: 'code',
		inputs: authorizationInputs(request, user)
	});
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
			used: false,
			seed: request.seed
		},
		ctx.clock.now() + ttl + graceMs
	);
	return code;
}

/**
 * The grant a code's tokens belong to, and every token refreshed from them: a part of the code's
 * random value, so tokens can be revoked together (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 */
export function grantOf(code: string): string {
	return code.slice(2, 24);
}

export function issueAccessToken(
	ctx: EmulatorContext,
	clientId: string,
	userId: string | null,
	scopes: string[],
	derivation: Derivation,
	grant?: string
): string {
	const token = issueValue(ctx, 'BQ', 96, derivation);
	const ttl = ctx.config.accessTokenTtlSeconds * 1000;
	ctx.store.accessTokens.set(
		token,
		{ clientId, userId, scopes, expiresAt: appNow(ctx, clientId) + ttl, ...(grant && { grant }) },
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
	authorizedAt: number,
	derivation: Derivation,
	grant?: string
): string {
	const token = issueValue(ctx, 'AQ', 98, derivation);
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
			revoked: false,
			seed: derivation.seed,
			uses: 0,
			...(grant && { grant })
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

/**
 * Every token of one grant stops working: its refresh tokens are revoked (`Refresh token
 * revoked`, as for a user who removed the app), its access tokens forgotten (the Web API then
 * answers as for an unknown token). Only lab sandboxes' strict behaviours call this.
 */
export function revokeGrant(ctx: EmulatorContext, clientId: string, grant: string): number {
	let count = 0;
	for (const [, record] of ctx.store.refreshTokens.entries())
		if (record.clientId === clientId && record.grant === grant && !record.revoked) {
			record.revoked = true;
			count++;
		}
	const access = [...ctx.store.accessTokens.entries()].filter(
		([, record]) => record.clientId === clientId && record.grant === grant
	);
	for (const [token] of access) ctx.store.accessTokens.delete(token);
	return count + access.length;
}
