import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpotifyError } from './error-decoder';
import { catalog } from '$lib/spotify/error-entries';
import {
	otherNotices,
	spotifyErrors,
	tokenErrorBody,
	webApiErrorBody,
	type SpotifyErrorSlug
} from '$lib/spotify/errors';

function topSlug(input: string): string | undefined {
	const result = decodeSpotifyError(input);
	return result.kind === 'recognised' ? result.matches[0].entry.slug : undefined;
}

function slugs(input: string): string[] {
	const result = decodeSpotifyError(input);
	return result.kind === 'recognised' ? result.matches.map((m) => m.entry.slug) : [];
}

/** What the emulator sends for each catalog entry, built the way the emulator builds it. */
function wireForms(e: (typeof spotifyErrors)[number]): string[] {
	const slug = e.slug as SpotifyErrorSlug;
	switch (e.surface) {
		case 'token':
			return [
				JSON.stringify(tokenErrorBody(slug, 'password')),
				`HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n${JSON.stringify(tokenErrorBody(slug, 'implicit'))}`
			];
		case 'web-api':
			return [
				JSON.stringify(webApiErrorBody(slug)),
				JSON.stringify(webApiErrorBody(slug), null, 2),
				`GET https://api.spotify.com/v1/me -> ${JSON.stringify(webApiErrorBody(slug))}`
			];
		case 'authorize-redirect':
			return [
				`http://127.0.0.1:8888/callback?error=${e.code}&state=abc`,
				`https://example.com/callback#error=${e.code}`
			];
		default:
			return 'text' in e ? [e.text, `  ${e.text}\n`] : [];
	}
}

describe('round trip: every answer the catalog holds decodes to its own entry', () => {
	for (const e of spotifyErrors)
		for (const wire of wireForms(e))
			it(`${e.slug} from ${JSON.stringify(wire).slice(0, 70)}`, () => {
				expect(topSlug(wire)).toBe(e.slug);
			});

	for (const n of otherNotices)
		it(`the notice ${n.slug}`, () => expect(topSlug(n.text)).toBe(n.slug));

	it('the state_mismatch of Spotify’s example app', () => {
		expect(topSlug('http://127.0.0.1:8888/#error=state_mismatch')).toBe('state-mismatch');
	});

	it('Web API texts alone name their entry among the matches', () => {
		for (const e of spotifyErrors)
			if (e.surface === 'web-api' && 'text' in e) expect(slugs(e.text), e.slug).toContain(e.slug);
	});
});

// The symptoms of shared/spotify-reference.md §10, typed out from the table.
const topProblems: [number, string, string][] = [
	[1, 'INVALID_CLIENT: Invalid redirect URI', 'invalid-redirect-uri-authorize'],
	[2, 'This redirect URI is not secure. Learn more here.', 'redirect-uri-not-secure'],
	[2, 'INVALID_CLIENT: Insecure redirect URI', 'insecure-redirect-uri'],
	[
		4,
		'{"error":"invalid_grant","error_description":"Invalid authorization code"}',
		'invalid-authorization-code'
	],
	[5, '…"Authorization code expired"', 'authorization-code-expired'],
	[
		6,
		'{"error":"invalid_grant","error_description":"Invalid redirect URI"}',
		'invalid-redirect-uri-token'
	],
	[
		7,
		'{"error":"invalid_client","error_description":"Invalid client secret"}',
		'invalid-client-secret'
	],
	[7, '{"error":"invalid_client"}', 'invalid-client-malformed'],
	[
		8,
		'{"error":"unsupported_grant_type","error_description":"grant_type parameter is missing"}',
		'grant-type-missing'
	],
	[
		9,
		'{"error":"invalid_grant","error_description":"code_verifier was incorrect"}',
		'code-verifier-incorrect'
	],
	[
		10,
		'{"error":"invalid_request","error_description":"code_verifier required"}',
		'code-verifier-required'
	],
	[
		11,
		'{"error":"invalid_grant","error_description":"Refresh token revoked"}',
		'refresh-token-revoked'
	],
	[12, "KeyError: 'refresh_token'", 'refresh-token-must-be-supplied'],
	[13, '401 The access token expired', 'access-token-expired'],
	[
		13,
		'{"error":{"status":401,"message":"Missing/invalid/expired access token"}}',
		'missing-invalid-expired-token'
	],
	[
		14,
		'http status: 403, code:-1 - https://api.spotify.com/v1/me/top/tracks: Insufficient client scope',
		'insufficient-client-scope'
	],
	[15, '403 User not registered in the Developer Dashboard', 'user-not-registered'],
	[
		15,
		'Check settings on developer.spotify.com/dashboard, the user may not be registered.',
		'user-not-registered'
	],
	[16, '403 Active premium subscription required for the owner of the app.', 'premium-required'],
	[17, 'Illegal scope', 'illegal-scope'],
	[18, 'https://example.com/callback#error=unsupported_response_type', 'unsupported-response-type'],
	[18, 'response_type must be code', 'response-type-must-be-code'],
	[19, '{"error":{"status":404,"message":"Invalid username"}}', 'insufficient-client-scope'],
	[
		20,
		'{"error":{"status":400,"message":"Only valid bearer authentication supported"}}',
		'only-bearer-supported'
	],
	[21, 'HTTP/1.1 429 Too Many Requests\nRetry-After: 30', 'rate-limited'],
	[22, 'OSError: [Errno 98] Address already in use', 'address-already-in-use']
];

