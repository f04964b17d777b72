import { expect, test } from '@playwright/test';
import {
	authorizationCode,
	apiPath,
	clientCredentials,
	createApp,
	exchangeCode
} from '../../src/lib/server/emulator/testing-http';

test('GET /v1/artists/{id}, /v1/search with CORS', async ({ request }) => {
	const token = await clientCredentials(request, await createApp(request));
	const headers = { authorization: `Bearer ${token}` };
	const artist = await request.get(`${apiPath}/v1/artists/0GrantwaLkArtist000002`, { headers });
	expect((await artist.json()).name).toBe('Bearer Token Orchestra');
	expect(artist.headers()['access-control-allow-origin']).toBe('*');
	const search = await (
		await request.get(`${apiPath}/v1/search?q=loopback&type=artist`, { headers })
	).json();
	expect(search.artists.items.map((a: { name: string }) => a.name)).toEqual(['Loopback Literal']);
});

test('GET /v1/me/top/artists with user-top-read', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri, { scope: 'user-top-read' });
	const { access_token } = await (await exchangeCode(request, app, code, redirectUri)).json();
	const top = await (
		await request.get(`${apiPath}/v1/me/top/artists?time_range=short_term`, {
			headers: { authorization: `Bearer ${access_token}` }
		})
	).json();
	expect(top.items[0].name).toBe('PKCE & the Verifiers');
	expect(top.total).toBe(4);
});
