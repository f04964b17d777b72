import { expect, test } from '@playwright/test';
import { seedCookieName } from '../../src/lib/spotify/emulator-seed';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import { field } from '../../src/lib/server/emulator/testing-http';

test('with the same seed cookie, two browsers get different CSRF tokens, sessions and app secrets', async ({
	playwright,
	baseURL
}) => {
	const seen = [];
	for (let i = 0; i < 2; i++) {
		const browser = await playwright.request.newContext({ baseURL });
		const cookie = `${seedCookieName}=${encodeURIComponent('session seed')}`;
		const page = await browser.get(
			`/emulator/accounts/authorize?${new URLSearchParams({
				client_id: defaultClientId,
				response_type: 'code',
				redirect_uri: `${baseURL}/callback`
			})}`,
			{ headers: { cookie } }
		);
		const html = await page.text();
		const csrf = field(html, 'csrf');
		const login = await browser.post('/emulator/accounts/login', {
			headers: { cookie: `${cookie}; grantwalk_emu_csrf=${csrf}` },
			form: { csrf, interaction: field(html, 'interaction'), username: 'demo', password: 'demo' },
			maxRedirects: 0
		});
		expect(login.status()).toBe(303);
		const session = /grantwalk_emu_session=([^;]+)/.exec(login.headers()['set-cookie'] ?? '')?.[1];
		const app = await browser.post('/emulator/control/apps', {
			headers: { cookie },
			data: { name: 'seeded?' }
		});
		const { client_id, client_secret } = await app.json();
		seen.push({ csrf, interaction: field(html, 'interaction'), session, client_id, client_secret });
		await browser.dispose();
	}
	const [a, b] = seen;
	for (const key of Object.keys(a) as (keyof typeof a)[]) {
		expect(a[key], key).toMatch(/^[\w-]{16,}$/);
		expect(a[key], key).not.toBe(b[key]);
	}
});
