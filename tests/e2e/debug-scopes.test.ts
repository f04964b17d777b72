import { expect, seriousViolations, test } from '../fixtures';

test('scopes are picked with the keyboard and build the scope parameter', async ({ page }) => {
	await page.goto('/debug/scopes');
	for (const name of ['user-read-email', 'user-top-read']) {
		await page.getByLabel(name, { exact: true }).focus();
		await page.keyboard.press('Space');
	}
	await page.getByRole('button', { name: 'Build the scope parameter' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/scope=user-top-read.*#result$|scope=user-read-email.*#result$/);
	// The documented order, whatever order they were ticked in.
	await expect(page.getByRole('status')).toHaveText(
		'2 scopes: scope=user-top-read user-read-email'
	);
	await expect(page.locator('#result pre').first()).toHaveText(
		'scope=user-top-read+user-read-email'
	);
	await expect(page.locator('#result')).toContainText('Get your real email address');
	await expect(page.getByLabel('user-read-email', { exact: true })).toBeChecked();
	expect(await seriousViolations(page)).toEqual([]);
});

test('removed and internal scopes are flagged, and unknown ones ignored', async ({ page }) => {
	await page.goto('/debug/scopes?built=1&scope=user-read-birthdate&scope=streaming');
	await expect(page.getByRole('status')).toHaveText('1 scope: scope=streaming');
	await expect(page.locator('#result')).toContainText(
		'Ignored, because Spotify does not document them'
	);
	await expect(page.getByRole('row', { name: /user-read-birthdate/ })).toContainText(
		'Removed by Spotify in 2019'
	);
});
