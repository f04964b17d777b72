import { redirect } from '@sveltejs/kit';
import { decodeSpotifyError } from '$lib/spotify/error-decoder';
import { maskSecrets } from '$lib/spotify/secret-mask';
import type { PageLoad } from './$types';

// A GET form, so a decoded error can be shared as a link. Error texts carry no secret, but a
// pasted log line might: then the page redirects to the same query with it masked, so the
// secret never stays in the address bar, the history or a shared link.
export const load: PageLoad = ({ url }) => {
	const q = url.searchParams.get('q');
	if (q === null) return { q: '', result: null };
	const masked = maskSecrets(q);
	if (masked.masked) {
		const next = new URL(url);
		next.searchParams.set('q', masked.text);
		next.searchParams.set('masked', '1');
		redirect(303, `${next.pathname}${next.search}#result`);
	}
	return { q, masked: url.searchParams.has('masked'), result: decodeSpotifyError(q) };
};
