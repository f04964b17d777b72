import { expect, test } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import {
	authorizationCode,
	basicAuth,
	createApp,
	exchangeCode,
	field,
	tokenPath
} from '../../src/lib/server/emulator/testing-http';

test('removing an app on the account apps page revokes its refresh tokens', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request, { name: 'Revoke me' });
	const redirectUri = `${baseURL}/callback`;
	const code = await authorizationCode(request, app, redirectUri);
	const tokens = await (await exchangeCode(request, app, code, redirectUri)).json();

	const page = await request.get('/emulator/account/apps');
	const html = await page.text();
	expect(html).toContain('Revoke me');
	const removed = await request.post('/emulator/account/apps/remove', {
		form: { csrf: field(html, 'csrf'), client_id: app.client_id },
		maxRedirects: 0
	});
	expect(removed.status()).toBe(303);

	const response = await request.post(tokenPath, {
		headers: { authorization: basicAuth(app.client_id, app.client_secret) },
		form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }
	});
	expect(await response.json()).toEqual(tokenErrorBody('refresh-token-revoked'));
	// And the next authorization asks for consent again.
	const again = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'code', redirect_uri: redirectUri })}`,
		{ maxRedirects: 0 }
	);
	expect(await again.text()).toContain('>Agree</button>');
});
