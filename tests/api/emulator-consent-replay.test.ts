import { expect, test } from '@playwright/test';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import { authorizeUrl, createApp, exchangeCode } from '../../src/lib/server/emulator/testing-http';

test('control/authorize: Agree without a login cookie gives a code that exchanges for tokens', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const url = authorizeUrl(baseURL, {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 'replayed',
		scope: 'user-read-private'
	});
	const response = await request.post('/emulator/control/authorize', {
		data: { url, decision: 'agree' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(200);
	expect(response.headers()['set-cookie']).toBeUndefined();
	const body = (await response.json()) as { outcome: string; status: number; location: string };
	expect(body.outcome).toBe('redirect');
	expect(body.status).toBe(303);
	const back = new URL(body.location);
	expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
	expect(back.searchParams.get('state')).toBe('replayed');
	const tokens = await exchangeCode(request, app, back.searchParams.get('code')!, redirectUri);
	expect(tokens.status()).toBe(200);
	expect((await tokens.json()).scope).toBe('user-read-private');
});

test('control/authorize: Cancel answers access_denied with the state', async ({
	request,
	baseURL
}) => {
	const redirectUri = `${baseURL}/callback`;
	const url = authorizeUrl(baseURL, {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 'no'
	});
	const response = await request.post('/emulator/control/authorize', {
		data: { url, decision: 'cancel', username: 'alex' }
	});
	expect(await response.json()).toEqual({
		outcome: 'redirect',
		status: 303,
		location: `${redirectUri}?error=access_denied&state=no`
	});
});

test('control/authorize is listed with the other control endpoints', async ({ request }) => {
	const help = await request.get('/emulator/control');
	expect(Object.keys((await help.json()).endpoints)).toContain('POST control/authorize');
});
