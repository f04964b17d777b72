import { expect, test } from '../fixtures';
import { openFlow } from './explorer';

test('?present opens a flow page in presenter mode: large type, no site chrome, a visible badge', async ({
	page
}) => {
	await openFlow(page, 'authorization-code', '?present');
	const badge = page.getByTestId('presenting-badge');
	await expect(badge).toBeVisible();
	await expect(page.locator('.site-header')).toBeHidden();
	const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
	expect(parseFloat(size)).toBeGreaterThan(20);

	await page.locator('body').press('p');
	await expect(badge).toHaveCount(0);
	await expect(page.locator('.site-header')).toBeVisible();
});

test('P toggles presenter mode, but not while typing in a field', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	await page.locator('body').press('P');
	await expect(page.getByTestId('presenting-badge')).toBeVisible();
	await page.locator('body').press('P');
	await expect(page.getByTestId('presenting-badge')).toHaveCount(0);
	await page.evaluate(() => {
		const field = document.createElement('input');
		field.id = 'scratch-field';
		document.body.append(field);
	});
	await page.locator('#scratch-field').press('p');
	await expect(page.getByTestId('presenting-badge')).toHaveCount(0);
});
