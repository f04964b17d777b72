import { expect, test } from '@playwright/test';
import { webApiErrorBody } from '../../src/lib/spotify/errors';
import { unregisteredUserAppCredentials } from '../../src/lib/spotify/demo-apps';
import {
	apiPath,
	clientCredentials,
	seededTestApp,
	userAccessToken
} from '../../src/lib/server/emulator/testing-http';

const app = seededTestApp(unregisteredUserAppCredentials);

test('development mode: the demo user, not on the allow-list, gets tokens that the Web API refuses with 403', async ({
	request,
	baseURL
}) => {
	const redirectUri = `${baseURL}/callback`;
	// Development mode refuses at the Web API only: the user's tokens are issued.
	const access_token = await userAccessToken(request, app, redirectUri, {
		scope: 'user-read-private'
	});
	for (const path of ['/v1/me', '/v1/artists/0GrantwaLkArtist000001']) {
		const response = await request.get(`${apiPath}${path}`, {
			headers: { authorization: `Bearer ${access_token}` }
		});
		expect(response.status(), path).toBe(403);
		expect(await response.json(), path).toEqual(webApiErrorBody('user-not-registered'));
	}
	// The allow-list is about users: the app's own token still works.
	const appToken = await clientCredentials(request, app);
	const artist = await request.get(`${apiPath}/v1/artists/0GrantwaLkArtist000001`, {
		headers: { authorization: `Bearer ${appToken}` }
	});
	expect(artist.status()).toBe(200);
});
