/**
 * The dashboard (apps, credentials, redirect URIs with Spotify's validation) and the user's
 * account-apps page (remove an app's access). Every form is CSRF-checked.
 */
import { defaultEraId, isEraId } from '../../../spotify/eras';
import { createApp, maxRedirectUriLength, maxRedirectUris, redirectUriProblem } from '../apps';
import { newId, type EmulatorContext } from '../context';
import { formParams } from '../form';
import { revokeRefreshTokens } from '../grants';
import { redirect } from '../http';
import { accountAppsPage, appPage, dashboardPage } from '../pages/dashboard-pages';
import { errorPage } from '../pages/error-page';
import { loginPage } from '../pages/login-page';
import { csrfToken, csrfValid, currentSession } from '../session';
import { approvalKey } from '../store';
import type { EmuRequest, EmuResponse } from '../types';
import { interactionEvictAt } from './authorize';

function listApps(ctx: EmulatorContext) {
	return [...ctx.store.apps.entries()].map(([, app]) => app).slice(-100);
}

export function handleDashboard(
	ctx: EmulatorContext,
	request: EmuRequest,
	path: string,
	nonce: string
): EmuResponse {
	const csrf = csrfToken(ctx, request);
	const common = { mount: ctx.config.mount, nonce, csrf: csrf.token, cookies: csrf.cookies };
	const m = /^\/apps\/([^/]+)(\/redirect-uris)?$/.exec(path);
	if (request.method === 'GET' && (path === '' || path === '/'))
		return dashboardPage({ ...common, apps: listApps(ctx) });
	if (request.method === 'GET' && m && !m[2]) {
		const app = ctx.store.apps.get(m[1]);
		return app ? appPage({ ...common, app }) : errorPage('invalid-client-authorize', nonce, 404);
	}
	if (request.method !== 'POST') return errorPage('something-went-wrong', nonce, 405);
	const form = formParams(request);
	if (!csrfValid(request, form)) return errorPage('something-went-wrong', nonce, 403);
	if (path === '/apps') {
		const era = form.get('era') ?? defaultEraId;
		const uri = (form.get('redirect_uri') ?? '').trim();
		const safeEra = isEraId(era) ? era : defaultEraId;
		const problem =
			uri.length > maxRedirectUriLength ? 'Too long.' : redirectUriProblem(ctx, safeEra, uri);
		if (problem) {
			const draft = { name: form.get('name') ?? '', era: safeEra, redirectUri: uri };
			return dashboardPage({ ...common, apps: listApps(ctx), error: problem, draft });
		}
		const app = createApp(ctx, form.get('name') ?? '', safeEra, [uri]);
		return redirect(303, `${ctx.config.mount}/dashboard/apps/${app.clientId}`);
	}
	const app = m?.[2] ? ctx.store.apps.get(m[1]) : undefined;
	if (!app) return errorPage('invalid-client-authorize', nonce, 404);
	const remove = form.get('remove');
	if (remove !== null) {
		app.redirectUris = app.redirectUris.filter((u) => u !== remove);
	} else {
		const add = (form.get('add') ?? '').trim();
		const problem =
			add.length > maxRedirectUriLength || app.redirectUris.length >= maxRedirectUris
				? 'Too many or too long.'
				: redirectUriProblem(ctx, app.era, add);
		if (problem) return appPage({ ...common, app, error: problem, value: add });
		if (!app.redirectUris.includes(add)) app.redirectUris.push(add);
	}
	return redirect(303, `${ctx.config.mount}/dashboard/apps/${app.clientId}#redirect-uris`);
}

export function handleAccountApps(
	ctx: EmulatorContext,
	request: EmuRequest,
	path: string,
	nonce: string
): EmuResponse {
	const csrf = csrfToken(ctx, request);
	const signedIn = currentSession(ctx, request);
	if (request.method === 'GET' && (path === '' || path === '/')) {
		if (!signedIn) {
			const interaction = newId(ctx);
			ctx.store.interactions.set(
				interaction,
				{ kind: 'account', sessionId: null },
				interactionEvictAt(ctx)
			);
			return loginPage({
				users: ctx.config.users,
				mount: ctx.config.mount,
				nonce,
				csrf: csrf.token,
				interaction,
				appName: null,
				cookies: csrf.cookies
			});
		}
		const apps = [];
		for (const [key, approval] of ctx.store.approvals.entries()) {
			const [userId, clientId] = key.split(' ');
			const app = userId === signedIn.user.id ? ctx.store.apps.get(clientId) : undefined;
			if (app) apps.push({ app, scopes: approval.scopes });
		}
		return accountAppsPage({
			mount: ctx.config.mount,
			nonce,
			csrf: csrf.token,
			cookies: csrf.cookies,
			userName: signedIn.user.displayName,
			apps
		});
	}
	if (request.method !== 'POST' || path !== '/remove')
		return errorPage('something-went-wrong', nonce, 405);
	const form = formParams(request);
	if (!csrfValid(request, form) || !signedIn) return errorPage('something-went-wrong', nonce, 403);
	const clientId = form.get('client_id') ?? '';
	ctx.store.approvals.delete(approvalKey(signedIn.user.id, clientId));
	revokeRefreshTokens(ctx, signedIn.user.id, clientId);
	return redirect(303, `${ctx.config.mount}/account/apps`);
}
