/**
 * What a GET of the authorize URL answered, read before the browser is sent there: Spotify's own
 * error page (reference §2.4: a 400 page, never a redirect) or anything else, which means the
 * browser can go (a login page, a consent page, or a redirect straight back).
 */
import { AuthorizePageError } from './errors';
import type { HttpResponseDescription } from './http';

/** The page text: the emulator marks it `id="spotify-error"`; else the first paragraph. */
function pageText(body: string): string {
	const marked = /id="spotify-error"[^>]*>([^<]*)</.exec(body);
	const paragraph = /<p[^>]*>([^<]*)</.exec(body);
	const raw = (marked ?? paragraph)?.[1] ?? body.slice(0, 200);
	return decodeEntities(raw).trim();
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Throws the page's error when /authorize refused the request with a 4xx page. */
export function checkAuthorizeAnswer(response: HttpResponseDescription): void {
	if (response.status >= 400 && response.status < 500)
		throw new AuthorizePageError(response.status, pageText(response.body));
}
