/**
 * Rule eras: which Spotify the emulator imitates for an app. Each era decides the implicit grant,
 * redirect-URI security, refresh-token rotation and lifetime, and the Web API 401 text, following
 * the timeline in shared/spotify-reference.md §0, §2.5, §5.2, §6 and §7.4.
 */
import type { SpotifyErrorSlug } from './errors';

export const eraIds = ['2026', '2025-11', 'classic'] as const;

export type EraId = (typeof eraIds)[number];

/** What `/authorize` does with `response_type=token`. */
export type ImplicitGrantRule =
	| 'allowed' //        token in the fragment, as before 2025-11-27
	| 'redirect-error' // `#error=unsupported_response_type` (observed December 2025)
	| 'page-error'; //    page `response_type must be code` (observed March 2026)

export interface Era {
	id: EraId;
	name: string;
	/** One sentence for the dashboard and the docs. */
	summary: string;
	implicitGrant: ImplicitGrantRule;
	/** `secure-only`: https, or http on a loopback IP literal (2025 rules); `any`: http allowed. */
	redirectUriSecurity: 'secure-only' | 'any';
	/** Does a refresh with a client secret return a new refresh token (and revoke the old one)? */
	confidentialRefreshRotates: boolean;
	/** Does a PKCE refresh return a new refresh token and revoke the old one? */
	pkceRefreshRotates: boolean;
	/** Refresh-token lifetime in months from the user's authorization; null: until revoked. */
	refreshTokenLifetimeMonths: number | null;
	/** `classic`: three 401 texts; `unified`: `Missing/invalid/expired access token` for all. */
	unauthorizedText: 'classic' | 'unified';
	/** /v1/search `limit`: default and maximum (20/50 before 2026, 5/10 in the 2026 OpenAPI, §7.2). */
	searchLimit: { default: number; max: number };
}

export const eras: Record<EraId, Era> = {
	'2026': {
		id: '2026',
		name: '2026 (current)',
		summary:
			'Today’s rules: no implicit grant, secure redirect URIs only, refresh tokens last six months and are never rotated, one 401 text for every token problem.',
		implicitGrant: 'page-error',
		redirectUriSecurity: 'secure-only',
		confidentialRefreshRotates: false,
		pkceRefreshRotates: false,
		refreshTokenLifetimeMonths: 6,
		unauthorizedText: 'unified',
		searchLimit: { default: 5, max: 10 }
	},
	'2025-11': {
		id: '2025-11',
		name: 'November 2025',
		summary:
			'After 2025-11-27: implicit grant removed (redirect with unsupported_response_type), secure redirect URIs only; PKCE refresh tokens still rotate and never expire.',
		implicitGrant: 'redirect-error',
		redirectUriSecurity: 'secure-only',
		confidentialRefreshRotates: false,
		pkceRefreshRotates: true,
		refreshTokenLifetimeMonths: null,
		unauthorizedText: 'classic',
		searchLimit: { default: 20, max: 50 }
	},
	classic: {
		id: 'classic',
		name: 'Classic (before 2025)',
		summary:
			'The old rules: implicit grant allowed, http://localhost accepted, PKCE refresh tokens rotate, refresh tokens last until revoked.',
		implicitGrant: 'allowed',
		redirectUriSecurity: 'any',
		confidentialRefreshRotates: false,
		pkceRefreshRotates: true,
		refreshTokenLifetimeMonths: null,
		unauthorizedText: 'classic',
		searchLimit: { default: 20, max: 50 }
	}
};

export const defaultEraId: EraId = '2026';

export function isEraId(value: string): value is EraId {
	return (eraIds as readonly string[]).includes(value);
}

export function getEra(id: EraId): Era {
	return eras[id];
}

/** Why a Web API request is unauthorized (reference §7.4). */
export type UnauthorizedReason = 'missing' | 'invalid' | 'expired';

/** The error-catalog entry a 401 uses in this era (reference §7.4; text changed ~2026-07). */
export function unauthorizedErrorSlug(era: Era, reason: UnauthorizedReason): SpotifyErrorSlug {
	if (era.unauthorizedText === 'unified') return 'missing-invalid-expired-token';
	if (reason === 'missing') return 'no-token-provided';
	return reason === 'expired' ? 'access-token-expired' : 'invalid-access-token';
}

/** Does a refresh return a new refresh token and revoke the old one (reference §6)? */
export function refreshRotates(era: Era, publicClient: boolean): boolean {
	return publicClient ? era.pkceRefreshRotates : era.confidentialRefreshRotates;
}

/**
 * When a refresh token stops working, in epoch ms, or null if only revocation ends it. The 2026
 * rule counts six months from the user's authorization; refreshing does not extend it (blog
 * 2026-06-18-refresh-token-expiration).
 */
export function refreshTokenExpiry(era: Era, authorizedAt: number): number | null {
	if (era.refreshTokenLifetimeMonths === null) return null;
	const end = new Date(authorizedAt);
	end.setUTCMonth(end.getUTCMonth() + era.refreshTokenLifetimeMonths);
	return end.getTime();
}
