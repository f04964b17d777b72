/**
 * Dispatches a request under the mount point to its handler. Spotify's paths keep their shape
 * below <mount>/accounts and <mount>/api; the emulator's own pages and control API sit beside them.
 */
import { newId, type EmulatorContext } from './context';
import { handleAuthorize } from './handlers/authorize';
import { handleControl } from './handlers/control';
import { handleAccountApps, handleDashboard } from './handlers/dashboard';
import { handleConsent, handleLogin, handleLogout } from './handlers/login';
import { handleToken } from './handlers/token';
import { handleWebApi } from './handlers/web-api';
import { homePage } from './pages/dashboard-pages';
import { errorPage } from './pages/error-page';
import { authorizePath, pathnameOf, under } from './paths';
import { csrfToken } from './session';
import type { EmuRequest, EmuResponse } from './types';

/** A CSP nonce for a page; a function, not a closure per request. */
function nonce(ctx: EmulatorContext): string {
	return newId(ctx, 12);
}

export function route(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
	const path = under(pathnameOf(request), ctx.config.mount);
	if (path === null) return errorPage('something-went-wrong', nonce(ctx), 404);
	const method = request.method;
	const read = method === 'GET' || method === 'HEAD';

	if (path === '/accounts/api/token') return handleToken(ctx, request);
	const api = under(path, '/api');
	if (api !== null) return handleWebApi(ctx, request, api);
	const control = under(path, '/control');
	if (control !== null) return handleControl(ctx, request, control);

	if (authorizePath.test(path))
		return read
			? handleAuthorize(ctx, request, nonce(ctx))
			: errorPage('something-went-wrong', nonce(ctx), 405);
	if (method === 'POST' && path === '/accounts/login') return handleLogin(ctx, request, nonce(ctx));
	if (method === 'POST' && path === '/accounts/consent')
		return handleConsent(ctx, request, nonce(ctx));
	if (method === 'POST' && path === '/accounts/logout')
		return handleLogout(ctx, request, nonce(ctx));
	const dashboard = under(path, '/dashboard');
	if (dashboard !== null) return handleDashboard(ctx, request, dashboard, nonce(ctx));
	const account = under(path, '/account/apps');
	if (account !== null) return handleAccountApps(ctx, request, account, nonce(ctx));
	if (read && (path === '' || path === '/')) {
		const csrf = csrfToken(ctx, request);
		return homePage({
			mount: ctx.config.mount,
			nonce: nonce(ctx),
			csrf: csrf.token,
			cookies: csrf.cookies,
			control: ctx.config.control
		});
	}
	return errorPage('something-went-wrong', nonce(ctx), 404);
}
