import { describe, expect, it } from 'vitest';
import {
	countPlaywright,
	countVitest,
	lintCommands,
	runEach,
	runTests,
	totalsLines,
	type Outcome
} from './stages.js';

/** A fake runner: each command waits until the test finishes it, so order can be observed. */
function fakeRunner(results: Record<string, boolean> = {}) {
	const started: string[] = [];
	const envs: Record<string, NodeJS.ProcessEnv | undefined> = {};
	const pending = new Map<string, (outcome: Outcome) => void>();
	const nameOf = (command: string, args: string[]) =>
		command === 'node' ? args[0] : args.slice(0, 2).join(' ');
	const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) => {
		const name = nameOf(command, args);
		started.push(name);
		envs[name] = env;
		return new Promise<Outcome>((resolve) => pending.set(name, resolve));
	};
	/** Ends the named commands in this order, each once it has started. */
	const finish = async (...names: string[]) => {
		for (const name of names) {
			await until(() => pending.has(name));
			pending.get(name)!({ ok: results[name] ?? true, output: `output of ${name}\nline 2\n` });
			pending.delete(name);
		}
	};
	return { run, started, envs, finish, isRunning: (name: string) => pending.has(name) };
}

/** Waits for the stages' promises to move on; no clock involved. */
async function until(condition: () => boolean) {
	for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setImmediate(r));
	if (!condition()) throw new Error('never happened');
}

const reports = {
	'.test-output/vitest.json': { numPassedTests: 10, numFailedTests: 0 },
	'.test-output/playwright.json': { stats: { expected: 5, unexpected: 0, flaky: 1 } }
};

function start(
	runner: ReturnType<typeof fakeRunner>,
	options: {
		chromium?: string;
		env?: NodeJS.ProcessEnv;
		reports?: Record<string, unknown>;
		files?: Record<string, string>;
	} = {}
) {
	const printed: string[] = [];
	const json: Record<string, unknown> = options.reports ?? reports;
	const done = runTests({
		run: runner.run,
		readJson: (path) => json[path],
		readText: (path) => options.files?.[path],
		chromium: 'chromium' in options ? options.chromium : '/usr/bin/chromium',
		installHint: 'install a Chromium',
		out: '.test-output',
		env: options.env ?? { PATH: '/bin' },
		print: (text) => printed.push(text)
	});
	return { done, printed };
}

const checks = ['svelte-check --tsconfig', 'scripts/lint.js', 'vitest run', 'vite build'];

