import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures';

test('the decoder is used with the keyboard and announces what it recognised', async ({ page }) => {
	await page.goto('/debug/errors');
	await page.getByLabel(/What Spotify said/).focus();
	await page.keyboard.insertText(
		'{"error":"invalid_grant","error_description":"code_verifier was incorrect"}'
	);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Decode' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/debug\/errors\?q=.*#result$/);
	await expect(page.getByRole('status')).toHaveText('Recognised: code_verifier was incorrect.');
	const card = page.locator('#result article').first();
	await expect(card).toHaveAttribute('data-slug', 'code-verifier-incorrect');
	await expect(card).toContainText('Exchanging the code (POST /api/token)');
	await expect(card.getByRole('link', { name: 'Reproduce it in the emulator' })).toHaveAttribute(
		'href',
		'/flows/authorization-code-pkce?break=wrongVerifier'
	);
	await card.getByRole('link', { name: 'code_verifier was incorrect' }).click();
	await expect(page).toHaveURL(/\/errors\/code-verifier-incorrect$/);
});

test('the decoder says honestly when it does not know, and is axe clean', async ({ page }) => {
	await page.goto('/debug/errors?q=Missing%20required%20parameter');
	await expect(page.getByRole('status')).toHaveText(
		'Not recognised. The closest known errors are listed below.'
	);
	await expect(page.locator('#result article[data-slug="missing-client-id"]')).toBeVisible();
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	).toEqual([]);
});

test('the VPN notice gets an honest answer', async ({ page }) => {
	await page.goto(
		`/debug/errors?q=${encodeURIComponent('You must be on the Spotify network / VPN for this to work')}`
	);
	await expect(page.locator('#result article').first()).toContainText(
		'not the public OAuth endpoints'
	);
});

test('a secret in the pasted text never stays in the URL', async ({ page }) => {
	const secret = 'ZGVhZGJlZWZjYWZlNGJhZDhiYWRmMDBkNWVlZDFlNTU6c2VjcmV0';
	await page.goto(
		`/debug/errors?q=${encodeURIComponent(`Authorization: Basic ${secret} -> {"error":"invalid_client"}`)}`
	);
	await expect(page).toHaveURL(/masked=1/);
	expect(page.url()).not.toContain(secret);
	await expect(page.locator('#result article').first()).toHaveAttribute(
		'data-slug',
		'invalid-client-malformed'
	);
});
