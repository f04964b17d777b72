/**
 * The emulator's own request and response shapes. The core works on these plain objects so that
 * the SvelteKit route (Web Request/Response) and the standalone node:http server (no Request
 * objects on the hot path) can both drive it.
 */
import type { EraId } from '../../spotify/eras';
import type { SpotifyErrorSlug } from '../../spotify/errors';

export interface EmuRequest {
	method: string;
	url: URL;
	/**
	 * `url.pathname`, when the adapter knows it without parsing the URL (node.ts, which then
	 * builds `url` only if a handler reads it); read it through paths.ts `pathnameOf`.
	 */
	pathname?: string;
	/** A request header by lower-case name, or null. */
	header(name: string): string | null;
	/** The raw body, already read (and capped by the adapter). */
	body: string;
}

export interface EmuResponse {
	status: number;
	headers: Record<string, string>;
	/** Set-Cookie values, one per cookie. */
	cookies?: string[];
	body: string;
	/** The catalog entry an error page shows; never sent, read by the control API's consent replay. */
	errorPage?: SpotifyErrorSlug;
}

export interface App {
	clientId: string;
	clientSecret: string;
	name: string;
	redirectUris: string[];
	era: EraId;
	/** Present for an app in development mode; absent for extended quota (no such limits). */
	developmentMode?: DevelopmentMode;
	/** Seeded from the configuration: survives a reset and is never evicted. */
	seeded: boolean;
	createdAt: number;
}

/**
 * Spotify's development mode (reference §9): a non-allow-listed user may log in and get tokens,
 * but the Web API refuses them with 403; since 2026 the owner also needs Premium.
 */
export interface DevelopmentMode {
	/** User ids on the app's allow-list (the dashboard's User Management). */
	allowedUsers: readonly string[];
	ownerHasPremium: boolean;
}

export interface User {
	id: string;
	username: string;
	/** A demo password, shown on the login page; not a secret. */
	password: string;
	displayName: string;
	email: string;
	country: string;
	product: 'premium' | 'free';
	followers: number;
}

/**
 * A validated authorization request waiting for login or consent. Only the known parameters, as
 * validated: nothing else the client put in the URL (a client_secret, say) is kept.
 */
export interface AuthorizeRequest {
	clientId: string;
	responseType: 'code' | 'token';
	/** The redirect_uri exactly as sent; the token request must repeat it. */
	redirectUri: string;
	state: string | null;
	scopes: string[];
	codeChallenge: string | null;
	showDialog: boolean;
	/** The run's seed, read when /authorize was opened: its code or token derives from it. */
	seed: string | null;
}

/**
 * What a user approved for an app: every scope granted (what the account apps page lists), and
 * the scopes whose approval is remembered, which let /authorize skip the consent page. As on
 * Spotify both are the same, unless the emulator asks for consent every time (config.consent)
 * and the user left "Remember my approval" unticked.
 */
export interface Approval {
	scopes: string[];
	remembered: string[];
}

export interface Interaction {
	kind: 'authorize' | 'account';
	request?: AuthorizeRequest;
	/** The session that saw the consent page; consent is accepted only from it. */
	sessionId: string | null;
}

export interface Session {
	userId: string;
}

export interface CodeRecord {
	clientId: string;
	userId: string;
	redirectUri: string;
	scopes: string[];
	codeChallenge: string | null;
	/** App-clock times, in ms. */
	expiresAt: number;
	authorizedAt: number;
	used: boolean;
	/** The seed the code was issued under: the exchange's tokens derive from it too. */
	seed: string | null;
}

export interface AccessTokenRecord {
	clientId: string;
	/** null for client-credentials tokens: no user behind them. */
	userId: string | null;
	scopes: string[];
	expiresAt: number;
	/** The authorization it descends from (grants.ts grantOf), for a code's exchange and refreshes. */
	grant?: string;
}

export interface RefreshTokenRecord {
	clientId: string;
	userId: string;
	scopes: string[];
	/** Issued to a PKCE (public) exchange: refreshing needs only client_id. */
	publicClient: boolean;
	authorizedAt: number;
	/** App-clock ms; null when only revocation ends it. */
	expiresAt: number | null;
	revoked: boolean;
	/** Revoked because a refresh rotated it (not because the user removed the app). */
	rotated?: boolean;
	/** The seed of the grant, and how many refreshes used the token: what a refresh derives from. */
	seed: string | null;
	uses: number;
	/** The authorization it descends from (grants.ts grantOf). */
	grant?: string;
}
