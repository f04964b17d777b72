import { expect, test } from '@playwright/test';
import { answerConsent, createApp, field, logIn } from '../../src/lib/server/emulator/testing-http';

test('the login page: CSP without script, no framing, no cross-site referrer, marked as an emulator', async ({
	request,
	baseURL
}) => {
	const app = await createApp(request);
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'code', redirect_uri: `${baseURL}/callback` })}`
	);
	const headers = response.headers();
	expect(headers['content-security-policy']).toMatch(/default-src 'none'/);
	expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	expect(headers['content-security-policy']).toMatch(
		/form-action 'self' http:\/\/127\.0\.0\.1:\d+/
	);
	expect(headers['referrer-policy']).toBe('same-origin');
	const html = await response.text();
	expect(html).toContain('Spotify emulator (Grantwalk)');
	expect(html).toContain('<html lang="en">');
	expect(html).not.toMatch(/<script/i);
});

test('the emulator never redirects to an unregistered URI', async ({ request }) => {
	const app = await createApp(request);
	const response = await request.get(
		`/emulator/accounts/authorize?${new URLSearchParams({ client_id: app.client_id, response_type: 'code', redirect_uri: 'https://evil.example/callback', state: 's' })}`,
		{ maxRedirects: 0 }
	);
	expect(response.status()).toBe(400);
	expect(response.headers().location).toBeUndefined();
});

const attack = '"><script>alert(1)</script>';
const raw = '<script>alert(1)</script>';
const escaped = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

/** The page reflects the attack, escaped, and never as markup. */
function expectEscaped(html: string): void {
	expect(html).not.toContain(raw);
	expect(html).toContain(escaped);
}

test('the emulator escapes what it reflects: app name, redirect URI, username, state', async ({
	request,
	baseURL
}) => {
	const redirectUri = `${baseURL}/callback?x=${attack}`;
	const app = await createApp(request, { name: `App ${attack}`, redirect_uris: [redirectUri] });
	const authorizeUrl = `/emulator/accounts/authorize?${new URLSearchParams({
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: `st${attack}`
	})}`;

	// The login page names the app.
	const loginPage = await request.get(authorizeUrl, { maxRedirects: 0 });
	expect(loginPage.status()).toBe(200);
	expectEscaped(await loginPage.text());

	// A failed login shows the username back, and the app name again.
	const loginHtml = await loginPage.text();
	const failed = await request.post('/emulator/accounts/login', {
		form: {
			csrf: field(loginHtml, 'csrf'),
			interaction: field(loginHtml, 'interaction'),
			username: `user${attack}`,
			password: 'wrong'
		},
		maxRedirects: 0
	});
	expect(failed.status()).toBe(200);
	const failedHtml = await failed.text();
	expect(failedHtml).toContain('Incorrect username or password.');
	expect(failedHtml).toContain(`value="user${escaped}"`);
	expectEscaped(failedHtml);

	// The consent page names the app and the redirect URI it goes back to.
	const consent = await logIn(request, failed);
	expect(consent.status()).toBe(200);
	const consentHtml = await consent.text();
	expect(consentHtml).toContain('>Agree</button>');
	expect(consentHtml).toContain(`App ${escaped}`);
	expect(consentHtml).toContain(`<code>${baseURL}/callback?x=${escaped}</code>`);
	expect(consentHtml).not.toContain(raw);

	// The state comes back intact and percent-encoded, after the redirect URI exactly as registered.
	const done = await answerConsent(request, consent, 'agree');
	expect(done.status()).toBe(303);
	const location = done.headers().location;
	expect(location.startsWith(`${redirectUri}&code=`)).toBe(true);
	expect(location.endsWith(`&state=${encodeURIComponent(`st${attack}`)}`)).toBe(true);
	expect(new URL(location).searchParams.get('state')).toBe(`st${attack}`);

	// The dashboard lists the app by name, and its page shows the redirect URI.
	const dashboard = await request.get('/emulator/dashboard');
	expect(dashboard.status()).toBe(200);
	expectEscaped(await dashboard.text());
	const appPage = await request.get(`/emulator/dashboard/apps/${app.client_id}`);
	expect(appPage.status()).toBe(200);
	const appHtml = await appPage.text();
	expect(appHtml).toContain(`App ${escaped}`);
	expect(appHtml).toContain(`${baseURL}/callback?x=${escaped}`);
	expect(appHtml).not.toContain(raw);
});
