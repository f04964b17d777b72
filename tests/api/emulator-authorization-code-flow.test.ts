import { expect, test } from '@playwright/test';
import {
	apiPath,
	authorize,
	createApp,
	exchangeCode,
	logIn,
	answerConsent
} from '../../src/lib/server/emulator/testing-http';

test('authorization code: login, consent, code with state, exchange, /v1/me', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const back = await authorize(request, {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		scope: 'user-read-private user-read-email',
		state: 'xyz 123'
	});
	expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
	expect(back.searchParams.get('state')).toBe('xyz 123');
	const code = back.searchParams.get('code')!;
	expect(code).toMatch(/^AQ/);

	const response = await exchangeCode(request, app, code, redirectUri);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/json');
	const tokens = await response.json();
	expect(Object.keys(tokens)).toEqual([
		'access_token',
		'token_type',
		'expires_in',
		'refresh_token',
		'scope'
	]);

	const me = await request.get(`${apiPath}/v1/me`, {
		headers: { authorization: `Bearer ${tokens.access_token}` }
	});
	expect(me.status()).toBe(200);
	const body = await me.json();
	expect(body.id).toBe('demo');
	expect(body.email).toBe('demo@example.com');
});

test('consent denied: access_denied with the state', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const query = new URLSearchParams({
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: `${baseURL}/callback`,
		state: 'st'
	});
	const login = await request.get(`/emulator/accounts/authorize?${query}`, { maxRedirects: 0 });
	const consent = await logIn(request, login);
	expect(await consent.text()).toContain('>Cancel</button>');
	const denied = await answerConsent(request, consent, 'cancel');
	expect(denied.headers().location).toBe(`${baseURL}/callback?error=access_denied&state=st`);
});

test('the login cookie is HttpOnly and SameSite', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const query = new URLSearchParams({
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: `${baseURL}/callback`
	});
	const login = await request.get(`/emulator/accounts/authorize?${query}`, { maxRedirects: 0 });
	const html = await login.text();
	const posted = await request.post('/emulator/accounts/login', {
		form: {
			csrf: /name="csrf" value="([^"]+)"/.exec(html)![1],
			interaction: /name="interaction" value="([^"]+)"/.exec(html)![1],
			username: 'demo',
			password: 'demo'
		},
		maxRedirects: 0
	});
	const cookie = posted.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie')!.value;
	expect(cookie).toMatch(/HttpOnly/);
	expect(cookie).toMatch(/SameSite=Lax/);
});
