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
import { authorizePath, under } from './paths';
import { csrfToken } from './session';
import type { EmuRequest, EmuResponse } from './types';

export function route(ctx: EmulatorContext, request: EmuRequest): EmuResponse {
	const path = under(request.url.pathname, ctx.config.mount);
	const nonce = () => newId(ctx, 12);
	if (path === null) return errorPage('something-went-wrong', nonce(), 404);
	const method = request.method;
	const read = method === 'GET' || method === 'HEAD';

	if (path === '/accounts/api/token') return handleToken(ctx, request);
	const api = under(path, '/api');
	if (api !== null) return handleWebApi(ctx, request, api);
	const control = under(path, '/control');
	if (control !== null) return handleControl(ctx, request, control);

	if (authorizePath.test(path))
		return read
			? handleAuthorize(ctx, request, nonce())
			: errorPage('something-went-wrong', nonce(), 405);
	if (method === 'POST' && path === '/accounts/login') return handleLogin(ctx, request, nonce());
	if (method === 'POST' && path === '/accounts/consent')
		return handleConsent(ctx, request, nonce());
	if (method === 'POST' && path === '/accounts/logout') return handleLogout(ctx, request, nonce());
	const dashboard = under(path, '/dashboard');
	if (dashboard !== null) return handleDashboard(ctx, request, dashboard, nonce());
	const account = under(path, '/account/apps');
	if (account !== null) return handleAccountApps(ctx, request, account, nonce());
	if (read && (path === '' || path === '/')) {
		const csrf = csrfToken(ctx, request);
		return homePage({
			mount: ctx.config.mount,
			nonce: nonce(),
			csrf: csrf.token,
			cookies: csrf.cookies,
			control: ctx.config.control
		});
	}
	return errorPage('something-went-wrong', nonce(), 404);
}
