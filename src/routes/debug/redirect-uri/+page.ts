import { MAX_INPUT_LENGTH, tooLong } from '$lib/tools/findings';
import { lintRedirectSetup } from '$lib/tools/redirect-uri-lint';
import type { PageLoad } from './$types';

/** At most this many registered URIs are linted; the dashboard itself holds far fewer. */
const MAX_URIS = 50;

// A GET form: the input is the URL (redirect URIs are no secret), so a verdict can be shared as
// a link, and the linting runs here, on the server, so the page needs no JavaScript.
export const load: PageLoad = ({ url }) => {
	const q = url.searchParams;
	const input = {
		registered: q.get('registered') ?? '',
		sent: q.get('sent') ?? '',
		app: q.get('app') ?? ''
	};
	const submitted = q.has('registered') || q.has('sent');
	const size = input.registered.length + input.sent.length + input.app.length;
	if (!submitted) return { input, report: null, refused: null };
	if (size > MAX_INPUT_LENGTH) return { input, report: null, refused: tooLong(size) };
	const registered = input.registered
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	if (registered.length > MAX_URIS)
		return {
			input,
			report: null,
			refused: `${registered.length} URIs were given; the linter checks at most ${MAX_URIS} at a time.`
		};
	if (registered.length === 0 && input.sent.trim() === '')
		return { input, report: null, refused: 'Enter at least one redirect URI to check.' };
	const report = lintRedirectSetup({
		registered,
		sent: input.sent.trim() === '' ? undefined : input.sent.trim(),
		appUrl: input.app.trim() === '' ? undefined : input.app.trim()
	});
	return { input, report, refused: null };
};
