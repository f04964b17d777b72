/** Spotify's plain error pages at /authorize: the exact text, never a redirect (reference §2.4). */
import { getSpotifyError, type SpotifyErrorSlug } from '../../../spotify/errors';
import { html, page } from '../html';
import type { EmuResponse } from '../types';

export function errorPage(slug: SpotifyErrorSlug, nonce: string, status?: number): EmuResponse {
	const entry = getSpotifyError(slug);
	const text = entry.text ?? entry.title;
	return page({
		title: 'Error',
		nonce,
		status: status ?? entry.status ?? 400,
		body: html`<h1>Error</h1>
			<p class="error" id="spotify-error">${text}</p>
			<p class="muted">Emulator hint: ${entry.fix}</p>`
	});
}
