// `npm test`: the type check, lint, the unit tests (vitest) and the build at the same time, then
// the browser tests (Playwright in Chromium) against the build; then one line with the totals of
// every suite: `N passed, N failed`. The stages themselves are in scripts/stages.js.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, installHint } from './find-browser.js';
import { capture, runTests } from './stages.js';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** @param {string} path */
function readText(path) {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/** @param {string} path */
function readJson(path) {
	const text = readText(path);
	try {
		return text === undefined ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
}

const env = process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env;
const ok = await runTests({
	run: capture,
	readJson,
	readText,
	chromium: await findChromium(),
	installHint,
	out,
	env,
	print: (text) => console.log(text)
});
process.exit(ok ? 0 : 1);
