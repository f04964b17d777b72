import { catalog } from '../../src/lib/spotify/error-entries';
import { expect, seriousAxeViolations, test } from '../fixtures';

test('every catalog entry has a page, listed in the index', async ({ page, request }) => {
	await page.goto('/errors');
	for (const e of catalog) {
		await expect(page.locator(`a[href="/errors/${e.slug}"]`).first()).toBeVisible();
		expect((await request.get(`/errors/${e.slug}`)).status(), e.slug).toBe(200);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an error page reads fully', async ({ page, request }) => {
		await page.goto('/errors/invalid-redirect-uri-authorize');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Invalid redirect URI at /authorize'
		);
		await expect(page.getByText('INVALID_CLIENT: Invalid redirect URI')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'trailing slash' })).toBeVisible();
		await expect(page.getByText(/^Fix:/)).toBeVisible();
		await expect(page.locator('footer')).toContainText('RFC 6749');
		const html = await (await request.get('/errors/invalid-redirect-uri-authorize')).text();
		expect(html).not.toMatch(/<script/);
	});
});

test('an error page links its reproduction and its siblings, and is axe clean', async ({
	page
}) => {
	await page.goto('/errors/invalid-authorization-code');
	await expect(page.getByRole('link', { name: /^Reproduce it in the emulator/ })).toHaveAttribute(
		'href',
		'/flows/authorization-code-pkce?break=reuseCode&run=nnannu'
	);
	await expect(
		page.getByRole('heading', { name: /Other errors with the code invalid_grant/ })
	).toBeVisible();
	expect(await seriousAxeViolations(page)).toEqual([]);
});

test('an unknown error slug answers 404', async ({ page }) => {
	const response = await page.goto('/errors/no-such-error');
	expect(response?.status()).toBe(404);
});

test('an error no run can produce says nothing about reproducing it', async ({ page }) => {
	await page.goto('/errors/failed-to-get-client');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Failed to get client');
	await expect(page.getByText(/Reproduce/)).toHaveCount(0);
});
