import { expect, seriousViolations, test, type Page } from '../fixtures';

const id = 'deadbeefcafe4bad8badf00d5eed1e55';
const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
const basic = Buffer.from(`${id}:${secret}\n`).toString('base64');
const request = `curl -X POST https://accounts.spotify.com/api/token -H "Authorization: Basic ${basic}" -H "Content-Type: application/json" -d '{"grant_type":"client_credentials"}'`;

/** Whether the server takes same-origin form POSTs (see the report: hooks.server.ts vs node build). */
async function postsAccepted(page: Page): Promise<boolean> {
	const response = await page.request.post('/debug/token-request', {
		headers: { origin: new URL(page.url()).origin },
		form: { request: 'x' }
	});
	return response.status() !== 403;
}

test('the token-request form is a POST form that never puts the request in the URL', async ({
	page
}) => {
	await page.goto('/debug/token-request');
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Inspect request' }) });
	await expect(form).toHaveAttribute('method', 'POST');
	await page.getByLabel(/^Token request/).focus();
	await page.keyboard.insertText(request);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel(/^Authorize URL that started the flow/)).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Inspect request' })).toBeFocused();
});

test('the inspector decodes the Basic header, masks the secret and announces the result', async ({
	page
}) => {
	await page.goto('/debug/token-request');
	// A refused POST is a failure of the page, never a reason to skip its test.
	expect(await postsAccepted(page), 'the server refuses same-origin form POSTs').toBe(true);
	await page.getByLabel(/^Token request/).focus();
	await page.keyboard.insertText(request);
	await page.getByRole('button', { name: 'Inspect request' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/debug\/token-request#result$/);
	await expect(page.getByRole('status')).toContainText(/problems Spotify refuses/);
	const result = page.locator('#result');
	await expect(result.locator('[data-rule="body-encoding"]')).toContainText('The body is JSON');
	await expect(result.locator('[data-rule="basic-newline"]')).toContainText('echo without -n');
	await expect(result).toContainText(`Client ID ${id}`);
	// The secret is nowhere in the page, the form refill or the share link.
	const html = await page.content();
	expect(html).not.toContain(secret);
	expect(html).not.toContain(basic);
	await expect(page.getByLabel(/^Token request/)).toHaveValue(/Basic REDACTED/);
	const share = result.getByRole('link', { name: 'Link to this result' });
	expect(await share.getAttribute('href')).not.toContain(basic);
	await share.click();
	await expect(result.locator('[data-rule="body-encoding"]')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('a secret put into a share link by hand is masked by redirect', async ({ page }) => {
	await page.goto(`/debug/token-request?request=${encodeURIComponent(request)}`);
	expect(page.url()).not.toContain(encodeURIComponent(basic));
	await expect(page.getByRole('status')).toContainText(/problems Spotify refuses/);
	expect(await page.content()).not.toContain(basic);
});

test('a secret in the query string of the pasted URL is masked in the request as read', async ({
	page
}) => {
	await page.goto('/debug/token-request');
	await page
		.getByLabel(/^Token request/)
		.fill(
			`curl -X POST 'https://accounts.spotify.com/api/token?client_id=${id}&client_secret=${secret}' -d grant_type=client_credentials`
		);
	await page.getByRole('button', { name: 'Inspect request' }).click();
	const result = page.locator('#result');
	await expect(result.locator('[data-rule="query-string"]')).toBeVisible();
	await expect(result).toContainText('client_secret=REDACTED');
	expect(await page.content()).not.toContain(secret);
});
