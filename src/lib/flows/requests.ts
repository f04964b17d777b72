/**
 * The request each step is about to send, built from the machine's context with the oauth core's
 * builders. Pure, so a restored snapshot can rebuild its pending request once the secret is back.
 */
import { buildWebApiRequest } from '$lib/oauth/api-request';
import { buildAuthorizeRequest } from '$lib/oauth/authorize-request';
import { joinUrl } from '$lib/oauth/endpoints';
import { contentTypeOf, type HttpRequestDescription, type RequestBody } from '$lib/oauth/http';
import type { Mistakes } from '$lib/oauth/mistakes';
import {
	buildAuthorizationCodeTokenRequest,
	buildClientCredentialsRequest,
	buildPkceTokenRequest,
	buildRefreshTokenRequest,
	type ConfidentialClient
} from '$lib/oauth/token-request';
import { profileOf } from './profiles';
import type { FlowContext, PendingRequest, Purpose, Route } from './types';

/** Builds the pending request for a step (what the learner sees before `step.next` sends it). */
export function buildPending(context: FlowContext, purpose: Purpose): PendingRequest {
	const request = buildRequest(context, purpose);
	return { purpose, route: routeOf(context, purpose), request };
}

function buildRequest(context: FlowContext, purpose: Purpose): HttpRequestDescription {
	const { target, mistakes } = context;
	const profile = profileOf(context.flow);
	const accountsBase = target.accountsBase;
	switch (purpose) {
		case 'authorize':
			return buildAuthorizeRequest({
				accountsBase,
				clientId: target.clientId,
				redirectUri: target.redirectUri,
				responseType: profile.responseType ?? 'code',
				state: context.state,
				scope: target.scopes,
				// show_dialog is sent only when asked for; Spotify's default is false.
				showDialog: target.showDialog || undefined,
				codeChallenge: context.codeChallenge,
				codeVerifier: context.codeVerifier,
				mistakes
			});
		case 'token':
			if (profile.tokenRequest === 'client-credentials')
				return buildClientCredentialsRequest({ accountsBase, client: client(context), mistakes });
			if (profile.tokenRequest === 'pkce-code')
				return buildPkceTokenRequest({
					accountsBase,
					clientId: target.clientId,
					code: context.code ?? '',
					redirectUri: target.redirectUri,
					codeVerifier: context.codeVerifier ?? '',
					mistakes
				});
			return buildAuthorizationCodeTokenRequest({
				accountsBase,
				client: client(context),
				code: context.code ?? '',
				redirectUri: target.redirectUri,
				mistakes
			});
		case 'refresh':
			// The first request's switches stay there; only the refresh token's own switches apply.
			return buildRefreshTokenRequest({
				accountsBase,
				client:
					profile.refreshClient === 'public'
						? { method: 'none', clientId: target.clientId }
						: client(context),
				refreshToken: refreshTokenSent(context.tokens?.refreshToken ?? '', mistakes)
			});
		case 'api':
			return buildWebApiRequest({
				apiBase: target.apiBase,
				// A client-credentials token acts for no user: /v1/me refuses it with a 403.
				path: mistakes.appTokenOnMe ? '/v1/me' : target.apiPath,
				// What `Bearer ${tokens}` prints when the whole token response is passed.
				accessToken: mistakes.tokenObjectAsBearer ? String({}) : (context.tokens?.accessToken ?? '')
			});
		case 'expire':
			return buildExpireRequest(target.controlBase ?? '', context.tokens?.accessToken ?? '');
	}
}

/**
 * The emulator's control call that makes an access token expire at once, so the next Web API
 * call answers 401 as Spotify does after an hour (`POST <mount>/control/expire`, JSON only, so
 * no cross-site form can send it).
 */
export function buildExpireRequest(
	controlBase: string,
	accessToken: string
): HttpRequestDescription {
	const body: RequestBody = { type: 'json', fields: [['access_token', accessToken]] };
	return {
		method: 'POST',
		url: joinUrl(controlBase, '/expire'),
		headers: { 'Content-Type': contentTypeOf(body) },
		body
	};
}

/** The refresh token as its switches spoil it: cut short (copied incompletely), or empty. */
function refreshTokenSent(refreshToken: string, mistakes: Mistakes): string {
	if (mistakes.omitRefreshToken) return '';
	return mistakes.garbledRefreshToken ? refreshToken.slice(0, -1) : refreshToken;
}

/** The confidential client as the secret mode says (token-request.ts, ClientAuthentication). */
function client(context: FlowContext): ConfidentialClient {
	const { clientId, secretMode } = context.target;
	if (secretMode === 'server-secret') return { method: 'server-secret', clientId };
	return { method: secretMode, clientId, clientSecret: context.clientSecret ?? '' };
}

/**
 * Live confidential requests go through the relay (the secret must not need CORS from a page,
 * and the server's own secret is added there); everything else is sent directly.
 */
function routeOf(context: FlowContext, purpose: Purpose): Route {
	if (purpose === 'authorize') return 'browser';
	const { confidential } = profileOf(context.flow);
	const tokenCall = purpose === 'token' || purpose === 'refresh';
	return context.target.kind === 'spotify' && confidential && tokenCall ? 'relay' : 'direct';
}
