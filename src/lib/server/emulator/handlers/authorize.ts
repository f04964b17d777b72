/**
 * GET /authorize (reference §2): run the checks, then log the user in, ask for consent, or, when
 * the user already approved these scopes and `show_dialog` is not true, go straight back.
 */
import { authorizeChecks } from '../checks/authorize-checks';
import type { AuthorizeState } from '../checks/authorize-state';
import { newId, type EmulatorContext } from '../context';
import { formTargetFor } from '../html';
import { consentPage, type ConsentPageOptions } from '../pages/consent-page';
import { loginPage } from '../pages/login-page';
import { requestSeed } from '../seed';
import { csrfToken, currentSession } from '../session';
import type { AuthorizeRequest, EmuRequest, EmuResponse, User } from '../types';
import { alreadyApproved, approve } from './complete';

/** Interactions (a login or consent page waiting for its form) last as long as a code. */
export function interactionEvictAt(ctx: EmulatorContext): number {
	return ctx.clock.now() + ctx.config.codeTtlSeconds * 1000;
}

export type AuthorizeVerdict =
	{ ok: true; request: AuthorizeRequest } | { ok: false; response: EmuResponse };

/**
 * The /authorize checks on a query, in order: the first one that fails answers (an error page,
 * or an error redirect once the redirect URI is trusted); otherwise the validated request.
 */
export function checkAuthorize(
	ctx: EmulatorContext,
	params: URLSearchParams,
	nonce: string,
	seed: string | null,
	origin: string
): AuthorizeVerdict {
	const state: AuthorizeState = { params, nonce, origin };
	for (const check of authorizeChecks) {
		const failure = check(ctx, state);
		if (failure) return { ok: false, response: failure };
	}
	return {
		ok: true,
		request: {
			clientId: state.app!.clientId,
			responseType: state.responseType!,
			redirectUri: state.redirectUri!,
			state: params.get('state'),
			scopes: state.scopes!,
			codeChallenge: state.codeChallenge ?? null,
			showDialog: params.get('show_dialog')?.toLowerCase() === 'true',
			seed
		}
	};
}

export function handleAuthorize(
	ctx: EmulatorContext,
	request: EmuRequest,
	nonce: string
): EmuResponse {
	const verdict = checkAuthorize(
		ctx,
		request.url.searchParams,
		nonce,
		requestSeed(ctx, request),
		request.url.origin
	);
	return verdict.ok ? showNextStep(ctx, request, verdict.request, nonce) : verdict.response;
}

/**
 * The query that asks /authorize for `request` again (after login): rebuilt from the validated
 * fields, so it passes the same checks and carries nothing the client added beside them.
 */
export function authorizeQuery(request: AuthorizeRequest): string {
	const params = new URLSearchParams({
		client_id: request.clientId,
		response_type: request.responseType,
		redirect_uri: request.redirectUri
	});
	if (request.state !== null) params.set('state', request.state);
	if (request.scopes.length) params.set('scope', request.scopes.join(' '));
	if (request.showDialog) params.set('show_dialog', 'true');
	if (request.codeChallenge !== null) {
		params.set('code_challenge', request.codeChallenge);
		params.set('code_challenge_method', 'S256');
	}
	return `?${params}`;
}

export function showNextStep(
	ctx: EmulatorContext,
	request: EmuRequest,
	authorize: AuthorizeRequest,
	nonce: string
): EmuResponse {
	const app = ctx.store.apps.get(authorize.clientId)!;
	const signedIn = currentSession(ctx, request);
	const csrf = csrfToken(ctx, request);
	const target = formTargetFor(authorize.redirectUri);
	const formTargets = target ? [target] : [];
	const interaction = newId(ctx);
	if (!signedIn) {
		ctx.store.interactions.set(
			interaction,
			{ kind: 'authorize', request: authorize, sessionId: null },
			interactionEvictAt(ctx)
		);
		return loginPage({
			users: ctx.config.users,
			mount: ctx.config.mount,
			nonce,
			csrf: csrf.token,
			interaction,
			appName: app.name,
			formTargets,
			cookies: csrf.cookies
		});
	}
	if (!authorize.showDialog && alreadyApproved(ctx, authorize, signedIn.user))
		return approve(ctx, authorize, signedIn.user, 302, csrf.cookies);
	ctx.store.interactions.set(
		interaction,
		{ kind: 'authorize', request: authorize, sessionId: signedIn.id },
		interactionEvictAt(ctx)
	);
	return consentPageFor(ctx, authorize, signedIn.user, {
		nonce,
		csrf: csrf.token,
		interaction,
		cookies: csrf.cookies
	});
}

/** The consent page for a waiting interaction: first shown, or again after a refused form. */
export function consentPageFor(
	ctx: EmulatorContext,
	authorize: AuthorizeRequest,
	user: User,
	o: Pick<ConsentPageOptions, 'nonce' | 'csrf' | 'interaction' | 'cookies' | 'problem'>
): EmuResponse {
	const target = formTargetFor(authorize.redirectUri);
	return consentPage({
		...o,
		mount: ctx.config.mount,
		app: ctx.store.apps.get(authorize.clientId)!,
		user,
		request: authorize,
		formTargets: target ? [target] : [],
		consent: ctx.config.consent
	});
}
