import { fail, redirect } from '@sveltejs/kit';
import { maskSecrets } from '$lib/core/masking';
import { maskPasted } from '$lib/tools/mask-pasted';
import { readForm, textField } from '$lib/server/form-data';
import { MAX_INPUT_LENGTH, tooLong } from '$lib/tools/findings';
import { routePaste, toolLink } from '$lib/tools/paste-router';
import { inspectTokenRequest } from '$lib/tools/token-request-inspect';
import type { Actions } from './$types';

/**
 * One paste box for every tool. POSTed, because a token request carries the secret: a token
 * request is inspected here, in memory, and answered on this page; anything else goes to its
 * tool's link, masked first, as the tools' own links are.
 */
export const actions: Actions = {
	paste: async ({ request, locals }) => {
		const { fields, problem } = await readForm(request, locals);
		const text = textField(fields, 'paste');
		if (problem)
			return fail(problem.status, { paste: maskPasted(text).text, refused: problem.message });
		if (text.trim() === '') return fail(400, { paste: '', refused: 'Paste something first.' });
		if (text.length > MAX_INPUT_LENGTH)
			return fail(413, { paste: '', refused: tooLong(text.length) });
		const route = routePaste(text);
		if (route.tool !== 'token-request') redirect(303, toolLink(route.tool, maskSecrets(text).text));
		const shown = maskPasted(text);
		return { paste: shown.text, why: route.why, result: await inspectTokenRequest(text) };
	}
};
