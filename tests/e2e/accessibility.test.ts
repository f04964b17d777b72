import { contentPages, expect, seriousAxeViolations, test } from '../fixtures';

for (const { path } of contentPages) {
	test(`${path} has no serious or critical axe violations (light and dark)`, async ({ page }) => {
		// Two axe passes where a test usually does one: twice the usual budget.
		test.setTimeout(test.info().timeout * 2);
		await page.goto(path);
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
}
