import { catalog } from '$lib/spotify/error-entries';
import type { PageLoad } from './$types';

export const prerender = true;

/** The groups of the index, in the order a flow meets them. */
const groups = [
	{
		id: 'authorize-page',
		title: 'Error pages at /authorize',
		test: (s?: string) => s === 'authorize-page'
	},
	{
		id: 'authorize-redirect',
		title: 'On the redirect back to your app',
		test: (s?: string) => s === 'authorize-redirect'
	},
	{
		id: 'token',
		title: 'From the token endpoint (POST /api/token)',
		test: (s?: string) => s === 'token'
	},
	{ id: 'web-api', title: 'From the Web API', test: (s?: string) => s === 'web-api' },
	{ id: 'dashboard', title: 'In the developer dashboard', test: (s?: string) => s === 'dashboard' }
];

export const load: PageLoad = () => ({
	groups: [
		...groups.map((g) => ({
			id: g.id,
			title: g.title,
			entries: catalog.filter((e) => e.kind === 'spotify' && g.test(e.surface))
		})),
		{
			id: 'client-checks',
			title: 'Checks your app makes itself',
			entries: catalog.filter((e) => e.kind === 'client-check')
		},
		{
			id: 'notices',
			title: 'Not from Spotify’s OAuth endpoints',
			entries: catalog.filter((e) => e.kind === 'notice')
		}
	]
});
