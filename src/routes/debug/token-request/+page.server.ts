import { fail, redirect } from '@sveltejs/kit';
import { readForm, textField } from '$lib/server/form-data';
import { maskSecrets } from '$lib/core/masking';
import { maskPasted } from '$lib/tools/mask-pasted';
import { inspectTokenRequest } from '$lib/tools/token-request-inspect';
import type { Actions, PageServerLoad } from './$types';

/**
 * A token request usually carries the client secret, so the form is POSTed: the secret never goes
 * into a URL. It is checked in memory, never logged or stored, and what the page shows back (the
 * result, the refilled form, the share link) has it masked.
 */
async function inspect(request: string, authorize: string) {
	const result = await inspectTokenRequest(request, authorize);
	const shown = maskPasted(request);
	const shownAuthorize = maskSecrets(authorize);
	const share = new URLSearchParams({ request: shown.text });
	if (shownAuthorize.text) share.set('authorize', shownAuthorize.text);
	return {
		request: shown.text,
		authorize: shownAuthorize.text,
		masked: shown.masked || shownAuthorize.masked,
		result,
		share: result.kind === 'inspected' ? `/debug/token-request?${share}#result` : null
	};
}

// A shared link (GET) holds only masked input; a secret pasted into a link is masked by redirect.
export const load: PageServerLoad = async ({ url }) => {
	const request = url.searchParams.get('request');
	if (request === null) return { shared: null };
	const authorize = url.searchParams.get('authorize') ?? '';
	const masked = [maskPasted(request), maskSecrets(authorize)];
	if (masked.some((m) => m.masked)) {
		const next = new URLSearchParams({ request: masked[0].text });
		if (authorize) next.set('authorize', masked[1].text);
		redirect(303, `${url.pathname}?${next}#result`);
	}
	return { shared: await inspect(request, authorize) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const { fields, problem } = await readForm(request, locals);
		const text = textField(fields, 'request');
		const authorize = textField(fields, 'authorize');
		if (!problem) return inspect(text, authorize);
		// The page with the form refilled (masked) and what was wrong, instead of SvelteKit's 500.
		const shown = [maskPasted(text), maskSecrets(authorize)];
		return fail(problem.status, {
			request: shown[0].text,
			authorize: shown[1].text,
			masked: shown.some((m) => m.masked),
			result: { kind: 'refused', message: problem.message } as const,
			share: null
		});
	}
};
