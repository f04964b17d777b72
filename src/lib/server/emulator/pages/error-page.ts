/** Spotify's plain error pages at /authorize: the exact text, never a redirect (reference §2.4). */
import { getSpotifyError, type SpotifyErrorSlug } from '../../../spotify/errors';
import { html, page } from '../html';
import type { EmuResponse } from '../types';

/** The words the page shows for `slug`: Spotify's exact text, or the title where it has none. */
export function errorPageText(slug: SpotifyErrorSlug): string {
	const entry = getSpotifyError(slug);
	return entry.text ?? entry.title;
}

export function errorPage(slug: SpotifyErrorSlug, nonce: string, status?: number): EmuResponse {
	const entry = getSpotifyError(slug);
	const text = errorPageText(slug);
	const response = page({
		title: 'Error',
		nonce,
		status: status ?? entry.status ?? 400,
		body: html`<h1>Error</h1>
			<p class="error" id="spotify-error">${text}</p>
			<p class="muted">Emulator hint: ${entry.fix}</p>`
	});
	return { ...response, errorPage: slug };
}
