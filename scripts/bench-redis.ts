// `npm run bench:redis [-- --seconds 10]`: the token endpoint's throughput (client_credentials,
// autocannon, 100 connections per target) of two emulator instances sharing one redis-server
// against one in-memory instance, one run each, each instance its own process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { defaultConfig } from '../src/lib/server/emulator/config';

interface Result {
	requests: { average: number; total: number };
	latency: { p99: number };
	non2xx: number;
	errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
	options: Record<string, unknown>
) => Promise<Result>;

const i = process.argv.indexOf('--seconds');
const seconds = i >= 0 ? Number(process.argv[i + 1]) || 10 : 10;
const demo = defaultConfig().apps[0];
const basic = `Basic ${Buffer.from(`${demo.clientId}:${demo.clientSecret}`).toString('base64')}`;
const children: ChildProcess[] = [];

function start(command: string, args: string[], ready: string): Promise<ChildProcess> {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	return new Promise((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes(ready)) resolve(child);
		});
		child.on('exit', (code) => reject(new Error(`${command} exited (${code})`)));
	});
}

// Node itself with tsx's loader, not `npx tsx` (npx, then tsx, then node): killing a wrapper
// left the real instance running after the bench, logging that Redis had gone.
const instance = (port: number, url?: string) =>
	start(
		process.execPath,
		['--import', 'tsx', 'scripts/bench-redis-instance.ts', String(port), ...(url ? [url] : [])],
		'ready'
	);

const load = (port: number) =>
	autocannon({
		url: `http://127.0.0.1:${port}/emulator/accounts/api/token`,
		method: 'POST',
		connections: 100,
		duration: seconds,
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic },
		body: 'grant_type=client_credentials'
	});

const line = (name: string, results: Result[]) => {
	const rps = results.reduce((sum, r) => sum + r.requests.average, 0);
	const bad = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
	const p99 = Math.max(...results.map((r) => r.latency.p99));
	console.log(
		`${name.padEnd(34)} ${Math.round(rps).toString().padStart(7)} req/s  p99 ${p99} ms  non-2xx+errors ${bad}`
	);
	return rps;
};

if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
	console.error('bench:redis needs redis-server (apt-get install redis-server)');
	process.exit(1);
}
try {
	const redisPort = 18_431;
	await start(
		'redis-server',
		['--port', String(redisPort), '--save', '', '--appendonly', 'no'],
		'Ready to accept'
	);
	const url = `redis://127.0.0.1:${redisPort}/0`;
	await Promise.all([instance(18_432), instance(18_433, url), instance(18_434, url)]);
	console.log(
		`token endpoint, POST grant_type=client_credentials, ${seconds} s, 100 connections per instance\n`
	);
	const memory = line('one instance, in memory', [await load(18_432)]);
	const redis = line(
		'two instances, on one Redis',
		await Promise.all([load(18_433), load(18_434)])
	);
	console.log(`\ntwo on Redis / one in memory: ${(redis / memory).toFixed(2)}`);
} finally {
	for (const child of children.reverse()) child.kill('SIGKILL');
}
