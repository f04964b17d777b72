import { contentPages, expect, test } from '../fixtures';

test.use({ javaScriptEnabled: false });

for (const { path, heading } of contentPages) {
	test(`${path} reads fully with JavaScript disabled`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('footer')).toContainText('RFC 6749');
	});
}

test('a flow page shows every step and its highlighted examples without JavaScript', async ({
	page
}) => {
	await page.goto('/flows/authorization-code');
	const steps = page.locator('section.step');
	await expect(steps).toHaveCount(6);
	await expect(steps.first().getByRole('heading', { level: 3 })).toContainText('Step 1');
	// Code examples are highlighted at build time by shiki: coloured spans, no script needed.
	await expect(page.locator('pre.shiki').first()).toBeVisible();
	expect(await page.locator('pre.shiki span[style]').count()).toBeGreaterThan(10);
	await expect(page.getByRole('heading', { name: 'Problems developers hit' })).toBeVisible();
});

test('the which-flow helper works without JavaScript', async ({ page }) => {
	await page.goto('/');
	await page
		.getByRole('group', { name: /act for a Spotify user/ })
		.getByLabel('No, only public catalogue data')
		.check();
	await page
		.getByRole('group', { name: /keep a secret/ })
		.getByLabel('Yes')
		.check();
	await page.getByLabel('A backend job or service with no user interface').check();
	await page.getByRole('button', { name: 'Recommend a flow' }).click();
	await expect(page.getByTestId('recommendation')).toHaveAttribute(
		'data-flow',
		'client-credentials'
	);
});

test('prose pages ship no script at all', async ({ request }) => {
	for (const { path } of contentPages.filter((p) => !p.scripted)) {
		const html = await (await request.get(path)).text();
		expect(html, path).not.toMatch(/<script/);
	}
});
