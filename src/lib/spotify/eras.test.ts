import { describe, expect, it } from 'vitest';
import { eras, refreshRotates, refreshTokenExpiry, unauthorizedErrorSlug } from './eras';
import { getSpotifyError } from './errors';

describe('eras', () => {
	it('answers response_type=token as observed in each period', () => {
		expect(eras.classic.implicitGrant).toBe('allowed');
		expect(eras['2025-11'].implicitGrant).toBe('redirect-error');
		expect(eras['2026'].implicitGrant).toBe('page-error');
	});

	it('uses the classic 401 texts before 2026 and the unified one after', () => {
		for (const reason of ['missing', 'invalid', 'expired'] as const) {
			expect(getSpotifyError(unauthorizedErrorSlug(eras['2026'], reason)).text).toBe(
				'Missing/invalid/expired access token'
			);
		}
		expect(getSpotifyError(unauthorizedErrorSlug(eras.classic, 'missing')).text).toBe(
			'No token provided'
		);
		expect(getSpotifyError(unauthorizedErrorSlug(eras['2025-11'], 'expired')).text).toBe(
			'The access token expired'
		);
		expect(getSpotifyError(unauthorizedErrorSlug(eras.classic, 'invalid')).text).toBe(
			'Invalid access token'
		);
	});

	it('rotates PKCE refresh tokens only before 2026, confidential ones never', () => {
		expect(refreshRotates(eras.classic, true)).toBe(true);
		expect(refreshRotates(eras.classic, false)).toBe(false);
		expect(refreshRotates(eras['2025-11'], true)).toBe(true);
		expect(refreshRotates(eras['2026'], true)).toBe(false);
	});

	it('ends 2026 refresh tokens six calendar months after the authorization', () => {
		const authorizedAt = Date.UTC(2026, 0, 31, 12);
		expect(refreshTokenExpiry(eras['2026'], authorizedAt)).toBe(Date.UTC(2026, 6, 31, 12));
		expect(refreshTokenExpiry(eras.classic, authorizedAt)).toBeNull();
	});

	it('refuses insecure redirect URIs from 2025-11 on', () => {
		expect(eras.classic.redirectUriSecurity).toBe('any');
		expect(eras['2025-11'].redirectUriSecurity).toBe('secure-only');
	});
});
