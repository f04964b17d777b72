/**
 * The emulator's HTML pages: plain server-rendered strings with their own Content-Security-Policy
 * (no script at all; one inline stylesheet allowed by nonce), clearly marked as an emulator.
 */
import type { EmuResponse } from './types';

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
	let out = strings[0];
	values.forEach((v, i) => {
		out += render(v) + strings[i + 1];
	});
	return new Html(out);
}

function render(value: unknown): string {
	if (value instanceof Html) return value.value;
	if (Array.isArray(value)) return value.map(render).join('');
	if (value === null || value === undefined || value === false) return '';
	return escapeHtml(String(value));
}

const styles = `
:root{color-scheme:light dark;--bg:#f4f4f5;--card:#fff;--fg:#18181b;--muted:#52525b;--line:#d4d4d8;--accent:#0b7a3b;--accent-fg:#fff;--warn:#fef3c7;--warn-fg:#713f12;--err:#b91c1c}
@media (prefers-color-scheme:dark){:root{--bg:#18181b;--card:#27272a;--fg:#f4f4f5;--muted:#a1a1aa;--line:#3f3f46;--accent:#4ade80;--accent-fg:#052e16;--warn:#422006;--warn-fg:#fde68a;--err:#fca5a5}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
.banner{background:var(--warn);color:var(--warn-fg);text-align:center;padding:.4rem 1rem;font-size:.9rem}
main{display:flex;justify-content:center;padding:2rem 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.5rem 2rem;width:100%;max-width:34rem}
.wide{max-width:56rem}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
p,li{color:var(--fg)}.muted{color:var(--muted)}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input,select,textarea{width:100%;font:inherit;padding:.5rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
button{font:inherit;font-weight:600;padding:.55rem 1.2rem;border-radius:999px;border:1px solid var(--line);background:var(--card);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);color:var(--accent-fg);border-color:var(--accent)}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.25rem}
label.check{display:flex;gap:.6rem;align-items:center;margin:1.25rem 0 .25rem}
input[type=checkbox]{width:1.25rem;height:1.25rem;margin:0;padding:0;flex:none;accent-color:var(--accent)}
.error{color:var(--err);font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid var(--line);vertical-align:top}
a{color:inherit}
.inline{display:inline}
`;

export interface PageOptions {
	title: string;
	body: Html;
	nonce: string;
	status?: number;
	wide?: boolean;
	/** Extra form-action sources: where a form's redirect may lead (the app's redirect URI). */
	formTargets?: string[];
	cookies?: string[];
}

/** A whole page, with a CSP that allows no script and only this page's own stylesheet. */
export function page(options: PageOptions): EmuResponse {
	const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
	const csp = [
		"default-src 'none'",
		`style-src 'nonce-${options.nonce}'`,
		"img-src 'self' data:",
		`form-action ${formAction}`,
		"frame-ancestors 'none'",
		"base-uri 'none'"
	].join('; ');
	const body = html`<!doctype html>
		<html lang="en">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="robots" content="noindex" />
				<title>${options.title} · Spotify emulator (Grantwalk)</title>
				<style nonce="${options.nonce}">
					${new Html(styles)}
				</style>
			</head>
			<body>
				<header class="banner">
					Spotify emulator (Grantwalk): a local imitation for learning, not Spotify
				</header>
				<main><div class="card${options.wide ? ' wide' : ''}">${options.body}</div></main>
			</body>
		</html> `;
	return {
		status: options.status ?? 200,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': csp,
			// Not no-referrer: with it browsers send `Origin: null` on our own form POSTs, which
			// the CSRF check must refuse. same-origin still keeps URLs from other sites.
			'referrer-policy': 'same-origin',
			'x-content-type-options': 'nosniff',
			'x-frame-options': 'DENY',
			'cache-control': 'no-store'
		},
		cookies: options.cookies,
		body: body.value
	};
}

/**
 * A CSP source for the place a redirect URI points to: its origin for http(s), its scheme for
 * custom schemes. Null when it cannot be expressed safely.
 */
export function formTargetFor(redirectUri: string): string | null {
	const m = /^([a-z][a-z0-9+.-]*):(\/\/[^/?#]*)?/i.exec(redirectUri);
	if (!m) return null;
	const scheme = m[1].toLowerCase();
	if (scheme !== 'http' && scheme !== 'https') return `${scheme}:`;
	try {
		const origin = new URL(redirectUri).origin;
		return /^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(origin) ? origin : null;
	} catch {
		return null;
	}
}
