import { findCatalogEntry } from '$lib/spotify/error-entries';
import type { SpotifyErrorSlug } from '$lib/spotify/errors';
import { implicitGrantTimeline } from '$lib/spotify/flows';
import type { PageLoad } from './$types';

const docs = 'https://developer.spotify.com/documentation/web-api';

export interface ChecklistItem {
	id: string;
	title: string;
	rule: string;
	/** ISO dates, as Spotify announced them. */
	since: string;
	/** What breaks when the item is not done, with catalog slugs for the errors. */
	symptom: string;
	errors: readonly SpotifyErrorSlug[];
	source: { label: string; href: string };
	/** `[uncertain]` facts the reference marks as observed or unverified. */
	uncertain?: string;
}

// Dates and rules from shared/spotify-reference.md §0, §5.2 and §9.
const items: readonly ChecklistItem[] = [
	{
		id: 'redirect-uris',
		title: 'Redirect URIs follow the 2025 rules',
		rule: 'https everywhere, http only on 127.0.0.1 or [::1]; no localhost; registered exactly as sent.',
		since: `${implicitGrantTimeline.enforcedForNewApps} for new apps, ${implicitGrantTimeline.removed} for all apps`,
		symptom:
			'The authorize page shows INVALID_CLIENT: Insecure redirect URI or Invalid redirect URI.',
		errors: ['insecure-redirect-uri', 'invalid-redirect-uri-authorize'],
		source: { label: 'Spotify: redirect URIs', href: `${docs}/concepts/redirect_uri` }
	},
	{
		id: 'no-implicit',
		title: 'No implicit grant',
		rule: 'response_type=code with PKCE instead of response_type=token.',
		since: `${implicitGrantTimeline.removed} for all apps`,
		symptom:
			'The page response_type must be code, or a redirect with #error=unsupported_response_type.',
		errors: ['response-type-must-be-code', 'unsupported-response-type'],
		source: { label: 'Spotify: migration guide', href: implicitGrantTimeline.migrationUrl }
	},
	{
		id: 'premium-owner',
		title: 'The app’s owner has Spotify Premium',
		rule: 'A development-mode app stops working when its owner’s Premium lapses; it can take hours to come back after subscribing.',
		since: '2026-02-11 for new apps, 2026-03-09 for existing apps',
		symptom:
			'Every Web API call answers 403 Active premium subscription required for the owner of the app.',
		errors: ['premium-required'],
		source: {
			label: 'Spotify: February 2026 migration guide',
			href: `${docs}/tutorials/february-2026-migration-guide`
		}
	},
	{
		id: 'one-client-id',
		title: 'One development Client ID per developer',
		rule: 'A developer may own one development-mode app; extra ones created before the change are kept.',
		since: '2026-02-11 for new apps, 2026-03-09 for existing apps',
		symptom: 'The dashboard refuses to create another app.',
		errors: [],
		source: {
			label: 'Spotify: February 2026 migration guide',
			href: `${docs}/tutorials/february-2026-migration-guide`
		}
	},
	{
		id: 'five-users',
		title: 'At most five users, each on the allow-list',
		rule: 'In development mode only users added by name and Spotify email under User Management may use the app: five per app since 2026 (25 from 2021-05-27).',
		since: '2026-02-11 for new apps, 2026-03-09 for existing apps',
		symptom:
			'Other users can log in and get a token, but every Web API call answers 403 (the user may not be registered).',
		errors: ['user-not-registered'],
		source: { label: 'Spotify: quota modes', href: `${docs}/concepts/quota-modes` }
	},
	{
		id: 'reduced-endpoints',
		title: 'Only the endpoints development mode still has',
		rule: 'Since 2024-11-27 new and development-mode apps lose Related Artists, Recommendations, Audio Features and Analysis, featured and category playlists and algorithmic playlists; 2026 reduces the set further (search now returns at most 10 items, 5 by default).',
		since: '2024-11-27; further from 2026-02-11 (new) and 2026-03-09 (existing)',
		symptom: 'Those endpoints answer 403 or 404 for your app while they work in older examples.',
		errors: [],
		source: {
			label: 'Spotify: February 2026 migration guide',
			href: `${docs}/tutorials/february-2026-migration-guide`
		},
		uncertain:
			'Spotify postponed part of the 2026 endpoint changes for existing apps; the final list is not published.'
	},
	{
		id: 'refresh-expiry',
		title: 'Refresh tokens are kept, and expire after six months',
		rule: 'Refresh responses no longer carry a new refresh_token: keep the one you have. It stops working six months after the user’s authorization; then send the user through authorization again.',
		since: '2026-06-18 for new apps, 2026-07-20 for existing apps',
		symptom: 'invalid_grant on refresh, or a refresh token saved as null.',
		errors: ['invalid-refresh-token', 'refresh-token-must-be-supplied'],
		source: { label: 'Spotify: refreshing tokens', href: `${docs}/tutorials/refreshing-tokens` }
	},
	{
		id: 'status-not-text',
		title: 'Code branches on status codes, not message texts',
		rule: 'Spotify changed the 401 text from The access token expired to Missing/invalid/expired access token.',
		since: 'about 2026-07',
		symptom: 'Code that matched the old text stops refreshing expired tokens.',
		errors: ['access-token-expired', 'missing-invalid-expired-token'],
		source: { label: 'Spotify: API calls and errors', href: `${docs}/concepts/api-calls` },
		uncertain: 'Observed by developers, not announced.'
	},
	{
		id: 'scopes',
		title: 'Every scope the endpoints need, and no removed ones',
		rule: 'Request each scope your calls need; a token cached from an older scope set lacks the new ones.',
		since: 'always',
		symptom:
			'403 Insufficient client scope, or the page Illegal scope for removed or internal scopes.',
		errors: ['insufficient-client-scope', 'illegal-scope'],
		source: { label: 'Spotify: scopes', href: `${docs}/concepts/scopes` }
	}
];

export const load: PageLoad = () => ({
	items: items.map((item) => ({
		...item,
		errors: item.errors.map((slug) => ({ slug, title: findCatalogEntry(slug)?.title ?? slug }))
	}))
});
