/**
 * Follow rooms on one real redis-server shared by two instances, each the rooms' HTTP handlers on
 * node:http: a follower on one instance follows a presenter on the other, the pulse adds up
 * across them, only the room key drives, and a lost Redis gives 503s and recovers. Skipped
 * locally when redis-server is missing; under CI=true a missing redis-server fails.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '$lib/flows/follow';
import { runRecordVersion } from '$lib/flows/run-record';
import {
	freePort,
	hasRedis,
	missingRedis,
	redisRequired,
	startRedis
} from '../emulator/shared/redis.test-helpers';
import {
	markPulse,
	openRoom,
	publishPosition,
	roomEvents,
	roomKeyHeader,
	roomStatus,
	type RoomHttpOptions
} from './http';
import { createRedisRooms, type RedisRooms } from './redis-rooms';

if (!hasRedis && redisRequired) throw new Error(missingRedis);

/** Both instances serve one site behind a load balancer: one origin. */
const origin = 'http://workshop.test';
const password = 'sekret-pw';

const position = (cursor: number): Position => ({
	record: {
		version: runRecordVersion,
		flow: 'client-credentials',
		target: 'emulator',
		seed: 'workshop',
		breaks: [],
		actions: ['next', 'next']
	},
	cursor,
	step: 'call-web-api',
	stepIndex: 2,
	stepTitle: 'Call the Web API'
});

/** The rooms' routes as src/routes/rooms maps them. */
function route(request: Request, options: RoomHttpOptions): Promise<Response> {
	const url = new URL(request.url);
	const [, rooms, id, sub] = url.pathname.split('/');
	if (rooms !== 'rooms') return Promise.resolve(new Response(null, { status: 404 }));
	if (!id) return openRoom(request, options);
	if (!sub) return roomStatus(id, options);
	if (sub === 'pulse') return markPulse(request, id, options);
	return request.method === 'POST'
		? publishPosition(request, id, options)
		: roomEvents(request, id, options);
}

/** node:http to a Web Request and back, streaming the answer (the SSE route's). */
function listener(options: RoomHttpOptions) {
	return (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const abort = new AbortController();
			res.on('close', () => abort.abort());
			const headers = new Headers();
			for (const [name, value] of Object.entries(req.headers))
				if (typeof value === 'string') headers.set(name, value);
			const request = new Request(`${origin}${req.url}`, {
				method: req.method,
				headers,
				signal: abort.signal,
				...(req.method === 'POST' && { body: Buffer.concat(chunks) })
			});
			const response = await route(request, options);
			res.writeHead(response.status, Object.fromEntries(response.headers));
			if (!response.body) {
				res.end();
				return;
			}
			const reader = response.body.getReader();
			abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
			for (;;) {
				const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
				if (done) break;
				res.write(value);
			}
			res.end();
		});
	};
}

type RoomEventSeen = { event: string; data: unknown };

