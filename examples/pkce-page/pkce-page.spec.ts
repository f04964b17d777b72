// The PKCE page (index.html, app.js) in Chromium against the emulator on a real port, through the
// package entry as another project would import it: the page is served from its own origin, the
// browser logs in on the emulator's login and consent pages and comes back with a code.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import {
	createSpotifyEmulator,
	type ListeningEmulator,
	type SpotifyEmulator
} from 'grantwalk/emulator';

const clientId = 'example-pkce-page';
let spotify: SpotifyEmulator;
let emulator: ListeningEmulator;
let site: Server;
let siteUrl: string;

/** The page's own static server: `/` is index.html, `/app.js` its script. */
function serveExample(): Promise<Server> {
	const files: Record<string, [string, string]> = {
		'/': ['index.html', 'text/html; charset=utf-8'],
		'/app.js': ['app.js', 'text/javascript; charset=utf-8']
	};
	const server = createServer((req, res) => {
		const file = files[new URL(req.url ?? '/', 'http://x').pathname];
		if (!file) return void res.writeHead(404).end();
		void readFile(new URL(file[0], import.meta.url)).then((body) =>
			res.writeHead(200, { 'content-type': file[1] }).end(body)
		);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test.beforeAll(async () => {
	spotify = createSpotifyEmulator({
		// A public client: PKCE sends no secret, but Spotify's apps all have one.
		apps: [{ clientId, clientSecret: 'unused-by-pkce', redirectUris: ['http://127.0.0.1/'] }]
	});
	emulator = await spotify.listen();
	site = await serveExample();
	siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
	await emulator.close();
	await new Promise((resolve) => site.close(resolve));
});
// Spotify remembers an approval and skips the consent page next time: each test starts afresh.
test.beforeEach(() => spotify.reset());

async function openPage(page: import('@playwright/test').Page) {
	const query = new URLSearchParams({
		client_id: clientId,
		accounts: emulator.accountsUrl,
		api: emulator.apiUrl
	});
	await page.goto(`${siteUrl}?${query}`);
	await page.getByRole('button', { name: 'Log in with Spotify' }).click();
}

test('logs in with PKCE on the emulator’s pages and shows the display name', async ({ page }) => {
	await openPage(page);
	await expect(page).toHaveURL(new RegExp(`^${emulator.accountsUrl}/authorize\\?`));
	await page.getByRole('button', { name: 'Log in', exact: true }).click();
	await page.getByRole('button', { name: 'Agree' }).click();
	await expect(page.getByRole('status')).toHaveText('Logged in as Demo User');
	expect(page.url()).toBe(siteUrl);
	expect(spotify.tokens()).toContainEqual(
		expect.objectContaining({ kind: 'access_token', clientId, userId: 'demo' })
	);
});

test('logs in as a user the test added', async ({ page }) => {
	spotify.addUser({ username: 'sam', password: 's3cret', displayName: 'Sam Tester' });
	await openPage(page);
	await page.getByLabel('Email address or username').fill('sam');
	await page.getByLabel('Password').fill('s3cret');
	await page.getByRole('button', { name: 'Log in', exact: true }).click();
	await page.getByRole('button', { name: 'Agree' }).click();
	await expect(page.getByRole('status')).toHaveText('Logged in as Sam Tester');
});

test('shows Spotify’s refusal when the user cancels', async ({ page }) => {
	await openPage(page);
	await page.getByRole('button', { name: 'Log in', exact: true }).click();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('status')).toHaveText('login refused: access_denied');
	expect(spotify.tokens()).toEqual([]);
});
