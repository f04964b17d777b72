/**
 * POST /accounts/login, /accounts/consent and /accounts/logout: the forms of the login and consent
 * pages. Each checks the CSRF token first and finds its interaction (kept server-side, so no
 * form can send the browser anywhere the emulator did not validate).
 */
import type { EmulatorContext } from '../context';
import { findUserByLogin } from '../fixtures/users';
import { formParams } from '../form';
import { formTargetFor } from '../html';
import { redirect } from '../http';
import { errorPage } from '../pages/error-page';
import { loginPage } from '../pages/login-page';
import { csrfValid, currentSession, endSession, startSession } from '../session';
import type { EmuRequest, EmuResponse, Interaction } from '../types';
import type { ConsentMode } from '../config';
import { rememberField, rememberValue } from '../pages/consent-page';
import { authorizeQuery, consentPageFor } from './authorize';
import { deny, approve } from './complete';

/** Where a finished login continues: back to /authorize with the validated request, or the account page. */
function continueUrl(ctx: EmulatorContext, interaction: Interaction): string {
	return interaction.kind === 'authorize'
		? `${ctx.config.mount}/accounts/authorize${authorizeQuery(interaction.request!)}`
		: `${ctx.config.mount}/account/apps`;
}

function takeInteraction(
	ctx: EmulatorContext,
	form: URLSearchParams
): { id: string; interaction: Interaction } | null {
	const id = form.get('interaction') ?? '';
	const interaction = ctx.store.interactions.get(id);
	return interaction ? { id, interaction } : null;
}

export function handleLogin(ctx: EmulatorContext, request: EmuRequest, nonce: string): EmuResponse {
	const form = formParams(request);
	const found = takeInteraction(ctx, form);
	if (!csrfValid(request, form) || !found) return errorPage('something-went-wrong', nonce);
	const user = findUserByLogin(
		form.get('username') ?? '',
		form.get('password') ?? '',
		ctx.config.users
	);
	if (!user) {
		const redirectUri = found.interaction.request?.redirectUri;
		const target = redirectUri ? formTargetFor(redirectUri) : null;
		return loginPage({
			users: ctx.config.users,
			mount: ctx.config.mount,
			nonce,
			csrf: form.get('csrf')!,
			interaction: found.id,
			appName: found.interaction.request
				? (ctx.store.apps.get(found.interaction.request.clientId)?.name ?? null)
				: null,
			username: form.get('username') ?? '',
			failed: true,
			formTargets: target ? [target] : []
		});
	}
	ctx.store.interactions.delete(found.id);
	const session = startSession(ctx, user);
	return redirect(303, continueUrl(ctx, found.interaction), [session.cookie]);
}

export function handleConsent(
	ctx: EmulatorContext,
	request: EmuRequest,
	nonce: string
): EmuResponse {
	const form = formParams(request);
	const found = takeInteraction(ctx, form);
	const signedIn = currentSession(ctx, request);
	// Consent counts only from the session that was shown the page, for the request it showed.
	if (
		!csrfValid(request, form) ||
		!found ||
		!signedIn ||
		found.interaction.kind !== 'authorize' ||
		found.interaction.sessionId !== signedIn.id
	)
		return errorPage('something-went-wrong', nonce);
	const authorize = found.interaction.request!;
	if (!ctx.store.apps.get(authorize.clientId)) {
		ctx.store.interactions.delete(found.id);
		return errorPage('invalid-client-authorize', nonce);
	}
	const remember = rememberChoice(form, ctx.config.consent);
	// A box the page never sends like this: say so on the same page, its interaction kept, so
	// the user can choose again and nothing is approved or lost.
	if ('problem' in remember)
		return consentPageFor(ctx, authorize, signedIn.user, {
			nonce,
			csrf: form.get('csrf')!,
			interaction: found.id,
			problem: remember.problem
		});
	ctx.store.interactions.delete(found.id);
	return form.get('action') === 'agree'
		? approve(ctx, authorize, signedIn.user, 303, undefined, remember.remember)
		: deny(authorize);
}

/**
 * The consent form's "Remember my approval": ticked, it sends `remember=yes`; unticked (or on a
 * page that shows no box), nothing, which means the emulator's own behaviour: remembered as on
 * Spotify, or not when it asks every time. Anything else is refused, never guessed.
 */
export function rememberChoice(
	form: URLSearchParams,
	mode: ConsentMode
): { remember: boolean } | { problem: string } {
	const values = form.getAll(rememberField);
	if (values.length === 0) return { remember: mode === 'remember' };
	if (values.length === 1 && values[0] === rememberValue) return { remember: true };
	const sent = values.map((v) => `“${v.slice(0, 40)}”`).join(', ');
	return {
		problem: `“Remember my approval” is a box to tick or leave: the form sends ${rememberField}=${rememberValue} or nothing, not ${sent}. Nothing was approved yet: choose again.`
	};
}

export function handleLogout(
	ctx: EmulatorContext,
	request: EmuRequest,
	nonce: string
): EmuResponse {
	const form = formParams(request);
	if (!csrfValid(request, form)) return errorPage('something-went-wrong', nonce);
	const cookie = endSession(ctx, request);
	const found = takeInteraction(ctx, form);
	if (found) ctx.store.interactions.delete(found.id);
	return redirect(303, found ? continueUrl(ctx, found.interaction) : `${ctx.config.mount}/`, [
		cookie
	]);
}
