// `npm run bench:emulator [-- --rounds 7 --round 3 --memory-duration 60 --port 18411]`: the standalone
// emulator's token endpoint (client credentials) against a bare node:http server returning
// constant JSON, and against oauth2-mock-server, with the same load tool (autocannon) on the same
// machine. The servers run side by side and are loaded in short interleaved rounds (A, B, A, B…),
// so load from elsewhere on a shared machine falls on both alike; it prints each round, the
// medians, the median of the per-round ratios and server CPU per request (from /proc). Then
// memory: two consecutive long runs at 100 connections on a fresh emulator, with each run's peak
// resident memory (flat means the second peak is no higher than the first). Figures, not a test.
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

// Three ports from --port up, so that two people's runs on one machine need not collide.
const basePort = option('port', 18_411);
const ports = { emulator: basePort, mock: basePort + 1, bare: basePort + 2 };
const rounds = option('rounds', 7);
const roundSeconds = option('round', 3);

/** CPU time (user + system) a process has used, in µs, from /proc/<pid>/stat (Linux). */
function cpuMicros(pid: number): number | null {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return (ticks / 100) * 1e6; // USER_HZ is 100 on Linux
	} catch {
		return null;
	}
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Round {
	rps: number;
	cpuPerRequest: number | null;
	bad: number;
}

/** One round of load on one server: its requests/s and the server's CPU µs per request. */
async function round(
	pid: number,
	url: string,
	headers: Record<string, string> = {}
): Promise<Round> {
	const before = cpuMicros(pid);
	const result = await load(url, roundSeconds, headers);
	const after = cpuMicros(pid);
	const requests = result.requests.average * roundSeconds;
	return {
		rps: result.requests.average,
		cpuPerRequest: before === null || after === null ? null : (after - before) / requests,
		bad: result.non2xx + result.errors
	};
}

console.log(
	`autocannon, ${connections} connections, ${rounds} interleaved rounds of ${roundSeconds} s per server, POST grant_type=client_credentials\n`
);

const emulator = await start(
	['--import', 'tsx', 'scripts/emulator.ts', '--port', String(ports.emulator)],
	/Spotify emulator/
);
const bare = await start(['--input-type=module', '-e', bareServer, String(ports.bare)], /ready/);
const mock = await start(['--input-type=module', '-e', mockServer, String(ports.mock)], /ready/);
const emulatorUrl = `http://127.0.0.1:${ports.emulator}/emulator/accounts/api/token`;
const bareUrl = `http://127.0.0.1:${ports.bare}/`;
const mockUrl = `http://127.0.0.1:${ports.mock}/token`;
const auth = { authorization: basic };
// Warm-up: JIT, connection pools.
await load(emulatorUrl, 2, auth);
await load(bareUrl, 2);
await load(mockUrl, 2);

const emu: Round[] = [];
const bareRounds: Round[] = [];
const mockRounds: Round[] = [];
for (let i = 0; i < rounds; i++) {
	// Alternate which goes first, so neither always follows the other's aftermath.
	const order = i % 2 === 0 ? ['emu', 'bare'] : ['bare', 'emu'];
	for (const which of order)
		if (which === 'emu') emu.push(await round(emulator.pid!, emulatorUrl, auth));
		else bareRounds.push(await round(bare.pid!, bareUrl));
	if (i % 3 === 0) mockRounds.push(await round(mock.pid!, mockUrl));
	const e = emu.at(-1)!;
	const b = bareRounds.at(-1)!;
	console.log(
		`round ${i + 1}: emulator ${e.rps.toFixed(0).padStart(6)} req/s, bare ${b.rps.toFixed(0).padStart(6)} req/s, ratio ${(e.rps / b.rps).toFixed(2)}${e.bad ? `  (${e.bad} non-2xx/errors)` : ''}`
	);
}
await Promise.all([stop(emulator), stop(bare), stop(mock)]);

const ratios = emu.map((e, i) => e.rps / bareRounds[i].rps);
const cpu = (list: Round[]) =>
	median(list.flatMap((r) => (r.cpuPerRequest === null ? [] : [r.cpuPerRequest])));
const emuCpu = cpu(emu);
const bareCpu = cpu(bareRounds);
console.log('');
console.log(
	`medians: emulator ${median(emu.map((r) => r.rps)).toFixed(0)} req/s, bare node:http ${median(bareRounds.map((r) => r.rps)).toFixed(0)} req/s, oauth2-mock-server ${median(mockRounds.map((r) => r.rps)).toFixed(0)} req/s`
);
const ratio = median(ratios);
console.log(
	`emulator / bare node:http, median of ${rounds} round ratios: ${ratio.toFixed(2)}   (budget >= 0.35, goal >= 0.70)  ${ratio >= 0.7 ? 'goal met' : ratio >= 0.35 ? 'ok' : 'SHORT'}`
);
console.log(
	`server CPU per request, medians: emulator ${emuCpu.toFixed(1)} µs, bare ${bareCpu.toFixed(1)} µs, ${(emuCpu / bareCpu).toFixed(2)}x   (goal <= 1.45x)`
);
const vsMock = median(emu.map((r) => r.rps)) / median(mockRounds.map((r) => r.rps));
console.log(
	`emulator / oauth2-mock-server: ${vsMock.toFixed(1)}x   (budget >= 10x)  ${vsMock >= 10 ? 'ok' : 'SHORT'}`
);

const mb = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MB`);

// Memory: a fresh emulator, two consecutive long runs at 100 connections, the peak of each.
const fresh = await start(
	['--import', 'tsx', 'scripts/emulator.ts', '--port', String(ports.emulator)],
	/Spotify emulator/
);
const start0 = rssMb(fresh.pid!);
const peaks: number[] = [];
for (let run = 0; run < 2; run++) {
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(fresh.pid!) ?? 0)), 1000);
	await load(emulatorUrl, memoryDuration, auth);
	clearInterval(sampler);
	peaks.push(Math.max(peak, rssMb(fresh.pid!) ?? 0));
}
await stop(fresh);
console.log('');
console.log(
	`emulator memory (RSS): ${mb(start0)} at start; peak ${mb(peaks[0])} in the first ${memoryDuration} s run, ${mb(peaks[1])} in the second at ${connections} connections: ${peaks[1] <= peaks[0] ? 'flat' : `grew by ${mb(peaks[1] - peaks[0])}`}`
);
