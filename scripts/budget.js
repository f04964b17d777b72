// `npm run budget`: prints the JavaScript each page ships on first load (gzip) against the budgets
// of DESIGN.md, the HTML of each page on the wire (plain, gzip, brotli; a `!` marks an answer that
// came uncompressed), when "Next step" becomes usable with the CPU slowed 4×, and checks that no shiki code reached the browser bundle. Figures, not a test:
// it exits non-zero only when a budget is exceeded, so CI logs show the numbers either way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDir, launchChromium, serveBuiltSite } from './built-site.js';

const KB = 1024;
const pages = [
	{ path: '/', budget: 40 * KB, kind: 'prose' },
	{ path: '/compare', budget: 40 * KB, kind: 'prose' },
	{ path: '/scopes', budget: 40 * KB, kind: 'prose' },
	// An exercise works without JavaScript; what it ships (SvelteKit's client, about 45 KB) answers
	// in place and keeps progress. DESIGN.md's budget for interactive pages: 60 KB.
	{ path: '/exercises/token-request-code', budget: 60 * KB, kind: 'exercise' },
	{ path: '/flows/authorization-code', budget: 120 * KB, kind: 'flow' },
	{ path: '/flows/authorization-code-pkce', budget: 120 * KB, kind: 'flow' },
	{ path: '/flows/client-credentials', budget: 120 * KB, kind: 'flow' },
	{ path: '/flows/implicit-grant', budget: 120 * KB, kind: 'flow' }
];
// Strings only shiki's runtime contains (its highlighted HTML, built into the content, is fine).
const shikiMarkers = [
	'createHighlighter',
	'vscode-textmate',
	'oniguruma',
	'onig.wasm',
	'bundledLanguages'
];

const { base, stop } = await serveBuiltSite();

function files(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}
const clientJs = files(`${buildDir}/client`).filter((f) => f.endsWith('.js'));
const shikiHits = clientJs.filter((f) => {
	const text = readFileSync(f, 'utf8');
	return shikiMarkers.some((m) => text.includes(m));
});

const browser = await launchChromium();
let over = 0;
console.log('\nJavaScript on first load (gzip)');
console.log('page                              files   gzip KB   budget KB');
for (const { path, budget } of pages) {
	const page = await browser.newPage();
	const scripts = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(response.body());
	});
	await page.goto(base + path, { waitUntil: 'networkidle' });
	const bodies = await Promise.all(scripts);
	const gzip = bodies.reduce((sum, b) => sum + gzipSync(b).length, 0);
	if (gzip > budget) over++;
	console.log(
		`${path.padEnd(34)}${String(bodies.length).padStart(5)}${(gzip / KB).toFixed(1).padStart(10)}${String(budget / KB).padStart(12)}${gzip > budget ? '   OVER' : ''}`
	);
	await page.close();
}

// "Next step" usable on a slow device: the CPU slowed 4× through CDP, the page loaded afresh,
// a script presses Next every frame from the first moment; the time (from navigation start)
// at which a press first moves the step is when the page became usable. Median of 3 loads.
const usableBudget = 1000;
console.log('\n"Next step" usable, CPU slowed 4× (ms from navigation, median of 3)');
console.log('page                              runs (ms)              median   budget');
for (const { path } of pages.filter((p) => p.kind === 'flow')) {
	const runs = [];
	for (let i = 0; i < 3; i++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await page.addInitScript(() => {
			/** @type {{ text: string | null, at: number } | undefined} */
			let pressed;
			const press = () => {
				const next = document.getElementById('next-step');
				const count = document.querySelector('[data-testid="step-count"]');
				// Svelte updates the DOM after the click's microtasks: judge last frame's press now.
				if (pressed && count) {
					const moved =
						count.textContent !== pressed.text || next?.getAttribute('aria-disabled') === 'true';
					if (moved) return void Object.assign(window, { usableAt: pressed.at });
				}
				if (next && count) {
					pressed = { text: count.textContent, at: performance.now() };
					next.click();
				}
				requestAnimationFrame(press);
			};
			requestAnimationFrame(press);
		});
		await page.goto(base + path);
		const at = await page.waitForFunction(() => /** @type {any} */ (window).usableAt, null, {
			timeout: 30_000
		});
		runs.push(Math.round(Number(await at.jsonValue())));
		await context.close();
	}
	const median = [...runs].sort((a, b) => a - b)[1];
	if (median > usableBudget) over++;
	console.log(
		`${path.padEnd(34)}${runs.join(', ').padEnd(23)}${String(median).padStart(6)}${String(usableBudget).padStart(9)}${median > usableBudget ? '   OVER' : ''}`
	);
}
await browser.close();

/** The bytes a page's HTML takes on the wire with `encoding` accepted (node:http: no decoding). */
function htmlBytes(path, encoding) {
	return new Promise((resolve, reject) => {
		const req = get(base + path, { headers: { 'accept-encoding': encoding } }, (res) => {
			let bytes = 0;
			res.on('data', (chunk) => (bytes += chunk.length));
			res.on('end', () => resolve({ bytes, coding: res.headers['content-encoding'] ?? 'none' }));
		});
		req.on('error', reject);
	});
}

console.log('\nHTML on the wire (KB)');
console.log('page                              identity      gzip    brotli');
for (const { path } of pages) {
	const [plain, gzip, br] = await Promise.all(
		['identity', 'gzip', 'br'].map((encoding) => htmlBytes(path, encoding))
	);
	const cell = ({ bytes, coding }, wanted) =>
		`${(bytes / KB).toFixed(1)}${coding === wanted ? '' : '!'}`.padStart(10);
	console.log(`${path.padEnd(34)}${cell(plain, 'none')}${cell(gzip, 'gzip')}${cell(br, 'br')}`);
	if (gzip.coding !== 'gzip' || br.coding !== 'br') over++;
}
stop();

console.log(
	`\nshiki in the browser bundle: ${shikiHits.length === 0 ? 'none' : shikiHits.join(', ')}`
);
if (shikiHits.length > 0) over++;
console.log(over === 0 ? 'All budgets met.' : `${over} budget(s) exceeded.`);
process.exit(over === 0 ? 0 : 1);
