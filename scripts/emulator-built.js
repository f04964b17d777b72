// `pretest`: builds dist/emulator/ (the package entry the unit tests and the examples import)
// unless it is newer than everything it is built from. `npm ci` already built it (the prepare
// script), so CI does not pay the ~15 s twice; after an edit under src/ it builds again.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { newest } from './newest.js';

const built = 'dist/emulator/index.d.ts';
const inputs = ['src', 'vite.emulator.config.ts', 'tsconfig.emulator.json', 'package.json'];

const builtAt = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (builtAt > newest(inputs)) {
	console.log(`${built} is newer than its sources: not rebuilt.`);
} else {
	const { status } = spawnSync('npm', ['run', 'build:emulator'], { stdio: 'inherit' });
	process.exit(status ?? 1);
}
