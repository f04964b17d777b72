import { describe, expect, it } from 'vitest';
import { buildWebApiRequest } from './api-request';
import { emulatorBaseUrls, spotifyBaseUrls } from './endpoints';

describe('buildWebApiRequest', () => {
	it('sends the Bearer token', () => {
		expect(
			buildWebApiRequest({ apiBase: spotifyBaseUrls.api, path: '/v1/me', accessToken: 'BQtok' })
		).toEqual({
			method: 'GET',
			url: 'https://api.spotify.com/v1/me',
			headers: { Authorization: 'Bearer BQtok' }
		});
	});

	it('adds an encoded query and targets the emulator', () => {
		const request = buildWebApiRequest({
			apiBase: emulatorBaseUrls('http://127.0.0.1:4173').api,
			path: '/v1/search',
			query: { q: 'daft punk', type: 'artist,track' },
			accessToken: 't'
		});
		expect(request.url).toBe(
			'http://127.0.0.1:4173/emulator/api/v1/search?q=daft+punk&type=artist%2Ctrack'
		);
	});

	it('refuses paths outside /v1/', () => {
		expect(() =>
			buildWebApiRequest({ apiBase: spotifyBaseUrls.api, path: '/me', accessToken: 't' })
		).toThrow(RangeError);
	});
});
