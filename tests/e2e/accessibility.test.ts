import AxeBuilder from '@axe-core/playwright';
import { contentPages, expect, test } from '../fixtures';

for (const scheme of ['light', 'dark'] as const) {
	for (const { path } of contentPages) {
		test(`${path} has no serious or critical axe violations (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			const serious = results.violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
			expect(serious).toEqual([]);
		});
	}
}
