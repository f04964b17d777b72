import { defineConfig, devices } from '@playwright/test';
import { findChromium, installHint } from './scripts/find-browser.js';

const port = Number(process.env.TEST_PORT ?? 4173);
const executablePath = await findChromium();
if (!executablePath) throw new Error(installHint);

// Flags that keep Chromium from reaching for the network (closed here) and let it run as root.
const args = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: process.env.CI ? 2 : undefined,
	reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: { executablePath, args },
		// A trace records DOM snapshots and screencast frames of every action of every test, kept
		// only when the test fails: a third of the browser stage's CPU on a 2-core machine (measured
		// A/B on the axe and reproduce-link files: 117 s with, 57-78 s without). CI's fresh clone is
		// never looked at, so CI records none; a local run still keeps the failing tests' traces.
		trace: process.env.CI ? 'off' : 'retain-on-failure'
	},
	projects: [
		{ name: 'api', testDir: 'tests/api' },
		{ name: 'e2e', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'] } },
		// The README's worked example of grantwalk/emulator in a browser test (*.spec.ts, so that
		// Vitest, which runs examples/**/*.test.ts, leaves it alone). It needs no site.
		{
			name: 'examples',
			testDir: 'examples',
			testMatch: '**/*.spec.ts',
			use: { ...devices['Desktop Chrome'] }
		}
	],
	webServer: {
		// The built site, as `npm start` serves it; the emulator runs with its documented defaults.
		command: 'node scripts/serve.js',
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		env: { PORT: String(port), HOST: '127.0.0.1' },
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
