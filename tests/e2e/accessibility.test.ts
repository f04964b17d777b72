import { contentPages, expect, seriousAxeViolations, seriousViolations, test } from '../fixtures';

for (const { path } of contentPages) {
	test(`${path} has no serious or critical axe violations (light and dark)`, async ({ page }) => {
		// Two axe passes where a test usually does one: twice the usual budget.
		test.setTimeout(test.info().timeout * 2);
		await page.goto(path);
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
}

test('the axe helper finds what it looks for: a planted violation in each scheme, and in a part only', async ({
	page
}) => {
	await page.goto('/compare');
	// Grey on white fails contrast in light colours; the dark scheme's text on black passes.
	await page.evaluate(() => {
		const style = document.createElement('style');
		style.textContent = `#planted { color: #bbb; background: #fff; }
			@media (prefers-color-scheme: dark) { #planted { color: #222; background: #000; } }`;
		document.head.append(style);
		const p = Object.assign(document.createElement('p'), { id: 'planted', textContent: 'faint' });
		const img = Object.assign(document.createElement('img'), { id: 'no-alt', src: '/favicon.png' });
		document.querySelector('main')!.append(p, img);
	});
	const found = await seriousAxeViolations(page);
	expect(found.filter((line) => line.includes('#planted'))).toEqual([
		expect.stringMatching(/^light: color-contrast: .*#planted/),
		expect.stringMatching(/^dark: color-contrast: .*#planted/)
	]);
	expect(found).toContainEqual(expect.stringMatching(/^light: image-alt: .*#no-alt/));
	// Limited to a part, it sees nothing outside that part.
	expect(await seriousViolations(page, { include: 'header' })).toEqual([]);
});
