import { describe, expect, it } from 'vitest';
import { runRecordVersion } from '$lib/flows/run-record';
import type { Position } from '$lib/flows/follow';
import { markPulse, openRoom, publishPosition, roomEvents, roomKeyHeader, roomQr } from './http';
import { Rooms } from './rooms';

const origin = 'http://workshop.test:5173';
const position: Position = {
	record: {
		version: runRecordVersion,
		flow: 'client-credentials',
		target: 'emulator',
		seed: 'workshop',
		breaks: [],
		actions: ['next']
	},
	cursor: 1,
	step: 'call-web-api',
	stepIndex: 2,
	stepTitle: 'Call the Web API'
};

function options(rooms = new Rooms(), allowed = true) {
	return { rooms, origin, presenterAllowed: () => allowed };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	new Request(`${origin}${path}`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body)
	});

async function open(opts = options()) {
	const response = await openRoom(
		new Request(`${origin}/rooms`, { method: 'POST', headers: { origin } }),
		opts
	);
	expect(response.status).toBe(201);
	return (await response.json()) as { room: string; key: string };
}

/** Reads server-sent events from a stream until `count` events arrived. */
async function readEvents(response: Response, count: number) {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	const events: { event: string; data: unknown }[] = [];
	while (events.length < count) {
		const { value, done } = await reader.read();
		if (done) break;
		text += decoder.decode(value);
		let end;
		while ((end = text.indexOf('\n\n')) >= 0) {
			const block = text.slice(0, end);
			text = text.slice(end + 2);
			const event = /^event: (.*)$/m.exec(block)?.[1];
			const data = /^data: (.*)$/m.exec(block)?.[1];
			if (event && data) events.push({ event, data: JSON.parse(data) });
		}
	}
	await reader.cancel();
	return events;
}

describe('follow rooms', () => {
	it('relays the presenter’s position to a follower, which first gets the newest one', async () => {
		const opts = options();
		const { room, key } = await open(opts);
		const abort = new AbortController();
		const stream = await roomEvents(
			new Request(`${origin}/rooms/${room}/events`, { signal: abort.signal }),
			room,
			opts
		);
		expect(stream.headers.get('content-type')).toContain('text/event-stream');
		const published = await publishPosition(
			post(`/rooms/${room}/events`, { position }, { [roomKeyHeader]: key }),
			room,
			opts
		);
		expect(published.status).toBe(204);
		const events = await readEvents(stream, 3);
		expect(events).toEqual([
			{ event: 'pulse', data: {} },
			{ event: 'room', data: { listeners: 1 } },
			{ event: 'position', data: position }
		]);
		expect(await opts.rooms.listeners(room)).toBe(0);
		// A late follower gets the newest position at once.
		const late = await readEvents(
			await roomEvents(new Request(`${origin}/rooms/${room}/events`), room, opts),
			1
		);
		expect(late[0]).toEqual({ event: 'position', data: position });
	});

	it('lets only the room key drive, and only from the site’s own pages', async () => {
		const opts = options();
		const { room } = await open(opts);
		const wrong = await publishPosition(
			post(`/rooms/${room}/events`, { position }, { [roomKeyHeader]: 'guess' }),
			room,
			opts
		);
		expect(wrong.status).toBe(403);
		expect((await wrong.json()).error).toContain('room key');
		const none = await publishPosition(post(`/rooms/${room}/events`, { position }), room, opts);
		expect(none.status).toBe(403);
		const elsewhere = await publishPosition(
			post(`/rooms/${room}/events`, { position }, { origin: 'https://evil.test' }),
			room,
			opts
		);
		expect(elsewhere.status).toBe(403);
	});

	it('needs the presenter key to open a room when the server needs one', async () => {
		const refused = await openRoom(
			new Request(`${origin}/rooms`, { method: 'POST', headers: { origin } }),
			options(new Rooms(), false)
		);
		expect(refused.status).toBe(403);
		expect((await refused.json()).error).toContain('GRANTWALK_PRESENTER_KEY');
	});

	it('refuses a bad position with the reason, and an unknown room with what to do', async () => {
		const opts = options();
		const { room, key } = await open(opts);
		const bad = await publishPosition(
			post(
				`/rooms/${room}/events`,
				{ position: { ...position, cursor: 7 } },
				{ [roomKeyHeader]: key }
			),
			room,
			opts
		);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error).toContain('cursor');
		const text = await publishPosition(
			new Request(`${origin}/rooms/${room}/events`, {
				method: 'POST',
				headers: { origin, 'content-type': 'text/plain' },
				body: 'x'
			}),
			room,
			opts
		);
		expect(text.status).toBe(415);
		const unknown = await roomEvents(
			new Request(`${origin}/rooms/zzzzzzzz/events`),
			'zzzzzzzz',
			opts
		);
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).error).toContain('Ask the presenter');
	});

	it('counts Done and Stuck per step, one mark per follower, and pushes the counts', async () => {
		const opts = options();
		const { room } = await open(opts);
		const mark = (follower: string, mark: string) =>
			markPulse(
				post(`/rooms/${room}/pulse`, { follower, step: 'client-credentials/request-token', mark }),
				room,
				opts
			);
		expect((await mark('a'.repeat(16), 'done')).status).toBe(204);
		await mark('b'.repeat(16), 'stuck');
		await mark('b'.repeat(16), 'done');
		await mark('c'.repeat(16), 'stuck');
		await mark('c'.repeat(16), 'clear');
		expect(await opts.rooms.counts(room)).toEqual({
			'client-credentials/request-token': { done: 2, stuck: 0 }
		});
		expect((await mark('short', 'done')).status).toBe(400);
		expect((await mark('d'.repeat(16), 'maybe')).status).toBe(400);
	});

	it('caps the rooms and drops idle ones', async () => {
		let now = 0;
		const rooms = new Rooms({ now: () => now, maxRooms: 1, idleMs: 1000 });
		const first = (await rooms.create())!;
		expect(await rooms.create()).toBeUndefined();
		now = 2000;
		expect(await rooms.has(first.id)).toBe(false);
		expect(await rooms.create()).toBeDefined();
	});

	it('draws the follow link as a QR code', async () => {
		const opts = options();
		const { room } = await open(opts);
		const qr = await roomQr(
			new URL(`${origin}/rooms/${room}/qr.svg?flow=client-credentials`),
			room,
			opts
		);
		expect(qr.headers.get('content-type')).toBe('image/svg+xml');
		expect(await qr.text()).toMatch(/^<svg[^>]*viewBox/);
		expect((await roomQr(new URL(`${origin}/rooms/${room}/qr.svg`), room, opts)).status).toBe(400);
	});
});