describe('the top problems of reference §10', () => {
	it.each(topProblems)('#%i: %s', (_row, symptom, slug) => {
		expect(topSlug(symptom)).toBe(slug);
	});
});

describe('other inputs', () => {
	it('reads ?error=access_denied as the user cancelling', () => {
		const r = decodeSpotifyError('?error=access_denied&state=34fFs29kd09');
		expect(r.kind === 'recognised' && r.matches[0].how).toContain('query');
		expect(topSlug('?error=access_denied')).toBe('access-denied');
	});

	it('offers both steps for a bare Invalid redirect URI', () => {
		expect(slugs('Invalid redirect URI')).toEqual([
			'invalid-redirect-uri-token',
			'invalid-redirect-uri-authorize'
		]);
	});

	it('prefers the token answer when the input names /api/token', () => {
		expect(topSlug('POST https://accounts.spotify.com/api/token: Method not allowed')).toBe(
			'token-method-not-allowed'
		);
		expect(topSlug('GET https://api.spotify.com/v1/me: Method not allowed')).toBe(
			'web-api-method-not-allowed'
		);
	});

	it('lists every 401 for a bare status, most common first', () => {
		const found = slugs('HTTP/1.1 401 Unauthorized');
		expect(found[0]).toBe('access-token-expired');
		expect(found).toContain('no-token-provided');
	});

	it('names the entries with the same code when the description is new', () => {
		const found = slugs('{"error":"invalid_grant","error_description":"Refresh token expired"}');
		expect(found).toContain('invalid-refresh-token');
		expect(found).toContain('refresh-token-revoked');
	});

	it('answers honestly what it does not know, with the closest matches', () => {
		const r = decodeSpotifyError('Missing required parameter');
		expect(r.kind).toBe('unknown');
		expect(r.kind === 'unknown' && r.closest.map((e) => e.slug)).toContain('missing-client-id');
		expect(decodeSpotifyError('the flux capacitor melted')).toEqual({
			kind: 'unknown',
			closest: []
		});
	});

	it('refuses very long input and reports empty input', () => {
		expect(decodeSpotifyError('x'.repeat(30_000)).kind).toBe('too-long');
		expect(decodeSpotifyError('  \n').kind).toBe('empty');
	});

	it('never throws, whatever is pasted', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (s) => {
				decodeSpotifyError(s);
				decodeSpotifyError(`{"error":${JSON.stringify(s)}}`);
				decodeSpotifyError(`?error=${s}`);
			}),
			{ seed: 42, numRuns: 300 }
		);
	});
});

describe('the catalog view', () => {
	it('has unique slugs across Spotify errors, client checks and notices', () => {
		expect(new Set(catalog.map((e) => e.slug)).size).toBe(catalog.length);
	});
});
