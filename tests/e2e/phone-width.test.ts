import { contentPages, expect, test, type Page } from '../fixtures';

/**
 * No page of the site is wider than a 390 px phone: long values, URLs and error strings wrap or
 * scroll inside their own boxes (tables, code), never the page sideways.
 */
const broken =
	'https://accounts.spotify.com/authorize?client-id=deadbeefcafe4bad8badf00d5eed1e55&response_type=token&redirect_url=http%3A%2F%2F127.0.0.1%3A8888%2Fcallback&scope=user-read-birthdate&state=123';

async function widthOf(page: Page, path: string): Promise<number> {
	await page.goto(path);
	return page.evaluate(() => document.documentElement.scrollWidth);
}

test.use({ viewport: { width: 390, height: 844 } });

test('every content page, the checklist and an inspector result fit a 390 px phone', async ({
	page
}) => {
	const paths = [
		...contentPages.map((p) => p.path),
		`/debug/authorize-url?url=${encodeURIComponent(broken)}`
	];
	const wide: string[] = [];
	for (const path of paths) {
		const width = await widthOf(page, path);
		if (width > 390) wide.push(`${path}: ${width} px`);
	}
	expect(wide).toEqual([]);
});

test('every Spotify error page fits a 390 px phone', async ({ page }) => {
	await page.goto('/errors');
	const links = await page
		.locator('main a[href^="/errors/"]')
		.evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
	expect(links.length).toBeGreaterThan(20);
	const wide: string[] = [];
	for (const path of links) {
		const width = await widthOf(page, path);
		if (width > 390) wide.push(`${path}: ${width} px`);
	}
	expect(wide).toEqual([]);
});
