// Shared by the measuring scripts (budget, bench:explorer): the built site served on a port of
// its own, and a Chromium to look at it with. Builds first when there is no build.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, installHint } from './find-browser.js';

export const buildDir = process.env.GRANTWALK_BUILD_DIR ?? 'build';

/** Serves the build on 127.0.0.1:port; resolves once it answers. */
export async function serveBuiltSite(port) {
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
