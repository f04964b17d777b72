/**
 * The login session and the CSRF token of the emulator's forms. The CSRF token is a double-submit
 * value: an HttpOnly SameSite cookie whose value every form repeats in a hidden field; a POST is
 * accepted only when both are present and equal (and, if the browser sent one, the Origin is ours).
 */
import { newId, type EmulatorContext } from './context';
import { csrfCookie, parseCookies, serializeCookie, sessionCookie } from './cookies';
import { findUser } from './fixtures/users';
import type { EmuRequest, Session, User } from './types';

/** Sessions last a working day; a class does not need to log in twice. */
export const sessionSeconds = 12 * 3600;

export function cookiePath(ctx: EmulatorContext): string {
	return ctx.config.mount || '/';
}

export function currentSession(
	ctx: EmulatorContext,
	request: EmuRequest
): { id: string; session: Session; user: User } | null {
	const id = parseCookies(request.header('cookie')).get(sessionCookie);
	if (!id) return null;
	const session = ctx.store.sessions.get(id);
	const user = session && findUser(session.userId, ctx.config.users);
	return session && user ? { id, session, user } : null;
}

export function startSession(ctx: EmulatorContext, user: User): { id: string; cookie: string } {
	const id = newId(ctx, 24);
	ctx.store.sessions.set(id, { userId: user.id }, ctx.clock.now() + sessionSeconds * 1000);
	return { id, cookie: serializeCookie(sessionCookie, id, cookiePath(ctx), sessionSeconds) };
}

export function endSession(ctx: EmulatorContext, request: EmuRequest): string {
	const id = parseCookies(request.header('cookie')).get(sessionCookie);
	if (id) ctx.store.sessions.delete(id);
	return serializeCookie(sessionCookie, '', cookiePath(ctx), 0);
}

/** The CSRF token for a form, and the cookie to set when the browser has none yet. */
export function csrfToken(
	ctx: EmulatorContext,
	request: EmuRequest
): { token: string; cookies: string[] } {
	const existing = parseCookies(request.header('cookie')).get(csrfCookie);
	if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return { token: existing, cookies: [] };
	const token = newId(ctx, 24);
	return { token, cookies: [serializeCookie(csrfCookie, token, cookiePath(ctx))] };
}

/** Is this form POST our own page's? */
export function csrfValid(request: EmuRequest, form: URLSearchParams): boolean {
	const origin = request.header('origin');
	if (origin !== null && origin !== 'null' && origin !== request.url.origin) return false;
	if (origin === 'null') return false;
	const cookie = parseCookies(request.header('cookie')).get(csrfCookie);
	const field = form.get('csrf');
	return !!cookie && !!field && cookie === field;
}
