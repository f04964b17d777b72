// `npm run bench:emulator [-- --duration 10 --memory-duration 60]`: the standalone emulator's token
// endpoint (client credentials) against oauth2-mock-server's and against a bare node:http server
// returning constant JSON, with the same load tool (autocannon) on the same machine, one run.
// Prints requests/s, p99 latency, the ratios against the budgets in DESIGN.md, and the emulator's
// resident memory before and after a long run at 100 connections. Figures, not a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defaultClientId, defaultClientSecret } from '../src/lib/server/emulator/config';

interface AutocannonResult {
	requests: { average: number };
	latency: { p99: number };
	non2xx: number;
	errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function option(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

const duration = option('duration', 10);
const memoryDuration = option('memory-duration', 60);
const connections = 100;
const env = { ...process.env, NODE_ENV: 'production' };

const bareServer = `
import { createServer } from 'node:http';
const body = JSON.stringify({ access_token: 'BQconstant', token_type: 'Bearer', expires_in: 3600 });
createServer((req, res) => {
	req.resume();
	req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'));
`;

const mockServer = `
import { OAuth2Server } from 'oauth2-mock-server';
const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(Number(process.argv[1]), '127.0.0.1');
console.log('ready');
`;

/** Starts a server in its own process and waits until it says it listens. */
function start(args: string[], ready: RegExp): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
		const timer = setTimeout(() => reject(new Error(`no start: ${args.join(' ')}`)), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (ready.test(chunk.toString())) {
				clearTimeout(timer);
				resolve(child);
			}
		});
		child.on('exit', (code) => reject(new Error(`exited ${code}: ${args.join(' ')}`)));
	});
}

function stop(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		child.removeAllListeners('exit');
		child.on('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** Resident set size of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : null;
	} catch {
		return null;
	}
}

const basic = `Basic ${Buffer.from(`${defaultClientId}:${defaultClientSecret}`).toString('base64')}`;

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
	return autocannon({
		url,
		method: 'POST',
		connections,
		duration: seconds,
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: 'grant_type=client_credentials'
	});
}

function row(name: string, r: AutocannonResult): string {
	const bad = r.non2xx + r.errors;
	return `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(9)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms${bad ? `   (${bad} non-2xx/errors)` : ''}`;
}

const ports = { emulator: 18_411, mock: 18_412, bare: 18_413 };

console.log(
	`autocannon, ${connections} connections, ${duration} s per server, POST grant_type=client_credentials\n`
);

const emulator = await start(
	['--import', 'tsx', 'scripts/emulator.ts', '--port', String(ports.emulator)],
	/Spotify emulator/
);
const emulatorUrl = `http://127.0.0.1:${ports.emulator}/emulator/accounts/api/token`;
await load(emulatorUrl, 3, { authorization: basic }); // warm-up: JIT, connection pools
const emu = await load(emulatorUrl, duration, { authorization: basic });
console.log(row('emulator', emu));
await stop(emulator);

const mock = await start(['--input-type=module', '-e', mockServer, String(ports.mock)], /ready/);
const mockUrl = `http://127.0.0.1:${ports.mock}/token`;
await load(mockUrl, 3);
const mockResult = await load(mockUrl, duration);
console.log(row('oauth2-mock-server', mockResult));
await stop(mock);

const bare = await start(['--input-type=module', '-e', bareServer, String(ports.bare)], /ready/);
const bareUrl = `http://127.0.0.1:${ports.bare}/`;
await load(bareUrl, 3);
const bareResult = await load(bareUrl, duration);
console.log(row('bare node:http', bareResult));
await stop(bare);

const vsMock = emu.requests.average / mockResult.requests.average;
const vsBare = emu.requests.average / bareResult.requests.average;
console.log('');
console.log(
	`emulator / oauth2-mock-server: ${vsMock.toFixed(1)}x   (budget >= 10x)  ${vsMock >= 10 ? 'ok' : 'SHORT'}`
);
console.log(
	`emulator / bare node:http:     ${(vsBare * 100).toFixed(0)}%   (budget >= 35%, goal >= 70%)  ${vsBare >= 0.7 ? 'goal met' : vsBare >= 0.35 ? 'ok' : 'SHORT'}`
);

const mb = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MB`);

// Memory: a fresh emulator, then a long run at 100 connections; the store's caps keep it bounded.
const fresh = await start(
	['--import', 'tsx', 'scripts/emulator.ts', '--port', String(ports.emulator)],
	/Spotify emulator/
);
const before = rssMb(fresh.pid!);
const samples: string[] = [];
const sampler = setInterval(() => samples.push(mb(rssMb(fresh.pid!))), (memoryDuration * 1000) / 6);
const long = await load(emulatorUrl, memoryDuration, { authorization: basic });
clearInterval(sampler);
const after = rssMb(fresh.pid!);
await stop(fresh);
console.log('');
console.log(
	`emulator memory (RSS): ${mb(before)} before, ${mb(after)} after ${memoryDuration} s at ${connections} connections (${((long.requests.average * memoryDuration) / 1e6).toFixed(1)} M tokens issued; the store keeps at most 100 000 access tokens)`
);
console.log(`  during the run: ${samples.join(', ')}`);
