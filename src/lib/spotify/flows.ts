/**
 * The four flows: the single source of truth for the comparison table, the flow pages and the
 * machines. Facts follow Spotify's authorization concept page and shared/spotify-reference.md §1.
 */

export const flowSlugs = [
	'authorization-code',
	'authorization-code-pkce',
	'client-credentials',
	'implicit-grant'
] as const;

export type FlowSlug = (typeof flowSlugs)[number];

export type FlowStatus = 'recommended' | 'app-only' | 'removed';

/** The parties a flow involves, in the order a sequence diagram draws them. */
export type Party = 'user' | 'browser' | 'app' | 'app-server' | 'accounts' | 'web-api';

export interface Flow {
	slug: FlowSlug;
	name: string;
	/** One sentence: what the flow is for. */
	summary: string;
	/** Spotify's table: can the token access user resources? */
	userData: boolean;
	/** Spotify's table: does the flow require a client secret kept on a server? */
	secretServerSide: boolean;
	/** Spotify's table: can the access token be refreshed? */
	refresh: boolean;
	status: FlowStatus;
	/** A short label for the status column. */
	statusLabel: string;
	recommendedFor: string;
	/** Does the flow send the user's browser to accounts.spotify.com/authorize? */
	browserRedirect: boolean;
	usesPkce: boolean;
	returnsRefreshToken: boolean;
	/** `response_type` at /authorize, or null for flows that never visit it. */
	responseType: 'code' | 'token' | null;
	/** `grant_type` values the flow sends to /api/token. */
	grantTypes: readonly string[];
	parties: readonly Party[];
	/** Spotify's tutorial for the flow. */
	docsUrl: string;
}

export const flows: readonly Flow[] = [
	{
		slug: 'authorization-code',
		name: 'Authorization code',
		summary:
			'A server-side app sends the user to Spotify to approve access, then swaps the returned code for tokens using its client secret.',
		userData: true,
		secretServerSide: true,
		refresh: true,
		status: 'recommended',
		statusLabel: 'Recommended for server apps',
		recommendedFor: 'Web apps with a backend that can keep the client secret',
		browserRedirect: true,
		usesPkce: false,
		returnsRefreshToken: true,
		responseType: 'code',
		grantTypes: ['authorization_code', 'refresh_token'],
		parties: ['user', 'browser', 'app-server', 'accounts', 'web-api'],
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow'
	},
	{
		slug: 'authorization-code-pkce',
		name: 'Authorization code with PKCE',
		summary:
			'An app that cannot keep a secret proves it started the flow with a one-time code verifier instead of a client secret.',
		userData: true,
		secretServerSide: false,
		refresh: true,
		status: 'recommended',
		statusLabel: 'Recommended where no secret can be kept',
		recommendedFor: 'Single-page apps, mobile and desktop apps, CLIs acting for a user',
		browserRedirect: true,
		usesPkce: true,
		returnsRefreshToken: true,
		responseType: 'code',
		grantTypes: ['authorization_code', 'refresh_token'],
		parties: ['user', 'browser', 'app', 'accounts', 'web-api'],
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow'
	},
	{
		slug: 'client-credentials',
		name: 'Client credentials',
		summary:
			'A backend authenticates as the app itself, with no user, to read public catalogue data.',
		userData: false,
		secretServerSide: true,
		refresh: false,
		status: 'app-only',
		statusLabel: 'For backends acting as the app',
		recommendedFor: 'Server-to-server jobs that need no user data',
		browserRedirect: false,
		usesPkce: false,
		returnsRefreshToken: false,
		responseType: null,
		grantTypes: ['client_credentials'],
		parties: ['app-server', 'accounts', 'web-api'],
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow'
	},
	{
		slug: 'implicit-grant',
		name: 'Implicit grant',
		summary:
			'The access token came back in the URL fragment, straight to the browser, with no code exchange. Spotify removed it.',
		userData: true,
		secretServerSide: false,
		refresh: false,
		status: 'removed',
		statusLabel: 'Removed by Spotify on 2025-11-27',
		recommendedFor: 'Nothing: migrate to authorization code with PKCE',
		browserRedirect: true,
		usesPkce: false,
		returnsRefreshToken: false,
		responseType: 'token',
		grantTypes: [],
		parties: ['user', 'browser', 'app', 'accounts', 'web-api'],
		docsUrl: 'https://developer.spotify.com/documentation/web-api/tutorials/implicit-flow'
	}
];

/** Dates of the implicit grant's end (Spotify blog 2025-02-12 and the 2025-10-14 reminder). */
export const implicitGrantTimeline = {
	deprecated: '2025-02-12',
	enforcedForNewApps: '2025-04-09',
	removed: '2025-11-27',
	migrationUrl:
		'https://developer.spotify.com/documentation/web-api/tutorials/migration-implicit-auth-code',
	blogUrl:
		'https://developer.spotify.com/blog/2025-02-12-increasing-the-security-requirements-for-integrating-with-spotify'
} as const;

export function isFlowSlug(value: string): value is FlowSlug {
	return (flowSlugs as readonly string[]).includes(value);
}

export function getFlow(slug: FlowSlug): Flow {
	const flow = flows.find((f) => f.slug === slug);
	if (!flow) throw new Error(`Unknown flow slug: ${slug}`);
	return flow;
}

export const partyNames: Record<Party, string> = {
	user: 'User',
	browser: 'Browser',
	app: 'App (in the browser or on the device)',
	'app-server': 'App server',
	accounts: 'Spotify accounts service',
	'web-api': 'Spotify Web API'
};
