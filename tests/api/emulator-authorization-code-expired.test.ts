import { expect, test } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import {
	createApp,
	exchangeCode,
	authorizationCode
} from '../../src/lib/server/emulator/testing-http';

test('a code older than ten minutes is Authorization code expired (clock moved by the control API)', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri);
	const moved = await request.post('/emulator/control/clock', {
		data: { client_id: app.client_id, advance_seconds: 601 }
	});
	expect(moved.status()).toBe(200);
	const response = await exchangeCode(request, app, code, redirectUri);
	expect(response.status()).toBe(400);
	expect(await response.json()).toEqual(tokenErrorBody('authorization-code-expired'));
});

test('a code can be expired on demand through the control API', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri);
	expect((await request.post('/emulator/control/expire', { data: { code } })).status()).toBe(200);
	expect(await (await exchangeCode(request, app, code, redirectUri)).json()).toEqual(
		tokenErrorBody('authorization-code-expired')
	);
});
