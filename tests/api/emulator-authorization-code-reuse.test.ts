import { expect, test } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import { authorize, createApp, exchangeCode } from '../../src/lib/server/emulator/testing-http';

test('a code is single use: the second exchange is Invalid authorization code', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = (
		await authorize(request, {
			client_id: app.client_id,
			response_type: 'code',
			redirect_uri: redirectUri
		})
	).searchParams.get('code')!;
	expect((await exchangeCode(request, app, code, redirectUri)).status()).toBe(200);
	const again = await exchangeCode(request, app, code, redirectUri);
	expect(again.status()).toBe(400);
	expect(await again.json()).toEqual(tokenErrorBody('invalid-authorization-code'));
});

test('a redirect_uri different from the authorize one is Invalid redirect URI', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = (
		await authorize(request, {
			client_id: app.client_id,
			response_type: 'code',
			redirect_uri: redirectUri
		})
	).searchParams.get('code')!;
	const response = await exchangeCode(request, app, code, `${redirectUri}/`);
	expect(await response.json()).toEqual(tokenErrorBody('invalid-redirect-uri-token'));
});
