/**
 * POST /api/token (reference §3): shared checks (grant type, client authentication), then the
 * grant's own checks in order, then the tokens. Everything after the body is read runs without
 * an await, so two concurrent exchanges of one code cannot both pass the single-use check.
 */
import { refreshRotates } from '../../../spotify/eras';
import { checkClientAuthenticated, checkConfidentialClient } from '../checks/check-client-auth';
import {
	checkCodeNotExpired,
	checkCodePresent,
	checkCodeRedirectUri,
	checkCodeUnused,
	checkCodeValid,
	checkPublicClientUsedPkce
} from '../checks/check-code';
import { checkGrantTypePresent, checkGrantTypeSupported } from '../checks/check-grant-type';
import { checkVerifier } from '../checks/check-pkce';
import {
	checkRefreshClientKind,
	checkRefreshTokenKnown,
	checkRefreshTokenNotExpired,
	checkRefreshTokenNotRevoked,
	checkRefreshTokenPresent
} from '../checks/check-refresh-token';
import type { GrantType, TokenCheck, TokenState } from '../checks/token-state';
import { appEra, type EmulatorContext } from '../context';
import { formParams, param } from '../form';
import { grantOf, issueAccessToken, issueRefreshToken } from '../grants';
import { strictOn } from '../laxities';
import { preflight, tokenCors, tokenError, tokenJson } from '../http';
import { requestSeed } from '../seed';
import type { EmuRequest, EmuResponse } from '../types';
import { splitScopeParameter } from '../../../spotify/scopes';

const commonChecks: readonly TokenCheck[] = [
	checkGrantTypePresent,
	checkGrantTypeSupported,
	checkClientAuthenticated
];

interface Grant {
	checks: readonly TokenCheck[];
	issue: (ctx: EmulatorContext, state: TokenState) => EmuResponse;
}

const grants: Record<GrantType, Grant> = {
	authorization_code: {
		checks: [
			checkCodePresent,
			checkCodeValid,
			checkCodeUnused,
			checkCodeNotExpired,
			checkCodeRedirectUri,
			checkPublicClientUsedPkce,
			checkVerifier
		],
		issue: exchangeCode
	},
	refresh_token: {
		checks: [
			checkRefreshTokenPresent,
			checkRefreshTokenKnown,
			checkRefreshTokenNotRevoked,
			checkRefreshTokenNotExpired,
			checkRefreshClientKind
		],
		issue: refresh
	},
	client_credentials: { checks: [checkConfidentialClient], issue: clientCredentials }
};

export function handleToken(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
	if (request.method === 'OPTIONS') return preflight(tokenCors);
	if (request.method !== 'POST') return tokenError('token-method-not-allowed');
	const state: TokenState = { request, params: formParams(request) };
	for (const check of commonChecks) {
		const failure = check(ctx, state);
		if (failure) return failure;
	}
	const grant = grants[state.grantType!];
	for (const check of grant.checks) {
		const failure = check(ctx, state);
		if (failure) return failure;
	}
	return grant.issue(ctx, state);
}

/** Reference §3.2/§3.3: the five fields, in the order Spotify sends them. */
function exchangeCode(ctx: EmulatorContext, state: TokenState): EmuResponse {
	const { value: code, record } = state.code!;
	record.used = true;
	const app = state.app!;
	// The grant's seed (the run that opened /authorize), else this request's.
	const seed = record.seed ?? requestSeed(ctx, state.request);
	const grant = grantOf(code);
	const access = issueAccessToken(
		ctx,
		app.clientId,
		record.userId,
		record.scopes,
		{ seed, kind: 'access', inputs: [code] },
		grant
	);
	const publicClient = record.codeChallenge !== null && !state.confidential;
	const refreshToken = issueRefreshToken(
		ctx,
		app,
		record.userId,
		record.scopes,
		publicClient,
		record.authorizedAt,
		{ seed, kind: 'refresh', inputs: [code] },
		grant
	);
	return tokenJson(200, {
		access_token: access,
		token_type: 'Bearer',
		expires_in: ctx.config.accessTokenTtlSeconds,
		refresh_token: refreshToken,
		scope: record.scopes.join(' ')
	});
}

/**
 * Reference §3.4 and §6: a new refresh token only where the app's era rotates them, or in a lab
 * sandbox with reuse detection (RFC 9700 §4.14.2), where every refresh rotates.
 */
function refresh(ctx: EmulatorContext, state: TokenState): EmuResponse {
	const { value: refreshToken, record } = state.refresh!;
	const app = state.app!;
	const seed = record.seed ?? requestSeed(ctx, state.request);
	// The n-th refresh of one token derives its own values, so refreshes never repeat a token.
	const inputs = [refreshToken, record.uses];
	record.uses++;
	const access = issueAccessToken(
		ctx,
		app.clientId,
		record.userId,
		record.scopes,
		{ seed, kind: 'refreshed-access', inputs },
		record.grant
	);
	let rotated: string | undefined;
	if (
		refreshRotates(appEra(app), record.publicClient) ||
		strictOn(ctx, 'refreshTokenReuseDetection')
	) {
		record.revoked = true;
		record.rotated = true;
		rotated = issueRefreshToken(
			ctx,
			app,
			record.userId,
			record.scopes,
			record.publicClient,
			record.authorizedAt,
			{ seed, kind: 'rotated-refresh', inputs },
			record.grant
		);
	}
	return tokenJson(200, {
		access_token: access,
		token_type: 'Bearer',
		expires_in: ctx.config.accessTokenTtlSeconds,
		...(rotated ? { refresh_token: rotated } : {}),
		scope: record.scopes.join(' ')
	});
}

/** Reference §3.5: no refresh token, no scope. */
function clientCredentials(ctx: EmulatorContext, state: TokenState): EmuResponse {
	const clientId = state.app!.clientId;
	// Spotify ignores a scope sent here (reference §3.5), but a seeded run still tells requests apart by it.
	const scopes = splitScopeParameter(param(state.params, 'scope') ?? '').join(' ');
	const access = issueAccessToken(ctx, clientId, null, [], {
		seed: requestSeed(ctx, state.request),
		kind: 'client-credentials',
		inputs: [clientId, scopes]
	});
	return tokenJson(200, {
		access_token: access,
		token_type: 'Bearer',
		expires_in: ctx.config.accessTokenTtlSeconds
	});
}
