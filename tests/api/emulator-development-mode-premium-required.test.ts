import { expect, test } from '@playwright/test';
import { webApiErrorBody } from '../../src/lib/spotify/errors';
import { noPremiumAppCredentials } from '../../src/lib/spotify/demo-apps';
import {
	apiPath,
	clientCredentials,
	seededTestApp,
	userAccessToken
} from '../../src/lib/server/emulator/testing-http';

const app = seededTestApp(noPremiumAppCredentials);

test('development mode: an owner without Premium gets every Web API call refused, user or app token', async ({
	request,
	baseURL
}) => {
	const redirectUri = `${baseURL}/callback`;
	const tokens = [
		await userAccessToken(request, app, redirectUri, { scope: 'user-read-private' }),
		await clientCredentials(request, app)
	];
	for (const token of tokens)
		for (const path of [
			'/v1/me',
			'/v1/artists/0GrantwaLkArtist000001',
			'/v1/search?q=a&type=artist'
		]) {
			const response = await request.get(`${apiPath}${path}`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(response.status(), path).toBe(403);
			expect(await response.json(), path).toEqual(webApiErrorBody('premium-required'));
		}
});
