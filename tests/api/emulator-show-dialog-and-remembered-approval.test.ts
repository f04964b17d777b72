import { expect, test } from '@playwright/test';
import { authorize, createApp } from '../../src/lib/server/emulator/testing-http';

test('an approved app goes straight back; show_dialog=true asks again', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const params = {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: `${baseURL}/callback`,
		scope: 'user-top-read'
	};
	await authorize(request, params);
	const straight = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams(params)}`,
		{ maxRedirects: 0 }
	);
	expect(straight.status()).toBe(302);
	expect(new URL(straight.headers().location).searchParams.get('code')).toMatch(/^AQ/);
	const dialog = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ ...params, show_dialog: 'true' })}`,
		{ maxRedirects: 0 }
	);
	expect(dialog.status()).toBe(200);
	expect(await dialog.text()).toContain('>Agree</button>');
});

test('tokens are per user: alex gets his own /v1/me', async ({ request, baseURL }) => {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const back = await authorize(
		request,
		{ client_id: app.client_id, response_type: 'code', redirect_uri: redirectUri },
		'alex'
	);
	const tokens = await (
		await request.post('/emulator/accounts/api/token', {
			form: {
				grant_type: 'authorization_code',
				code: back.searchParams.get('code')!,
				redirect_uri: redirectUri,
				client_id: app.client_id,
				client_secret: app.client_secret
			}
		})
	).json();
	const me = await request.get('/emulator/api/v1/me', {
		headers: { authorization: `Bearer ${tokens.access_token}` }
	});
	expect((await me.json()).display_name).toBe('Alex Example');
});
