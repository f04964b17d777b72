import { expect, test } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import {
	createApp,
	exchangeCode,
	authorizationCode
} from '../../src/lib/server/emulator/testing-http';

test('a code is single use: the second exchange is Invalid authorization code', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri);
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
	const code = await authorizationCode(request, app, redirectUri);
	const response = await exchangeCode(request, app, code, `${redirectUri}/`);
	expect(await response.json()).toEqual(tokenErrorBody('invalid-redirect-uri-token'));
});
