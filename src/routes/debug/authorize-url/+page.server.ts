import { redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { configFromEnv } from '$lib/server/emulator/config';
import { emulatorQuery, inspectAuthorizeUrl } from '$lib/tools/authorize-url-inspect';
import { findMatchingRedirectUri } from '$lib/spotify/redirect-uri';
import { maskSecrets } from '$lib/core/masking';
import type { PageServerLoad } from './$types';

// A GET form: an authorize URL holds no secret, so it can live in the link. If someone pastes a
// client_secret into one anyway, the page redirects to the same query with the value masked.
export const load: PageServerLoad = ({ url }) => {
	const input = url.searchParams.get('url');
	if (input === null) return { input: '', masked: false, result: null };
	const masked = maskSecrets(input);
	if (masked.masked) {
		const next = new URL(url);
		next.searchParams.set('url', masked.text);
		next.searchParams.set('masked', '1');
		redirect(303, `${next.pathname}${next.search}#result`);
	}
	const inspection = inspectAuthorizeUrl(input);
	if (inspection.kind !== 'inspected')
		return {
			input,
			masked: false,
			result: {
				kind: inspection.kind,
				message: 'message' in inspection ? inspection.message : 'Paste an authorize URL first.'
			} as const
		};
	// The emulator's demo app, and a redirect URI it has registered that comes back to this site.
	const demo = configFromEnv(env).apps[0];
	const own = `${url.origin}/callback`;
	const redirectUri = findMatchingRedirectUri(demo.redirectUris, own) ? own : demo.redirectUris[0];
	return {
		input,
		masked: url.searchParams.has('masked'),
		result: {
			kind: 'inspected' as const,
			endpoint: `${inspection.url.origin}${inspection.url.pathname}`,
			params: inspection.params,
			findings: inspection.findings,
			mistakes: inspection.mistakes,
			level: inspection.level,
			flow: inspection.flow,
			emulator: {
				clientId: demo.clientId,
				redirectUri,
				query: emulatorQuery(inspection.params, demo.clientId, redirectUri)
			}
		}
	};
};
