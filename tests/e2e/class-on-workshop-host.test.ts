import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { findChromium } from '../../scripts/find-browser.js';
import { spawnServer, type SpawnedServer } from '../spawn-server';
import { demoAppCredentials } from '../../src/lib/spotify/demo-apps';
import {
	expectStep,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow,
	settledRun
} from './explorer';

/**
 * A class on one server, reached by a DNS name (GRANTWALK_ALLOWED_HOSTS=workshop.test, which
 * Chromium resolves to 127.0.0.1): every flow runs to its token step on that host, two attendees
 * with the same seed see the same codes and tokens, and nothing one does in their sandbox reaches
 * the other's. Shared settings need the presenter key.
 */

const presenterKey = 'test-presenter-key';
let server: SpawnedServer;
let browser: Browser;
let site: string;

test.beforeAll(async () => {
	server = await spawnServer({
		GRANTWALK_ALLOWED_HOSTS: 'workshop.test',
		GRANTWALK_PRESENTER_KEY: presenterKey
	});
	site = server.url.replace('127.0.0.1', 'workshop.test');
	browser = await chromium.launch({
		executablePath: (await findChromium()) ?? undefined,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--host-resolver-rules=MAP workshop.test 127.0.0.1'
		]
	});
});

test.afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function attendee(): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: site });
	return { context, page: await context.newPage() };
}

test('the code flow with PKCE runs through the real redirect to its token step on workshop.test, with the hosting warning', async () => {
	test.setTimeout(60_000);
	const { context, page } = await attendee();
	await openFlow(page, 'authorization-code-pkce');
	expect(new URL(page.url()).hostname).toBe('workshop.test');
	const warning = page.getByRole('note', { name: "This site's address and real Spotify" });
	await expect(warning).toContainText('INVALID_CLIENT: Insecure redirect URI');
	await expect(warning).toContainText(`${site}/callback`);
	await nextByKey(page);
	await nextByKey(page);
	await loginAndConsent(page);
	await expectStep(page, 4, 7, 'Receive the callback');
	await nextByKey(page);
	await nextByKey(page);
	const token = latestExchange(page);
	await expect(token.getByTestId('status-line')).toContainText('200');
	await expect(token).toContainText('POST /emulator/accounts/api/token');
	await context.close();
});

for (const [slug, step, name] of [
	['authorization-code', 'exchange-code', 'Exchange the code for tokens'],
	['authorization-code-pkce', 'exchange-code', 'Exchange the code for tokens'],
	['client-credentials', 'request-token', 'Request a token as the app'],
	['implicit-grant', 'token-in-fragment', 'Read the token from the fragment']
] as const)
	test(`${slug} replays to its token step on workshop.test`, async () => {
		const { context, page } = await attendee();
		await page.goto(`/flows/${slug}?step=${step}`);
		await settledRun(page);
		await expect(page.getByTestId('step-name')).toHaveText(name);
		await expect(page.getByTestId('access-token')).toBeVisible();
		await context.close();
	});

test('two attendees with the same seed, at the same time, see identical codes and tokens', async () => {
	test.setTimeout(60_000);
	const link = '/flows/authorization-code?step=call-web-api&seed=class-2026';
	const ana = await attendee();
	const ben = await attendee();
	await Promise.all([ana.page.goto(link), ben.page.goto(link)]);
	const seen = [];
	for (const { page } of [ana, ben]) {
		await settledRun(page);
		await expect(page.getByTestId('seed-badge')).toContainText('class-2026');
		await page.getByRole('checkbox', { name: 'Reveal secrets and tokens' }).check();
		const token = page.locator('[data-testid="exchange"][data-purpose="token"]');
		const tokenBody = await token.locator('section[aria-label="Response"] pre').textContent();
		// The redirect back is shown at its own step: back there (nothing is sent).
		while ((await page.getByTestId('machine-state').textContent()) !== 'receiveCallback') {
			await settledRun(page);
			await page.locator('body').press('ArrowLeft');
		}
		const callback = page.getByRole('region', { name: 'The redirect back' });
		seen.push({ callback: await callback.textContent(), token: tokenBody });
	}
	expect(seen[0].token).toMatch(/"access_token": "BQ/);
	expect(seen[0].callback).toMatch(/AQ/);
	expect(seen[1]).toEqual(seen[0]);
	await ana.context.close();
	await ben.context.close();
});

test('one attendee’s dashboard change and control calls change nothing in another’s sandbox', async () => {
	const ana = await attendee();
	const ben = await attendee();
	await ana.page.goto('/');
	await ben.page.goto('/');
	const demo = demoAppCredentials.clientId;

	// Ana adds a redirect URI to the demo app in the dashboard, rate-limits it and moves the clock.
	await ana.page.goto(`/emulator/dashboard/apps/${demo}`);
	await ana.page.getByRole('textbox', { name: 'Add a redirect URI' }).fill('https://evil.test/cb');
	await ana.page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(ana.page.getByRole('button', { name: 'Remove https://evil.test/cb' })).toBeVisible();
	const control = (page: Page, path: string, body: unknown, key?: string) =>
		page.evaluate(
			async ({ path, body, key }) =>
				(
					await fetch(`/emulator/control${path}`, {
						method: 'POST',
						headers: {
							'content-type': 'application/json',
							...(key ? { 'x-grantwalk-presenter-key': key } : {})
						},
						body: JSON.stringify(body)
					})
				).status,
			{ path, body, key }
		);
	await ana.page.goto('/'); // the emulator's pages allow no script: call from the site's
	expect(await control(ana.page, '/rate-limit', { client_id: demo, seconds: 86_400 })).toBe(200);
	expect(await control(ana.page, '/clock', { advance_seconds: 4000 })).toBe(200);

	// Ben's sandbox: no such URI, no rate limit, the real time.
	await ben.page.goto(`/emulator/dashboard/apps/${demo}`);
	await expect(
		ben.page.getByRole('button', { name: 'Remove http://127.0.0.1/callback' })
	).toBeVisible();
	await expect(ben.page.getByRole('button', { name: 'Remove https://evil.test/cb' })).toHaveCount(
		0
	);
	await ben.page.goto('/flows/client-credentials?step=call-web-api');
	await settledRun(ben.page);
	await expect(latestExchange(ben.page).getByTestId('status-line')).toContainText('200');
	await ana.page.goto('/flows/client-credentials?step=call-web-api');
	await settledRun(ana.page);
	await expect(latestExchange(ana.page).getByTestId('status-line')).toContainText('429');

	// Resetting every sandbox is the presenter's: refused without the key.
	await ana.page.goto('/');
	expect(await control(ana.page, '/reset', { everything: true })).toBe(403);
	expect(await control(ana.page, '/reset', { everything: true }, 'wrong')).toBe(403);
	expect(await control(ana.page, '/reset', { everything: true }, presenterKey)).toBe(200);
	await ana.context.close();
	await ben.context.close();
});