/** A follower's stream: every event as it arrives, and a wait for one that matches. */
async function follow(base: string, room: string) {
	const abort = new AbortController();
	const response = await fetch(`${base}/rooms/${room}/events`, { signal: abort.signal });
	const seen: RoomEventSeen[] = [];
	const waiters: (() => void)[] = [];
	let ended = false;
	if (response.ok && response.body) {
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let text = '';
		void (async () => {
			for (;;) {
				const { value, done } = await reader.read().catch(() => ({ done: true, value: undefined }));
				if (done) {
					ended = true;
					for (const wake of waiters.splice(0)) wake();
					return;
				}
				text += decoder.decode(value);
				let end;
				while ((end = text.indexOf('\n\n')) >= 0) {
					const block = text.slice(0, end);
					text = text.slice(end + 2);
					const event = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (event && data) seen.push({ event, data: JSON.parse(data) });
					for (const wake of waiters.splice(0)) wake();
				}
			}
		})();
	}
	return {
		response,
		seen,
		/** The first event matching `match`, or a failure after `withinMs`. */
		async next(match: (event: RoomEventSeen) => boolean, withinMs = 1000) {
			const deadline = Date.now() + withinMs;
			for (;;) {
				const found = seen.find(match);
				if (found) return found;
				const left = deadline - Date.now();
				if (left <= 0)
					throw new Error(`no such event within ${withinMs} ms: ${JSON.stringify(seen)}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, left);
				});
			}
		},
		/** Has the server ended the stream? */
		ended: () => ended,
		close: () => abort.abort()
	};
}

describe.skipIf(!hasRedis)('follow rooms on Redis, two instances', () => {
	let redis: ChildProcess;
	let redisPort: number;
	const stores: RedisRooms[] = [];
	const servers: Server[] = [];
	const bases: string[] = [];
	const logs: string[] = [];
	let a: string;
	let b: string;

	beforeAll(async () => {
		redisPort = await freePort();
		redis = await startRedis(redisPort, password);
		for (let i = 0; i < 2; i++) {
			const rooms = createRedisRooms(`redis://:sekret-pw@127.0.0.1:${redisPort}/0`, {
				log: (line) => logs.push(line)
			});
			await rooms.ready().catch(() => {});
			stores.push(rooms);
			const server = createServer(listener({ rooms, origin, presenterAllowed: () => true }));
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			servers.push(server);
			bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		}
		[a, b] = bases;
	});

	afterAll(async () => {
		for (const server of servers) server.closeAllConnections();
		for (const server of servers) server.close();
		for (const store of stores) await store.close();
		redis?.kill('SIGKILL');
	});

	const post = (base: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
		fetch(`${base}${path}`, {
			method: 'POST',
			headers: { origin, 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body)
		});

	async function open(base: string) {
		const response = await fetch(`${base}/rooms`, { method: 'POST', headers: { origin } });
		expect(response.status).toBe(201);
		return (await response.json()) as { room: string; key: string };
	}

	it('relays a presenter on one instance to a follower on the other within a second', async () => {
		const { room, key } = await open(a);
		const follower = await follow(b, room);
		expect(follower.response.status).toBe(200);
		await follower.next((e) => e.event === 'room');
		const presenter = await follow(a, room);
		// Both instances count both listeners: the presenter's "2 following".
		await presenter.next(
			(e) => e.event === 'room' && (e.data as { listeners: number }).listeners === 2
		);
		expect((await (await fetch(`${b}/rooms/${room}`)).json()).listeners).toBe(2);
		const started = Date.now();
		const published = await post(
			a,
			`/rooms/${room}/events`,
			{ position: position(1) },
			{
				[roomKeyHeader]: key
			}
		);
		expect(published.status).toBe(204);
		const seen = await follower.next((e) => e.event === 'position');
		expect(Date.now() - started).toBeLessThan(1000);
		expect(seen.data).toEqual(position(1));
		// A late follower on the other instance gets the newest position at once.
		const late = await follow(b, room);
		expect((await late.next((e) => e.event === 'position')).data).toEqual(position(1));
		for (const stream of [follower, presenter, late]) stream.close();
	});

	it('adds up the pulse sent at one instance in the counts read at the other', async () => {
		const { room } = await open(a);
		const presenter = await follow(a, room);
		await presenter.next((e) => e.event === 'pulse');
		const mark = (base: string, follower: string, mark: string) =>
			post(base, `/rooms/${room}/pulse`, {
				follower,
				step: 'client-credentials/request-token',
				mark
			});
		expect((await mark(b, 'a'.repeat(16), 'done')).status).toBe(204);
		await mark(b, 'b'.repeat(16), 'stuck');
		await mark(a, 'b'.repeat(16), 'done');
		await mark(b, 'c'.repeat(16), 'stuck');
		await mark(b, 'c'.repeat(16), 'clear');
		await mark(b, 'd'.repeat(16), 'stuck');
		const want = { 'client-credentials/request-token': { done: 2, stuck: 1 } };
		expect(await stores[0].counts(room)).toEqual(want);
		await presenter.next((e) => JSON.stringify(e.data) === JSON.stringify(want));
		expect((await mark(b, 'short', 'done')).status).toBe(400);
		presenter.close();
	});

	it('refuses a wrong key at both instances, and a room neither knows with 404', async () => {
		const { room, key } = await open(a);
		for (const base of bases) {
			const wrong = await post(
				base,
				`/rooms/${room}/events`,
				{ position: position(1) },
				{
					[roomKeyHeader]: `${key.slice(0, -1)}x`
				}
			);
			expect(wrong.status).toBe(403);
			expect((await wrong.json()).error).toContain('room key');
			const none = await post(base, `/rooms/${room}/events`, { position: position(1) });
			expect(none.status).toBe(403);
			const unknown = await fetch(`${base}/rooms/zzzzzzzz/events`);
			expect(unknown.status).toBe(404);
			expect((await unknown.json()).error).toContain('Ask the presenter');
			expect((await fetch(`${base}/rooms/zzzzzzzz`)).status).toBe(404);
			const pulse = await post(base, `/rooms/zzzzzzzz/pulse`, {
				follower: 'e'.repeat(16),
				step: 'client-credentials/request-token',
				mark: 'done'
			});
			expect(pulse.status).toBe(404);
		}
		// Redis holds the key's SHA-256, never the key.
		const dump = spawnSync(
			'redis-cli',
			['-p', String(redisPort), '-a', password, '--no-auth-warning', 'get', `gwrooms:${room}:key`],
			{
				encoding: 'utf8'
			}
		).stdout;
		expect(dump.trim()).toMatch(/^[0-9a-f]{64}$/);
		expect(dump).not.toContain(key);
	});

	it('caps the rooms across instances and lets idle ones expire', async () => {
		// A database of their own, so the other tests' rooms do not count.
		const url = `redis://:${password}@127.0.0.1:${redisPort}/1`;
		const [one, two] = [0, 1].map(() =>
			createRedisRooms(url, { maxRooms: 2, idleMs: 300, log: (line) => logs.push(line) })
		);
		try {
			const first = (await one.create())!;
			expect(await two.create()).toBeDefined();
			expect(await one.create()).toBeUndefined();
			expect(await two.has(first.id)).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 400));
			expect(await two.has(first.id)).toBe(false);
			expect(await one.create()).toBeDefined();
		} finally {
			await one.close();
			await two.close();
		}
	});

	it('resubscribes when Redis drops the subscriber, and gives its listeners the room again', async () => {
		const { room, key } = await open(a);
		const follower = await follow(b, room);
		await follower.next((e) => e.event === 'room');
		const publish = (cursor: number) =>
			post(a, `/rooms/${room}/events`, { position: position(cursor) }, { [roomKeyHeader]: key });
		await publish(1);
		await follower.next((e) => e.event === 'position');
		spawnSync('redis-cli', [
			'-p',
			String(redisPort),
			'-a',
			password,
			'--no-auth-warning',
			'client',
			'kill',
			'type',
			'pubsub'
		]);
		// The newest position once more, from the resubscribed instance.
		const positions = () => follower.seen.filter((e) => e.event === 'position').length;
		expect(positions()).toBe(1);
		await follower.next(() => positions() === 2, 3000);
		await publish(2);
		const after = await follower.next(
			(e) => e.event === 'position' && (e.data as Position).cursor === 2,
			2000
		);
		expect(after.data).toEqual(position(2));
		follower.close();
	});

	it('answers 503 while Redis is gone, logs it once without the password, and recovers', async () => {
		const { room, key } = await open(a);
		const follower = await follow(b, room);
		await follower.next((e) => e.event === 'room');
		const logged = logs.length;
		redis.kill('SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 200));
		const started = Date.now();
		for (const base of bases) {
			const opened = await fetch(`${base}/rooms`, { method: 'POST', headers: { origin } });
			expect(opened.status).toBe(503);
			expect((await opened.json()).error).toContain('cannot reach its store');
			expect((await fetch(`${base}/rooms/${room}/events`)).status).toBe(503);
			expect((await fetch(`${base}/rooms/${room}`)).status).toBe(503);
		}
		const published = await post(
			a,
			`/rooms/${room}/events`,
			{ position: position(1) },
			{
				[roomKeyHeader]: key
			}
		);
		expect(published.status).toBe(503);
		expect(Date.now() - started).toBeLessThan(8000);
		// One line per instance, however many requests were refused.
		const lines = logs.slice(logged).filter((line) => line.includes('answering 503'));
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.length).toBeLessThanOrEqual(2);
		expect(logs.join('\n')).not.toContain('sekret-pw');

		// Redis returns empty (no persistence): new rooms work again, on both instances.
		redis = await startRedis(redisPort, password);
		let status = 0;
		for (let i = 0; i < 50 && status !== 201; i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			status = (await fetch(`${a}/rooms`, { method: 'POST', headers: { origin } })).status;
		}
		expect(status).toBe(201);
		expect(logs.some((line) => line.includes('is back'))).toBe(true);
		// The room did not survive (no persistence): its open stream ends, so the follower's
		// reconnect meets the 404 that says the room closed.
		for (let i = 0; i < 30 && !follower.ended(); i++)
			await new Promise((resolve) => setTimeout(resolve, 100));
		expect(follower.ended()).toBe(true);
		const again = await open(a);
		let listening = await follow(b, again.room);
		for (let i = 0; i < 20 && listening.response.status !== 200; i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			listening = await follow(b, again.room);
		}
		expect(listening.response.status).toBe(200);
		await listening.next((e) => e.event === 'room');
		await post(
			a,
			`/rooms/${again.room}/events`,
			{ position: position(2) },
			{
				[roomKeyHeader]: again.key
			}
		);
		expect((await listening.next((e) => e.event === 'position')).data).toEqual(position(2));
		follower.close();
		listening.close();
	}, 30_000);
});
