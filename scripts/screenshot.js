// Takes full-page screenshots for review: node scripts/screenshot.js URL OUT.png [width] [dark]
import { chromium } from '@playwright/test';
import { findChromium, installHint } from './find-browser.js';

const [url, out, width = '1280', scheme = 'light', y, height] = process.argv.slice(2);
if (!url || !out) {
	console.error('usage: node scripts/screenshot.js URL OUT.png [width] [light|dark] [y height]');
	process.exit(2);
}
const executablePath = await findChromium();
if (!executablePath) {
	console.error(installHint);
	process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({
	viewport: { width: Number(width), height: 900 },
	colorScheme: scheme === 'dark' ? 'dark' : 'light'
});
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
await page.goto(url);
// With y and height, one slice of the page: long pages are easier to review in parts.
const clip =
	y === undefined
		? undefined
		: { x: 0, y: Number(y), width: Number(width), height: Number(height ?? 1600) };
await page.screenshot({ path: out, fullPage: true, clip });
await browser.close();
