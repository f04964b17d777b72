import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import { authorize, field } from '../../src/lib/server/emulator/testing-http';
import { spawnServer, type SpawnedServer } from '../spawn-server';

/**
 * A server run for a class (here: it has a presenter key) asks for consent on every run, so the
 * whole class sees the consent page; an attendee who ticks "Remember my approval" goes straight
 * back next time, as on Spotify. The shared test server (127.0.0.1, no key) keeps Spotify's
 * behaviour: emulator-show-dialog-and-remembered-approval.test.ts.
 */

let server: SpawnedServer;
let request: APIRequestContext;
test.beforeAll(async () => {
	server = await spawnServer({ GRANTWALK_PRESENTER_KEY: 'test-presenter-key' });
	request = await playwrightRequest.newContext({ baseURL: server.url });
});
test.afterAll(async () => {
	await request?.dispose();
	await server?.stop();
});

test('every run shows the consent page until the attendee ticks “Remember my approval”', async () => {
	const params = {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: `${server.url}/callback`,
		scope: 'user-read-private'
	};
	const authorizePath = `/emulator/accounts/authorize?${new URLSearchParams(params)}`;
	// First run: login and consent, Agree with the box left unticked.
	const first = await authorize(request, params);
	expect(first.searchParams.get('code')).toMatch(/^AQ/);

	// Second run: the consent page again, with the box unticked.
	const second = await request.get(authorizePath, { maxRedirects: 0 });
	expect(second.status()).toBe(200);
	const html = await second.text();
	expect(html).toContain('>Agree</button>');
	expect(html).toMatch(/type="checkbox"\s+id="remember"\s+name="remember"\s+value="yes"/);
	const agreed = await request.post('/emulator/accounts/consent', {
		form: {
			csrf: field(html, 'csrf'),
			interaction: field(html, 'interaction'),
			action: 'agree',
			remember: 'yes'
		},
		maxRedirects: 0
	});
	expect(agreed.status()).toBe(303);

	// Third run: remembered, straight back with a code, as Spotify answers.
	const third = await request.get(authorizePath, { maxRedirects: 0 });
	expect(third.status()).toBe(302);
	expect(new URL(third.headers().location).searchParams.get('code')).toMatch(/^AQ/);
});

test('a remember value the form never sends is refused on the same page, and nothing is lost', async () => {
	const params = {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: `${server.url}/callback`,
		scope: 'user-top-read'
	};
	const context = await playwrightRequest.newContext({ baseURL: server.url });
	try {
		await authorize(context, params);
		const page = await context.get(`/emulator/accounts/authorize?${new URLSearchParams(params)}`, {
			maxRedirects: 0
		});
		const html = await page.text();
		const form = {
			csrf: field(html, 'csrf'),
			interaction: field(html, 'interaction'),
			action: 'agree'
		};
		const refused = await context.post('/emulator/accounts/consent', {
			form: { ...form, remember: 'always' },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(400);
		expect(refused.headers().location).toBeUndefined();
		expect(await refused.text()).toContain('“Remember my approval” is a box to tick or leave');
		const again = await context.post('/emulator/accounts/consent', { form, maxRedirects: 0 });
		expect(again.status()).toBe(303);
		expect(new URL(again.headers().location).searchParams.get('code')).toMatch(/^AQ/);
	} finally {
		await context.dispose();
	}
});
