import { expect, test, type APIRequestContext } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import {
	authorize,
	createApp,
	tokenPath,
	type TestApp
} from '../../src/lib/server/emulator/testing-http';

const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

async function pkceTokens(request: APIRequestContext, app: TestApp, baseURL: string) {
	const redirectUri = `${baseURL}/callback`;
	const back = await authorize(request, {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		code_challenge: challenge,
		code_challenge_method: 'S256'
	});
	const response = await request.post(tokenPath, {
		form: {
			grant_type: 'authorization_code',
			code: back.searchParams.get('code')!,
			redirect_uri: redirectUri,
			client_id: app.client_id,
			code_verifier: verifier
		}
	});
	return response.json();
}

function refresh(request: APIRequestContext, app: TestApp, refreshToken: string) {
	return request.post(tokenPath, {
		form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: app.client_id }
	});
}

test('2025-11 era: a PKCE refresh returns a new refresh token and revokes the old one', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request, { era: '2025-11' });
	const first = await pkceTokens(request, app, baseURL!);
	const second = await (await refresh(request, app, first.refresh_token)).json();
	expect(second.refresh_token).toMatch(/^AQ/);
	const reused = await refresh(request, app, first.refresh_token);
	expect(reused.status()).toBe(400);
	expect(await reused.json()).toEqual(tokenErrorBody('refresh-token-revoked'));
});

test('2026 era: a refresh returns no refresh token and the original keeps working', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request, { era: '2026' });
	const first = await pkceTokens(request, app, baseURL!);
	const response = await refresh(request, app, first.refresh_token);
	expect(Object.keys(await response.json())).toEqual([
		'access_token',
		'token_type',
		'expires_in',
		'scope'
	]);
	expect((await refresh(request, app, first.refresh_token)).status()).toBe(200);
});

test('2026 era: a refresh token stops working six months after the authorization', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request, { era: '2026' });
	const first = await pkceTokens(request, app, baseURL!);
	await request.post('/emulator/control/clock', {
		data: { client_id: app.client_id, advance_seconds: 185 * 24 * 3600 }
	});
	expect(await (await refresh(request, app, first.refresh_token)).json()).toEqual(
		tokenErrorBody('invalid-refresh-token')
	);
});
