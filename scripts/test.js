// `npm test`: the type check, lint, the unit tests (vitest) and the browser tests (Playwright in
// Chromium), in that order, then one line with the totals of every suite: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, installHint } from './find-browser.js';

const out = '.test-output';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];

/** Runs a command with inherited output; returns true when it exits 0. */
function run(command, args) {
	console.log(`\n> ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	return result.status === 0;
}

function record(suite, passed, failed) {
	totals.passed += passed;
	totals.failed += failed;
	lines.push(`${suite}: ${passed} passed, ${failed} failed`);
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return undefined;
	}
}

// 1. Types: svelte-check counts as one check.
const typesOk =
	run('npx', ['svelte-kit', 'sync']) &&
	run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
record('type check', typesOk ? 1 : 0, typesOk ? 0 : 1);

// Lint: prettier and ESLint count as one check, like the type check.
const lintOk = run('npx', ['prettier', '--check', '.']) && run('npx', ['eslint', '.']);
record('lint', lintOk ? 1 : 0, lintOk ? 0 : 1);

// 2. Unit tests.
const unitOk = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${out}/vitest.json`
]);
const unit = readJson(`${out}/vitest.json`);
if (unit)
	record(
		'unit',
		unit.numPassedTests,
		unit.numFailedTests + (unitOk || unit.numFailedTests ? 0 : 1)
	);
else record('unit', 0, 1);

// 3. Browser tests run against the built site, as `npm start` serves it.
const chromium = await findChromium();
if (!chromium) {
	console.error(installHint);
	record('browser', 0, 1);
} else if (!run('npx', ['vite', 'build'])) {
	record('build', 0, 1);
} else {
	const e2eOk = run('npx', ['playwright', 'test']);
	const report = readJson(`${out}/playwright.json`);
	if (report) {
		const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
		const failed = unexpected + (e2eOk || unexpected ? 0 : 1);
		record('browser', expected + flaky, failed);
	} else record('browser', 0, 1);
}

console.log('');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
