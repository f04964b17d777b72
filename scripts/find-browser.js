// Finds a Chromium for Playwright, in this order: $CHROMIUM_PATH, Debian's /usr/bin/chromium
// (and its usual aliases), then Playwright's own download if one is installed. Nothing is
// downloaded: these machines cannot fetch browsers at run time.
import { existsSync } from 'node:fs';

const systemCandidates = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable'
];

export const installHint =
	'No Chromium found for the browser tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.';

/** @returns {Promise<string | undefined>} the path of a Chromium binary, or undefined. */
export async function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	const system = systemCandidates.find((p) => existsSync(p));
	if (system) return system;
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		return own && existsSync(own) ? own : undefined;
	} catch {
		return undefined;
	}
}
