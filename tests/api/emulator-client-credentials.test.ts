import { expect, test } from '@playwright/test';
import { webApiErrorBody } from '../../src/lib/spotify/errors';
import { defaultClientId, defaultClientSecret } from '../../src/lib/server/emulator/config';
import {
	apiPath,
	basicAuth,
	clientCredentials,
	createApp,
	tokenPath
} from '../../src/lib/server/emulator/testing-http';

test('client credentials with the documented demo app: three fields, opaque token', async ({
	request
}) => {
	const response = await request.post(tokenPath, {
		headers: { authorization: basicAuth(defaultClientId, defaultClientSecret) },
		form: { grant_type: 'client_credentials' }
	});
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in']);
	expect(body.access_token).toMatch(/^BQ[\w-]+$/);
});

test('a client-credentials token reads the catalog but gets 403 on /v1/me', async ({ request }) => {
	const token = await clientCredentials(request, await createApp(request));
	const artist = await request.get(`${apiPath}/v1/artists/0GrantwaLkArtist000001`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(artist.status()).toBe(200);
	const me = await request.get(`${apiPath}/v1/me`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(me.status()).toBe(403);
	expect(await me.json()).toEqual(webApiErrorBody('insufficient-client-scope'));
});
