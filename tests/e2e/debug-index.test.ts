import { expect, test } from '../fixtures';

const tools = [
	['Redirect-URI linter', '/debug/redirect-uri'],
	['Authorize-URL inspector', '/debug/authorize-url'],
	['Token-request inspector', '/debug/token-request'],
	['Error decoder', '/debug/errors'],
	['Scope explorer', '/debug/scopes'],
	['Your app’s checklist', '/debug/checklist']
] as const;

test('Debug your app links every tool, each on its own URL', async ({ page }) => {
	await page.goto('/debug');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debug your app');
	for (const [name, href] of tools) {
		const link = page.getByRole('link', { name, exact: true });
		await expect(link).toHaveAttribute('href', href);
	}
	for (const [name, href] of tools) {
		await page.goto(href);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		// The section stays marked in the main navigation.
		await expect(
			page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Debug your app' })
		).toHaveAttribute('aria-current', 'page');
	}
});

test('the checklist names the 2026 limits and links the errors they cause', async ({ page }) => {
	await page.goto('/debug/checklist');
	await expect(page.locator('#five-users')).toContainText('five per app');
	await expect(page.locator('#premium-owner')).toContainText('2026-02-11');
	await page
		.locator('#premium-owner')
		.getByRole('link', { name: /Premium required/ })
		.click();
	await expect(page).toHaveURL(/\/errors\/premium-required$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Premium required for the app owner'
	);
});
