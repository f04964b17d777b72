// `npm start`: builds the site when the build is missing or older than the sources, then serves it
// with its built-in emulator on http://127.0.0.1:5173 (PORT and HOST override).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newest } from './newest.js';
import { serverFlags } from './server-flags.js';

const sources = [
	'src',
	'content',
	'static',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'scripts/highlight.js'
];
const marker = 'build/handler.js';

const stale = !existsSync(marker) || newest(sources) > statSync(marker).mtimeMs;
if (stale) {
	console.log('Building the site (the build is missing or older than the sources)…');
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) {
		console.error('The build failed; see the errors above.');
		process.exit(build.status ?? 1);
	}
}

const env = {
	...process.env,
	PORT: process.env.PORT ?? '5173',
	HOST: process.env.HOST ?? '127.0.0.1'
};
console.log(
	`Grantwalk on http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`
);
const server = spawn(
	process.execPath,
	[...serverFlags(process.env.NODE_OPTIONS), 'scripts/serve.js'],
	{ stdio: 'inherit', env }
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
