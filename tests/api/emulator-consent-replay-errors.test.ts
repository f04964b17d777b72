import { expect, test } from '@playwright/test';
import { getSpotifyError } from '../../src/lib/spotify/errors';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import { authorizeUrl, createApp } from '../../src/lib/server/emulator/testing-http';

test('control/authorize: an unregistered redirect URI answers the error page, as /authorize shows it', async ({
	request,
	baseURL
}) => {
	const url = authorizeUrl(baseURL, {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: 'https://evil.example/callback'
	});
	const replayed = await request.post('/emulator/control/authorize', {
		data: { url, decision: 'agree' }
	});
	expect(replayed.status()).toBe(200);
	expect(await replayed.json()).toEqual({
		outcome: 'page',
		status: 400,
		text: 'INVALID_CLIENT: Invalid redirect URI'
	});
	const direct = await request.get(url, { maxRedirects: 0 });
	expect(direct.status()).toBe(400);
	expect(await direct.text()).toContain(getSpotifyError('invalid-redirect-uri-authorize').text!);
});

test('control/authorize: the 2025-11 era answers the unsupported_response_type redirect', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request, { era: '2025-11' });
	const url = authorizeUrl(baseURL, {
		client_id: app.client_id,
		response_type: 'token',
		redirect_uri: `${baseURL}/callback`,
		state: 's'
	});
	const replayed = await request.post('/emulator/control/authorize', {
		data: { url, decision: 'agree' }
	});
	expect(await replayed.json()).toEqual({
		outcome: 'redirect',
		status: 302,
		location: `${baseURL}/callback#error=unsupported_response_type&state=s`
	});
});
