// Shared by the measuring scripts (budget, bench:explorer): the built site served on a port of
// its own, and a Chromium to look at it with. Builds first when there is no build.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { findChromium, installHint } from './find-browser.js';

export const buildDir = process.env.GRANTWALK_BUILD_DIR ?? 'build';

/** A port nobody listens on now: the OS picks it, so two runs on one machine never meet. */
async function freePort() {
	const probe = createServer();
	await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = probe.address();
	await new Promise((resolve) => probe.close(() => resolve(undefined)));
	return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Serves the build with scripts/serve.js on a free port (a fixed one could meet another run's
 * server, and measure that server's build instead).
 */
export async function serveBuiltSite() {
	const port = await freePort();
	if (!existsSync(`${buildDir}/handler.js`)) {
		console.log('Building…');
		if (spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
	}
	const server = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: 'ignore'
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 50; i++) {
		try {
			if ((await fetch(base)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	return { base, stop: () => server.kill() };
}

/** Chromium as the tests launch it, or exit with the line that says how to install one. */
export async function launchChromium() {
	const executablePath = await findChromium();
	if (!executablePath) {
		console.error(installHint);
		process.exit(1);
	}
	return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}
