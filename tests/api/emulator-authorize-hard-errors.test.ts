import { expect, test } from '@playwright/test';
import { getSpotifyError, type SpotifyErrorSlug } from '../../src/lib/spotify/errors';
import { defaultClientId } from '../../src/lib/server/emulator/config';

const callback = 'http://127.0.0.1:4173/callback';
const valid = { client_id: defaultClientId, response_type: 'code', redirect_uri: callback };

const cases: [string, Record<string, string>, SpotifyErrorSlug][] = [
	['missing client_id', { ...valid, client_id: '' }, 'missing-client-id'],
	['unknown client_id', { ...valid, client_id: 'undefined' }, 'invalid-client-authorize'],
	['missing redirect_uri', { ...valid, redirect_uri: '' }, 'missing-redirect-uri'],
	['illegal redirect_uri', { ...valid, redirect_uri: 'None' }, 'illegal-redirect-uri'],
	[
		'insecure redirect_uri',
		{ ...valid, redirect_uri: 'http://localhost:8888/callback' },
		'insecure-redirect-uri'
	],
	[
		'unregistered redirect_uri',
		{ ...valid, redirect_uri: 'https://attacker.example/callback' },
		'invalid-redirect-uri-authorize'
	],
	['response_type=token', { ...valid, response_type: 'token' }, 'response-type-must-be-code'],
	['illegal scope', { ...valid, scope: 'user-read-birthdate' }, 'illegal-scope']
];

for (const [name, params, slug] of cases) {
	test(`authorize with ${name} shows Spotify's error page, no redirect`, async ({ request }) => {
		const response = await request.get(
			`/emulator/accounts/authorize?${new URLSearchParams(params)}`,
			{ maxRedirects: 0 }
		);
		expect(response.status()).toBe(400);
		expect(response.headers().location).toBeUndefined();
		expect(await response.text()).toContain(getSpotifyError(slug).text!);
		expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
	});
}
