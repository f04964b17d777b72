import { expect, test, type Page } from '../fixtures';
import { seedCookie } from '../../src/lib/spotify/emulator-seed';
import { demoAppCredentials } from '../../src/lib/spotify/demo-apps';

/** In the page, as the explorer will: the seed in document.cookie, then a replayed run with fetch. */
async function replayInPage(page: Page, cookie: string) {
	await page.goto('/');
	return page.evaluate(
		async ({ cookie, clientId, clientSecret }) => {
			document.cookie = cookie;
			const redirectUri = `${location.origin}/callback`;
			const url = `${location.origin}/emulator/accounts/authorize?${new URLSearchParams({
				client_id: clientId,
				response_type: 'code',
				redirect_uri: redirectUri,
				state: 'two browsers'
			})}`;
			const replay = await fetch('/emulator/control/authorize', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ url, decision: 'agree' })
			});
			const code = new URL((await replay.json()).location).searchParams.get('code');
			const tokens = await fetch('/emulator/accounts/api/token', {
				method: 'POST',
				headers: { authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}` },
				body: new URLSearchParams({
					grant_type: 'authorization_code',
					code: code ?? '',
					redirect_uri: redirectUri
				})
			});
			return { code, status: tokens.status, tokens: await tokens.json() };
		},
		{ cookie, ...demoAppCredentials }
	);
}

test('two browsers with the same seed in document.cookie get the same code and tokens, one after the other', async ({
	browser
}) => {
	const runs = [];
	for (let i = 0; i < 2; i++) {
		const context = await browser.newContext();
		runs.push(await replayInPage(await context.newPage(), seedCookie('two browsers, one seed')));
		await context.close();
	}
	const [first, second] = runs;
	expect(first.code).toMatch(/^AQ/);
	expect(first.status).toBe(200);
	expect(second.status).toBe(200);
	expect(second.code).toBe(first.code);
	expect(second.tokens.access_token).toBe(first.tokens.access_token);
	expect(second.tokens.refresh_token).toBe(first.tokens.refresh_token);
});
