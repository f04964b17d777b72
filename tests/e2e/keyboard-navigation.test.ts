import { expect, test } from '../fixtures';

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
	await page.goto('/compare');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});

test('every page of the main navigation is reachable with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const names = await nav.getByRole('link').allTextContents();
	expect(names).toEqual([
		'Start',
		'Authorization code',
		'Authorization code with PKCE',
		'Client credentials',
		'Implicit grant',
		'Compare',
		'Exercises',
		'Attack labs',
		'Debug your app',
		'Scopes'
	]);
	for (const name of names.slice(1)) {
		await page.goto('/');
		// Tab until the link has focus, as a keyboard user would, then follow it with Enter.
		const link = nav.getByRole('link', { name, exact: true });
		for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++)
			await page.keyboard.press('Tab');
		await expect(link).toBeFocused();
		await page.keyboard.press('Enter');
		// A flow page puts the link to its current step in the address bar.
		await expect(page).toHaveURL(new RegExp(`${(await link.getAttribute('href'))!}(\\?step=.*)?$`));
		await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}
});

test('the which-flow helper answers when used with the keyboard', async ({ page }) => {
	await page.goto('/');
	await page
		.getByRole('group', { name: /act for a Spotify user/ })
		.getByLabel('Yes')
		.check();
	await page
		.getByRole('group', { name: /keep a secret/ })
		.getByLabel('No')
		.check();
	await page.getByLabel('A single-page app running only in the browser').focus();
	await page.keyboard.press('Space');
	await page.getByRole('button', { name: 'Recommend a flow' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/user=yes&secret=no&platform=spa/);
	const answer = page.getByTestId('recommendation');
	await expect(answer).toHaveAttribute('data-flow', 'authorization-code-pkce');
	await expect(answer.getByRole('link', { name: 'Authorization code with PKCE' })).toBeVisible();
	// The answers stay selected, so they can be changed and asked again.
	await expect(page.getByLabel('A single-page app running only in the browser')).toBeChecked();
});

test('the which-flow helper names missing answers and keeps the given ones', async ({ page }) => {
	await page.goto('/?user=yes&platform=fridge');
	await expect(
		page.getByRole('alert').filter({ hasText: 'missing or not understood' })
	).toContainText('“fridge” is not one of the places listed');
	await expect(
		page.getByRole('group', { name: /act for a Spotify user/ }).getByLabel('Yes')
	).toBeChecked();
});
