// `pretest`: builds dist/emulator/ (the package entry the unit tests and the examples import)
// unless it is newer than everything it is built from. `npm ci` already built it (the prepare
// script), so CI does not pay the ~15 s twice; after an edit under src/ it builds again.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/emulator/index.d.ts';
const inputs = ['src', 'vite.emulator.config.ts', 'tsconfig.emulator.json', 'package.json'];

/** @param {string} path @returns {number} the newest modification time under path */
function newest(path) {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	let time = stat.mtimeMs;
	for (const entry of readdirSync(path)) time = Math.max(time, newest(join(path, entry)));
	return time;
}

const builtAt = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (builtAt > Math.max(...inputs.map(newest))) {
	console.log(`${built} is newer than its sources: not rebuilt.`);
} else {
	const { status } = spawnSync('npm', ['run', 'build:emulator'], { stdio: 'inherit' });
	process.exit(status ?? 1);
}
