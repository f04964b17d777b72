// The stages of `npm test` and `npm run lint`, with the runner injected so that the order, the
// parallelism and the totals can be tested without running anything (scripts/stages.test.ts).
import { spawn } from 'node:child_process';

/**
 * @typedef {{ ok: boolean, output: string }} Outcome
 * @typedef {(command: string, args: string[], env?: NodeJS.ProcessEnv) => Promise<Outcome>} Run
 * @typedef {{ suite: string, passed: number, failed: number }} Count
 */

/**
 * Runs a command with its output (stdout and stderr, in order) captured, so stages that run at
 * the same time can each print theirs whole.
 * @type {Run}
 */
export function capture(command, args, env = process.env) {
	return new Promise((resolve) => {
		let output = `> ${command} ${args.join(' ')}\n`;
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
		child.on('close', (code) => resolve({ ok: code === 0, output }));
	});
}

/**
 * Runs a command with the terminal's output, for one command at a time.
 * @type {Run}
 */
export function inherit(command, args, env = process.env) {
	console.log(`\n> ${command} ${args.join(' ')}`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { env, stdio: 'inherit' });
		child.on('error', () => resolve({ ok: false, output: '' }));
		child.on('close', (code) => resolve({ ok: code === 0, output: '' }));
	});
}

/**
 * Runs the commands one after another, each even when an earlier one failed, so one run shows
 * every problem (prettier's and ESLint's). Ok when all passed.
 * @param {[string, string[]][]} commands
 * @param {Run} run
 * @returns {Promise<Outcome>}
 */
export async function runEach(commands, run) {
	let ok = true;
	let output = '';
	for (const [command, args] of commands) {
		const result = await run(command, args);
		ok &&= result.ok;
		output += result.output;
	}
	return { ok, output };
}

/** The lint stage: prettier, then ESLint whatever prettier said. */
export const lintCommands = /** @type {[string, string[]][]} */ ([
	['npx', ['prettier', '--check', '.']],
	['npx', ['eslint', '.']]
]);

/**
 * The passed and failed tests of a Vitest JSON report. A run that failed without a failing
 * test (a crash, a file that does not load) counts one failure, as does a missing report.
 * @param {any} report
 * @param {boolean} ok
 * @returns {Omit<Count, 'suite'>}
 */
export function countVitest(report, ok) {
	if (!report) return { passed: 0, failed: 1 };
	const failed = report.numFailedTests ?? 0;
	return { passed: report.numPassedTests ?? 0, failed: failed + (ok || failed ? 0 : 1) };
}

/**
 * The same for a Playwright JSON report (flaky tests passed in the end).
 * @param {any} report
 * @param {boolean} ok
 * @returns {Omit<Count, 'suite'>}
 */
export function countPlaywright(report, ok) {
	if (!report) return { passed: 0, failed: 1 };
	const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {};
	return { passed: expected + flaky, failed: unexpected + (ok || unexpected ? 0 : 1) };
}

/**
 * The page snapshots Playwright kept of the tests that failed (its `error-context` attachments:
 * the page's accessibility tree at the failure), so that a CI log, the only thing left of a
 * fresh machine, shows what the page held, not only what the test waited for.
 * @param {any} report
 * @returns {string[]} their paths
 */
export function failurePages(report) {
	/** @type {string[]} */
	const paths = [];
	/** @param {any} suite */
	const walk = (suite) => {
		for (const spec of suite.specs ?? [])
			for (const test of spec.tests ?? [])
				for (const result of test.results ?? [])
					if (result.status !== 'passed' && result.status !== 'skipped')
						for (const attachment of result.attachments ?? [])
							if (attachment.name === 'error-context' && attachment.path)
								paths.push(attachment.path);
		for (const child of suite.suites ?? []) walk(child);
	};
	for (const suite of report?.suites ?? []) walk(suite);
	return paths;
}

/** At most this much of each failure's page is printed: the top of the tree says enough. */
const failurePageChars = 12000;

/**
 * The page's tree from a Playwright error context (its YAML block), without the error (the
 * list reporter printed it) or the test's source; the whole text when it has no tree.
 * @param {string} text
 */
export function pageTree(text) {
	const start = text.indexOf('```yaml');
	if (start < 0) return text;
	const end = text.indexOf('# Test source', start);
	const tree = text.slice(start, end < 0 ? undefined : end).trimEnd();
	return tree.length > failurePageChars ? `${tree.slice(0, failurePageChars)}\n…` : tree;
}

