import { fail, redirect } from '@sveltejs/kit';
import { readForm, textField } from '$lib/server/form-data';
import { decodeSpotifyError } from '$lib/tools/error-decoder';
import { maskSecrets } from '$lib/core/masking';
import type { Actions, PageServerLoad } from './$types';

/**
 * The longest link the decoder redirects to: well under Node's 16 KB header limit, so the link
 * always loads. A text whose link would be longer is answered on the page, without a link.
 */
const MAX_LINK_LENGTH = 12_000;

/** The shareable link for a text that is already masked. */
function resultLink(q: string, masked: boolean): string {
	const params = new URLSearchParams({ q });
	if (masked) params.set('masked', '1');
	return `/debug/errors?${params}#result`;
}

// A GET link shows a decoded error, so a result can be shared. Error texts carry no secret, but a
// pasted log line might: a link holding one (an old link, or one typed by hand) redirects to the
// same query with it masked, so it does not stay in the address bar, the history or a shared link.
export const load: PageServerLoad = ({ url }) => {
	const q = url.searchParams.get('q');
	if (q === null) return { q: '', masked: false, result: null };
	const masked = maskSecrets(q);
	if (masked.masked) {
		const next = new URL(url);
		next.searchParams.set('q', masked.text);
		next.searchParams.set('masked', '1');
		redirect(303, `${next.pathname}${next.search}#result`);
	}
	return { q, masked: url.searchParams.has('masked'), result: decodeSpotifyError(q) };
};

export const actions: Actions = {
	// The form is POSTed, so pasted text never travels in a request line, a proxy log or the
	// history before it is masked; the answer is a redirect to the masked text's link.
	default: async ({ request, locals }) => {
		const { fields, problem } = await readForm(request, locals);
		const masked = maskSecrets(textField(fields, 'q'));
		// The page with the form refilled and what was wrong, instead of SvelteKit's 500.
		if (problem)
			return fail(problem.status, {
				q: masked.text,
				masked: masked.masked,
				result: null,
				problem: problem.message
			});
		const result = decodeSpotifyError(masked.text);
		const shown = { q: masked.text, masked: masked.masked, result };
		if (result.kind === 'too-long') return fail(413, shown);
		const link = resultLink(masked.text, masked.masked);
		if (link.length > MAX_LINK_LENGTH) return shown;
		redirect(303, link);
	}
};
