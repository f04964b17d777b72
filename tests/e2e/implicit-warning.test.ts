import { expect, test } from '../fixtures';

test('the implicit grant page opens with a deprecation alert screen readers announce', async ({
	page
}) => {
	await page.goto('/flows/implicit-grant');
	const alert = page.getByRole('alert').filter({ hasText: 'implicit grant no longer works' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('12 February 2025');
	await expect(alert).toContainText('27 November 2025');
	await expect(alert).toContainText('response_type must be code');
	await expect(
		alert.getByRole('link', { name: /authorization code flow with PKCE/ })
	).toHaveAttribute('href', '/flows/authorization-code-pkce');
	// It is above the fold, before any step: impossible to miss. (A retrying assertion: a single
	// boundingBox() read once came back null on a loaded CI machine while the page settled.)
	await expect(alert).toBeInViewport();
});

for (const path of ['/compare', '/']) {
	test(`the implicit warning is visible wherever the flow is offered: ${path}`, async ({
		page
	}) => {
		await page.goto(path);
		await expect(page.getByRole('alert').filter({ hasText: 'no longer works' })).toBeVisible();
	});
}

test('the other flow pages carry no implicit warning', async ({ page }) => {
	await page.goto('/flows/authorization-code-pkce');
	await expect(page.getByTestId('implicit-warning')).toHaveCount(0);
});
