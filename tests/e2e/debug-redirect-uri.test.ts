import { expect, seriousViolations, test, type Page } from '../fixtures';

async function axeSerious(page: Page): Promise<string[]> {
	return seriousViolations(page);
}

test('the linter is used with the keyboard alone and announces its verdict', async ({ page }) => {
	await page.goto('/debug/redirect-uri');
	await page.getByLabel(/Redirect URIs registered in the dashboard/).focus();
	await page.keyboard.type('http://localhost:8888/callback');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(/Redirect URI your app sends/)).toBeFocused();
	await page.keyboard.type('http://127.0.0.1:8888/callback');
	await page.keyboard.press('Tab');
	await page.keyboard.type('http://localhost:8888/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Check redirect URIs' })).toBeFocused();
	await page.keyboard.press('Enter');
	// The input is the link, and the page returns to the result.
	await expect(page).toHaveURL(/registered=http%3A%2F%2Flocalhost%3A8888%2Fcallback.*#result$/);
	const status = page.getByRole('status');
	await expect(status).toContainText('1 URI Spotify refuses');
	await expect(status).toContainText('matches none registered');
	const result = page.locator('#result');
	await expect(result.locator('[data-rule="localhost"][data-level="fail"]')).toContainText(
		'2025-11-27'
	);
	await expect(result.locator('[data-rule="exact-match"]')).toContainText(
		'localhost, 127.0.0.1 and [::1] are different strings'
	);
	await expect(result.locator('[data-rule="origin"][data-level="fail"]')).toBeVisible();
	// The answer links to the error Spotify shows.
	await expect(
		result.locator('[data-rule="localhost"]').getByRole('link', { name: /what it means/ })
	).toHaveAttribute('href', '/errors/insecure-redirect-uri');
	// The form keeps what was typed, so it can be corrected and checked again.
	await expect(page.getByLabel(/Redirect URI your app sends/)).toHaveValue(
		'http://127.0.0.1:8888/callback'
	);
	expect(await axeSerious(page)).toEqual([]);
});

test('a shared link shows the verdicts for each URI of the issue', async ({ page }) => {
	const uris = [
		['http://127.0.0.1:8888/callback', 'ok'],
		['http://[::1]/cb', 'ok'],
		['http://192.168.1.10/cb', 'insecure'],
		['https://example.com/cb/', 'ok'],
		['com.example.app://callback', 'discouraged'],
		['https://example.com/cb#x', 'illegal']
	];
	await page.goto(
		`/debug/redirect-uri?registered=${encodeURIComponent(uris.map(([u]) => u).join('\n'))}`
	);
	const cards = page.getByTestId('uri-verdict');
	await expect(cards).toHaveCount(uris.length);
	for (const [i, [, verdict]] of uris.entries())
		await expect(cards.nth(i)).toHaveAttribute('data-verdict', verdict);
});

test('the linter works without JavaScript and refuses too much input', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/debug/redirect-uri');
	await page.getByLabel(/Redirect URIs registered/).fill('https://example.com/callback');
	await page.getByLabel(/Redirect URI your app sends/).fill('https://example.com/callback/');
	await page.getByRole('button', { name: 'Check redirect URIs' }).click();
	await expect(page.locator('[data-rule="exact-match"]')).toContainText(
		'one ends with a slash and the other does not'
	);
	await page.goto(`/debug/redirect-uri?registered=${'x'.repeat(8001)}`);
	await expect(page.getByRole('status')).toContainText('the limit is');
	await context.close();
});