/**
 * The per-suite lines, then the one line of totals every run ends with.
 * @param {Count[]} counts
 */
export function totalsLines(counts) {
	const passed = counts.reduce((sum, c) => sum + c.passed, 0);
	const failed = counts.reduce((sum, c) => sum + c.failed, 0);
	return [
		'',
		...counts.map((c) => `  ${c.suite}: ${c.passed} passed, ${c.failed} failed`),
		`${passed} passed, ${failed} failed`
	];
}

/**
 * `npm test`. SvelteKit's types are generated first (every other stage reads them); then the
 * type check, lint, the unit tests and the build run at the same time, each printing its output
 * whole when it ends; then the browser tests, against the build. The build has its own
 * SvelteKit directory (GRANTWALK_BUILD_DIR, `build` by default), so it never writes where the
 * type check and the unit tests read.
 * @param {{
 *   run: Run,
 *   readJson: (path: string) => unknown,
 *   readText?: (path: string) => string | undefined,
 *   chromium: string | undefined,
 *   installHint: string,
 *   out: string,
 *   env: NodeJS.ProcessEnv,
 *   print: (text: string) => void
 * }} io
 * @returns {Promise<boolean>} whether everything passed
 */
export async function runTests({
	run,
	readJson,
	readText = () => undefined,
	chromium,
	installHint,
	out,
	env,
	print
}) {
	const buildDir = env.GRANTWALK_BUILD_DIR ?? 'build';
	const buildEnv = { ...env, GRANTWALK_BUILD_DIR: buildDir };
	// The type check and the unit tests read .svelte-kit/, which tsconfig.json extends.
	const sourceEnv = { ...env };
	delete sourceEnv.GRANTWALK_BUILD_DIR;

	/** @type {Count[]} */
	const counts = [];
	const began = Date.now();
	/**
	 * @param {string} name
	 * @param {() => Promise<Outcome>} work
	 */
	const stage = async (name, work) => {
		print(`[${name}] started`);
		const started = Date.now();
		const result = await work();
		const seconds = Math.round((Date.now() - started) / 1000);
		print(
			`\n──── ${name}: ${result.ok ? 'passed' : 'FAILED'} in ${seconds} s ────\n${result.output.trimEnd()}\n`
		);
		return result;
	};

	const synced = await stage('sync', () => run('npx', ['svelte-kit', 'sync'], sourceEnv));
	const [types, lint, unit, build] = await Promise.all([
		synced.ok
			? stage('type check', () =>
					run(
						'npx',
						['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
						sourceEnv
					)
				)
			: synced,
		stage('lint', () => run('node', ['scripts/lint.js'], env)),
		stage('unit', () =>
			run(
				'npx',
				[
					'vitest',
					'run',
					'--reporter=default',
					'--reporter=json',
					// Beside the type check, lint and the build, two cores are shared four ways: the
					// heavier tests (fuzzing, the content loader) outgrow Vitest's 5 s hang guard.
					'--testTimeout=30000',
					`--outputFile.json=${out}/vitest.json`
				],
				sourceEnv
			)
		),
		chromium ? stage('build', () => run('npx', ['vite', 'build'], buildEnv)) : undefined
	]);
	counts.push({ suite: 'type check', passed: types.ok ? 1 : 0, failed: types.ok ? 0 : 1 });
	counts.push({ suite: 'lint', passed: lint.ok ? 1 : 0, failed: lint.ok ? 0 : 1 });
	counts.push({ suite: 'unit', ...countVitest(readJson(`${out}/vitest.json`), unit.ok) });

	if (!build) {
		print(installHint);
		counts.push({ suite: 'browser', passed: 0, failed: 1 });
	} else if (!build.ok) counts.push({ suite: 'build', passed: 0, failed: 1 });
	else {
		const e2e = await stage('browser', () => run('npx', ['playwright', 'test'], buildEnv));
		const report = readJson(`${out}/playwright.json`);
		for (const path of e2e.ok ? [] : failurePages(report)) {
			const text = readText(path);
			if (text !== undefined)
				print(`──── the page at a failure: ${path} ────\n${pageTree(text)}\n`);
		}
		counts.push({ suite: 'browser', ...countPlaywright(report, e2e.ok) });
	}

	print(`All stages in ${Math.round((Date.now() - began) / 1000)} s.`);
	for (const line of totalsLines(counts)) print(line);
	return counts.every((c) => c.failed === 0);
}
