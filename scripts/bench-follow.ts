// `npm run bench:follow [-- --followers 100 --publishes 20 --spacing 300]`: one follow room with
// 100 followers on the built site (scripts/serve.js, GRANTWALK_BUILD_DIR honoured; built first
// when there is no build). The followers are plain server-sent-events streams over node:http
// (not browsers), all in this process; the presenter publishes N positions, spaced, and for each
// the delay from the publish to the last follower's receipt is taken. Prints each publish, the
// median, p95 and max over them, and the server's resident memory and heap (after a full GC, from
// the server itself) before the room, with the followers connected, after the publishes and after
// they left. Figures, not a test: nothing here fails on a slow machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { runRecordVersion, type RunRecord } from '../src/lib/flows/run-record';
import type { Position } from '../src/lib/flows/follow';
import { median, SseParser, summary } from './bench-follow-helpers';

function option(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

const followerCount = option('followers', 100);
const publishes = option('publishes', 20);
const spacingMs = option('spacing', 300);
const buildDir = process.env.GRANTWALK_BUILD_DIR ?? 'build';

if (!existsSync(`${buildDir}/handler.js`)) {
	console.log(`Building into ${buildDir}…`);
	if (spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

/** The site on a free port, with the memory probe: the child and its origin. */
async function startSite(): Promise<{ child: ChildProcess; origin: string }> {
	const child = spawn(
		process.execPath,
		['--expose-gc', '--import', './scripts/bench-memory-probe.js', 'scripts/serve.js'],
		{
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
			stdio: ['ignore', 'pipe', 'inherit', 'ipc']
		}
	);
	const origin = await new Promise<string>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`the site did not start:\n${out}`)), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const listening = /Listening on (http:\/\/\S+)/.exec(out);
			if (listening) {
				clearTimeout(timer);
				resolve(listening[1]);
			}
		});
		child.once('exit', (code) => reject(new Error(`the site exited (${code}):\n${out}`)));
	});
	return { child, origin };
}

interface Memory {
	rss: number;
	heapUsed: number;
	heapTotal: number;
}

/** The server's memory, as it measures itself after a full GC. */
function serverMemory(child: ChildProcess): Promise<Memory> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no memory answer')), 10_000);
		child.once('message', (message: { memory: Memory }) => {
			clearTimeout(timer);
			resolve(message.memory);
		});
		child.send('memory');
	});
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const memoryLine = (label: string, m: Memory) =>
	`${label.padEnd(28)} RSS ${mb(m.rss).padStart(9)}, heap used ${mb(m.heapUsed).padStart(8)} of ${mb(m.heapTotal)}`;

/** A follower: one SSE stream, the time each position (by its stepIndex) arrived. */
interface Follower {
	received: Map<number, number>;
	ready: Promise<void>;
	close(): void;
}

function follow(origin: string, room: string, onPosition: () => void): Follower {
	const received = new Map<number, number>();
	const parser = new SseParser();
	let response: IncomingMessage | undefined;
	const request = get(`${origin}/rooms/${room}/events`, { agent: false });
	const ready = new Promise<void>((resolve, reject) => {
		request.on('error', reject);
		request.on('response', (answer) => {
			response = answer;
			if (answer.statusCode !== 200) reject(new Error(`events: ${answer.statusCode}`));
			answer.setEncoding('utf8');
			answer.on('data', (chunk: string) => {
				const at = performance.now();
				for (const event of parser.feed(chunk)) {
					// The room greets every new listener with its pulse: connected.
					if (event.event === 'pulse') resolve();
					if (event.event === 'position') {
						received.set((JSON.parse(event.data) as Position).stepIndex, at);
						onPosition();
					}
				}
			});
		});
	});
	return {
		received,
		ready,
		close: () => {
			response?.destroy();
			request.destroy();
		}
	};
}

function position(stepIndex: number): Position {
	const record: RunRecord = {
		version: runRecordVersion,
		flow: 'authorization-code-pkce',
		target: 'emulator',
		seed: 'bench',
		breaks: [],
		actions: Array.from({ length: stepIndex }, (_, i) => (i === 2 ? 'agree' : 'next'))
	};
	return { record, cursor: stepIndex, stepIndex, stepTitle: `Step ${stepIndex}` };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const started = performance.now();
const { child, origin } = await startSite();
const headers = { origin, 'content-type': 'application/json' };
try {
	console.log(
		`bench:follow: ${followerCount} SSE followers (node:http, this process) on one room of ${origin}, ${publishes} publishes ${spacingMs} ms apart\n`
	);
	const before = await serverMemory(child);

	const opened = await fetch(`${origin}/rooms`, { method: 'POST', headers: { origin } });
	if (opened.status !== 201)
		throw new Error(`POST /rooms: ${opened.status} ${await opened.text()}`);
	const { room, key } = (await opened.json()) as { room: string; key: string };

	let waiting: { stepIndex: number; resolve: () => void } | undefined;
	const followers: Follower[] = [];
	const check = () => {
		if (waiting && followers.every((f) => f.received.has(waiting!.stepIndex))) waiting.resolve();
	};
	for (let i = 0; i < followerCount; i++) followers.push(follow(origin, room, check));
	const connectStart = performance.now();
	await Promise.all(followers.map((f) => f.ready));
	console.log(
		`${followerCount} followers connected in ${(performance.now() - connectStart).toFixed(0)} ms`
	);
	const connected = await serverMemory(child);

	const delays: number[] = [];
	for (let stepIndex = 1; stepIndex <= publishes; stepIndex++) {
		const all = new Promise<void>((resolve) => (waiting = { stepIndex, resolve }));
		const sent = performance.now();
		const answer = await fetch(`${origin}/rooms/${room}/events`, {
			method: 'POST',
			headers: { ...headers, 'x-grantwalk-room-key': key },
			body: JSON.stringify({ position: position(stepIndex) })
		});
		if (answer.status !== 204) throw new Error(`publish: ${answer.status} ${await answer.text()}`);
		check();
		const timeout = pause(10_000).then(() => 'timeout' as const);
		if ((await Promise.race([all, timeout])) === 'timeout')
			throw new Error(`publish ${stepIndex}: not every follower received it within 10 s`);
		const receipts = followers.map((f) => f.received.get(stepIndex)! - sent);
		const last = Math.max(...receipts);
		delays.push(last);
		console.log(
			`publish ${String(stepIndex).padStart(2)}: last follower after ${last.toFixed(1).padStart(6)} ms (median follower ${median(receipts).toFixed(1)} ms)`
		);
		await pause(spacingMs);
	}
	const published = await serverMemory(child);
	for (const f of followers) f.close();
	await pause(500);
	const left = await serverMemory(child);

	console.log(`\npublish → last of ${followerCount} followers: ${summary(delays)}`);
	console.log(memoryLine('server before the room', before));
	console.log(memoryLine(`${followerCount} followers connected`, connected));
	console.log(memoryLine(`after ${publishes} publishes`, published));
	console.log(memoryLine('followers gone', left));
	console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
} finally {
	child.kill('SIGTERM');
}
