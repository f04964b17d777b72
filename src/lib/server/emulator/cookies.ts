/** The emulator's two cookies: the login session and the CSRF token of its forms. */

export const sessionCookie = 'grantwalk_emu_session';
export const csrfCookie = 'grantwalk_emu_csrf';

export function parseCookies(header: string | null): Map<string, string> {
	const out = new Map<string, string>();
	if (!header) return out;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		const name = part.slice(0, eq).trim();
		if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
	}
	return out;
}

/** HttpOnly and SameSite=Lax: scripts cannot read it and cross-site POSTs do not carry it. */
export function serializeCookie(
	name: string,
	value: string,
	path: string,
	maxAge?: number
): string {
	const age = maxAge === undefined ? '' : `; Max-Age=${maxAge}`;
	return `${name}=${value}; Path=${path || '/'}; HttpOnly; SameSite=Lax${age}`;
}