describe('npm test', () => {
	it('syncs first, runs the checks, the unit tests and the build together, then the browser', async () => {
		const runner = fakeRunner();
		const { done, printed } = start(runner);
		await until(() => runner.started.length === 1);
		expect(runner.started).toEqual(['svelte-kit sync']);
		await runner.finish('svelte-kit sync');
		await until(() => runner.started.length === 5);
		// All four started before any of them ended.
		expect(runner.started.slice(1)).toEqual(checks);
		await runner.finish('vite build', 'svelte-check --tsconfig', 'scripts/lint.js');
		// The browser tests wait for every stage, not only the build.
		expect(runner.started).not.toContain('playwright test');
		await runner.finish('vitest run', 'playwright test');
		expect(await done).toBe(true);
		expect(printed.at(-1)).toBe('18 passed, 0 failed');
		expect(printed.filter((line) => /^\d+ passed, \d+ failed$/.test(line))).toHaveLength(1);
	});

	it("prints each stage's output whole, as it ends", async () => {
		const runner = fakeRunner();
		const { done, printed } = start(runner);
		await runner.finish('svelte-kit sync', ...[...checks].reverse(), 'playwright test');
		await done;
		const text = printed.join('\n');
		for (const name of checks) expect(text).toContain(`output of ${name}\nline 2`);
		expect(text.indexOf('output of vite build')).toBeLessThan(text.indexOf('output of vitest'));
	});

	it.each(checks.slice(0, 3))('a failing %s still counts as failed', async (failing) => {
		const runner = fakeRunner({ [failing]: false });
		const { done, printed } = start(runner);
		await runner.finish('svelte-kit sync', ...checks, 'playwright test');
		expect(await done).toBe(false);
		expect(printed.at(-1)).toMatch(/^\d+ passed, 1 failed$/);
	});

	it('a failed build counts as failed and skips the browser tests', async () => {
		const runner = fakeRunner({ 'vite build': false });
		const { done, printed } = start(runner);
		await runner.finish('svelte-kit sync', ...checks);
		expect(await done).toBe(false);
		expect(runner.started).not.toContain('playwright test');
		expect(printed).toContain('  build: 0 passed, 1 failed');
		expect(printed.at(-1)).toBe('12 passed, 1 failed');
	});

	it('without Chromium, says how to get one and counts the browser suite as failed', async () => {
		const runner = fakeRunner();
		const { done, printed } = start(runner, { chromium: undefined });
		await runner.finish('svelte-kit sync', ...checks.slice(0, 3));
		expect(await done).toBe(false);
		expect(runner.started).not.toContain('vite build');
		expect(printed).toContain('install a Chromium');
		expect(printed.at(-1)).toBe('12 passed, 1 failed');
	});

	it('builds into GRANTWALK_BUILD_DIR, while the type check and unit tests read .svelte-kit/', async () => {
		const runner = fakeRunner();
		const { done } = start(runner, { env: { GRANTWALK_BUILD_DIR: 'build-hard', PATH: '/bin' } });
		await runner.finish('svelte-kit sync', ...checks, 'playwright test');
		await done;
		expect(runner.envs['vite build']?.GRANTWALK_BUILD_DIR).toBe('build-hard');
		expect(runner.envs['playwright test']?.GRANTWALK_BUILD_DIR).toBe('build-hard');
		for (const name of ['svelte-kit sync', 'svelte-check --tsconfig', 'vitest run'])
			expect(runner.envs[name], name).not.toHaveProperty('GRANTWALK_BUILD_DIR');
		expect(runner.envs['vitest run']?.PATH).toBe('/bin');
	});

	it("a failed browser run prints the failed tests' page snapshots, and only theirs", async () => {
		const result = (status: string, path: string) => ({
			status,
			attachments: [{ name: 'error-context', contentType: 'text/markdown', path }]
		});
		const playwright = {
			stats: { expected: 1, unexpected: 1, flaky: 0 },
			suites: [
				{
					specs: [{ tests: [{ results: [result('passed', 'ok/error-context.md')] }] }],
					suites: [
						{
							specs: [
								{
									tests: [
										{
											results: [
												result('failed', 'bad/error-context.md'),
												result('timedOut', 'gone.md')
											]
										}
									]
								}
							]
						}
					]
				}
			]
		};
		const runner = fakeRunner({ 'playwright test': false });
		const { done, printed } = start(runner, {
			reports: { ...reports, '.test-output/playwright.json': playwright },
			files: {
				'ok/error-context.md': 'never printed',
				'bad/error-context.md': [
					'# Instructions',
					'- Following Playwright test failed.',
					'# Error details',
					'```',
					'Error: expect(locator).toBeVisible() failed',
					'```',
					'```yaml',
					'- button "Next step"',
					'x'.repeat(13000),
					'```',
					'# Test source',
					'test(…)'
				].join('\n')
			}
		});
		await runner.finish('svelte-kit sync', ...checks, 'playwright test');
		expect(await done).toBe(false);
		const pages = printed.filter((text) => text.includes('the page at a failure'));
		// The timed-out result's file is gone: nothing to print, and no crash.
		expect(pages).toHaveLength(1);
		expect(pages[0]).toContain('bad/error-context.md');
		// The page's tree, cut short; not the error again, the instructions or the source.
		expect(pages[0]).toContain('- button "Next step"');
		expect(pages[0]).not.toMatch(/Instructions|toBeVisible|Test source/);
		expect(pages[0].length).toBeLessThan(12200);
		expect(printed.join('\n')).not.toContain('never printed');
		expect(printed.at(-1)).toBe('13 passed, 1 failed');
	});

	it('without GRANTWALK_BUILD_DIR the build still has a directory of its own', async () => {
		const runner = fakeRunner();
		const { done } = start(runner);
		await runner.finish('svelte-kit sync', ...checks, 'playwright test');
		await done;
		expect(runner.envs['vite build']?.GRANTWALK_BUILD_DIR).toBe('build');
	});
});

describe('lint', () => {
	it('runs ESLint even when prettier fails, and fails', async () => {
		const ran: string[] = [];
		const result = await runEach(lintCommands, async (_command, args) => {
			ran.push(args[0]);
			return { ok: args[0] !== 'prettier', output: `${args[0]}\n` };
		});
		expect(ran).toEqual(['prettier', 'eslint']);
		expect(result).toEqual({ ok: false, output: 'prettier\neslint\n' });
	});

	it('passes only when both pass', async () => {
		const result = await runEach(lintCommands, async () => ({ ok: true, output: '' }));
		expect(result.ok).toBe(true);
	});
});

describe('counting', () => {
	it('a crashed or missing run counts one failure', () => {
		expect(countVitest(undefined, false)).toEqual({ passed: 0, failed: 1 });
		expect(countVitest({ numPassedTests: 3, numFailedTests: 0 }, false)).toEqual({
			passed: 3,
			failed: 1
		});
		expect(countVitest({ numPassedTests: 3, numFailedTests: 2 }, false)).toEqual({
			passed: 3,
			failed: 2
		});
		expect(countPlaywright(undefined, true)).toEqual({ passed: 0, failed: 1 });
		expect(countPlaywright({ stats: { expected: 4, flaky: 1, unexpected: 0 } }, false)).toEqual({
			passed: 5,
			failed: 1
		});
	});

	it('ends with one line of totals', () => {
		expect(
			totalsLines([
				{ suite: 'a', passed: 2, failed: 0 },
				{ suite: 'b', passed: 3, failed: 1 }
			])
		).toEqual(['', '  a: 2 passed, 0 failed', '  b: 3 passed, 1 failed', '5 passed, 1 failed']);
	});
});
