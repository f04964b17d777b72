import { flowSlugs } from '../../src/lib/spotify/flows';
import { expect, test } from '../fixtures';

// A flow page hydrates the explanation the server rendered, which its data does not carry a
// second time (src/lib/prose-html.ts): a failed hydration would re-render the page from that data
// and lose the explanation, and it costs a full render in the browser besides.
for (const slug of flowSlugs)
	test(`/flows/${slug} hydrates without a mismatch and keeps its explanation`, async ({ page }) => {
		const warnings: string[] = [];
		page.on('console', (m) => {
			if (/hydration/i.test(m.text())) warnings.push(m.text());
		});
		await page.goto(`/flows/${slug}`, { waitUntil: 'commit' });
		const prose = page.locator('article.flow .prose').first();
		const served = await prose.textContent();
		await expect(page.locator('#next-step')).toBeVisible();
		expect(served?.trim().length).toBeGreaterThan(100);
		await expect(prose).toHaveText(served!);
		expect(warnings).toEqual([]);
	});

test('after a client-side navigation to another flow, its explanation arrives whole', async ({
	page
}) => {
	await page.goto('/flows/authorization-code');
	await expect(page.locator('#next-step')).toBeVisible();
	await page.getByRole('link', { name: 'Client credentials', exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Client credentials/);
	const steps = page.locator('section.step .prose');
	await expect(steps.first()).toContainText(/\w{4,}/);
	for (const text of await steps.allTextContents()) expect(text.trim().length).toBeGreaterThan(50);
});
