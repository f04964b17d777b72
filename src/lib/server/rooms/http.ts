/**
 * The follow rooms over HTTP, framework-free (the routes under src/routes/rooms are thin):
 *
 *     POST /rooms                    open a room (presenter key when the server needs one)
 *     GET  /rooms/<room>             does it exist, and how many listen
 *     GET  /rooms/<room>/events      server-sent events: `position`, `pulse`
 *     POST /rooms/<room>/events      the presenter's position (header x-grantwalk-room-key)
 *     POST /rooms/<room>/pulse       a follower's Done / Stuck
 *     GET  /rooms/<room>/qr.svg      the follow link as a QR code (?flow=<slug>)
 *
 * Every refusal is JSON `{"error": "<a sentence>"}`, a store out of reach a 503. Writes must
 * come from the site's own pages (the Origin header), so no other site can drive a room or fill a
 * pulse.
 */
import { renderSVG } from 'uqr';
import { followLink, isRoomId, parsePosition, pulseMarks, type PulseMark } from '$lib/flows/follow';
import { isFlowSlug } from '$lib/spotify/flows';
import { followerIdPattern, RoomsUnavailable, type RoomStore } from './room-store';

export const roomKeyHeader = 'x-grantwalk-room-key';

/** Bodies beyond this are refused: a position of 200 actions is a few KB. */
const maxBody = 16 * 1024;

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const heartbeatMs = 20_000;

export interface RoomHttpOptions {
	rooms: RoomStore;
	/** The site's origin: writes must come from its pages. */
	origin: string;
	/** May this request open a room (the presenter key, when the server needs one)? */
	presenterAllowed: (request: Request) => boolean;
}

function refuse(status: number, error: string, headers: Record<string, string> = {}): Response {
	return Response.json({ error }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** Redis lost or silent: say so in the rooms' JSON shape; the store logs it once. */
function unavailable(): Response {
	return refuse(
		503,
		'Follow rooms are unavailable for a moment: the server cannot reach its store.',
		{
			'retry-after': '2'
		}
	);
}

/** Runs a handler, answering 503 when the room store cannot be reached, so nothing hangs. */
async function guarded(handle: () => Promise<Response>): Promise<Response> {
	try {
		return await handle();
	} catch (error) {
		if (error instanceof RoomsUnavailable) return unavailable();
		throw error;
	}
}

function fromOurPages(request: Request, origin: string): boolean {
	return request.headers.get('origin') === origin;
}

async function readJson(request: Request): Promise<{ value: unknown } | { refusal: Response }> {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
	if (type !== 'application/json')
		return { refusal: refuse(415, 'Send the body as application/json.') };
	const text = await request.text().catch(() => undefined);
	if (text === undefined) return { refusal: refuse(400, 'The body could not be read.') };
	if (text.length > maxBody)
		return { refusal: refuse(413, `The body is over ${maxBody / 1024} KB.`) };
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { refusal: refuse(400, 'The body is not JSON.') };
	}
}

/**
 * What every write to a room checks first: it comes from the site's own pages (`notOurs` says
 * what else is refused), the room exists, and the body is JSON.
 */
async function roomWrite(
	request: Request,
	id: string,
	options: RoomHttpOptions,
	notOurs: string
): Promise<{ value: unknown } | { refusal: Response }> {
	if (!fromOurPages(request, options.origin)) return { refusal: refuse(403, notOurs) };
	if (!isRoomId(id) || !(await options.rooms.has(id))) return { refusal: unknownRoom(id) };
	return readJson(request);
}

function unknownRoom(id: string): Response {
	return refuse(
		404,
		`There is no follow room “${id.slice(0, 20)}” on this server (it may have closed when the server restarted). Ask the presenter for the room's link again.`
	);
}

/** POST /rooms: a new room, its key (for the presenter's tab alone) and its follow path. */
export function openRoom(request: Request, options: RoomHttpOptions): Promise<Response> {
	return guarded(async () => open(request, options));
}

async function open(request: Request, options: RoomHttpOptions): Promise<Response> {
	if (!fromOurPages(request, options.origin))
		return refuse(403, 'Rooms are opened from this site’s own pages.');
	if (!options.presenterAllowed(request))
		return refuse(
			403,
			'Opening a follow room needs the presenter key (GRANTWALK_PRESENTER_KEY, printed when the server started).'
		);
	const room = await options.rooms.create();
	if (!room)
		return refuse(503, `This server holds ${options.rooms.maxRooms} rooms already; try later.`, {
			'retry-after': '60'
		});
	return Response.json(
		{ room: room.id, key: room.key },
		{ status: 201, headers: { 'cache-control': 'no-store' } }
	);
}

/** POST /rooms/<room>/events: the presenter's newest position, relayed to every follower. */
export function publishPosition(
	request: Request,
	id: string,
	options: RoomHttpOptions
): Promise<Response> {
	return guarded(() => publish(request, id, options));
}

async function publish(request: Request, id: string, options: RoomHttpOptions): Promise<Response> {
	const body = await roomWrite(
		request,
		id,
		options,
		'A room is driven from this site’s own pages.'
	);
	if ('refusal' in body) return body.refusal;
	const parsed = parsePosition((body.value as { position?: unknown } | null)?.position);
	if ('problem' in parsed) return refuse(400, parsed.problem);
	const result = await options.rooms.publish(
		id,
		request.headers.get(roomKeyHeader),
		parsed.position
	);
	if (result === 'wrong-key')
		return refuse(403, 'Only the presenter who opened this room drives it (the room key).');
	if (result === 'unknown-room') return unknownRoom(id);
	return new Response(null, { status: 204 });
}

/** GET /rooms/<room>/events: the room as server-sent events, until the listener goes away. */
export function roomEvents(
	request: Request,
	id: string,
	options: RoomHttpOptions
): Promise<Response> {
	return guarded(() => events(request, id, options));
}

async function events(request: Request, id: string, options: RoomHttpOptions): Promise<Response> {
	if (!isRoomId(id) || !(await options.rooms.has(id))) return unknownRoom(id);
	const encoder = new TextEncoder();
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(started) {
			controller = started;
		},
		cancel() {
			stop();
		}
	});
	const send = (text: string) => {
		try {
			controller.enqueue(encoder.encode(text));
		} catch {
			stop();
		}
	};
	// Reconnect after 2 s when the connection drops (EventSource's own retry).
	send('retry: 2000\n\n');
	// Listening before the answer leaves, so a store that cannot listen gets its 503 or 404.
	let end = () => {};
	const unlisten = await options.rooms.listen(id, (event, data) =>
		event === 'closed' ? end() : send(`event: ${event}\ndata: ${data}\n\n`)
	);
	if (unlisten === 'unknown-room') return unknownRoom(id);
	if (unlisten === 'full') {
		send(`event: refused\ndata: ${JSON.stringify({ error: 'The room is full.' })}\n\n`);
		controller.close();
	} else {
		const heartbeat = setInterval(() => send(': still here\n\n'), heartbeatMs);
		stop = () => {
			clearInterval(heartbeat);
			stop = () => {};
			unlisten();
		};
		end = () => {
			stop();
			try {
				controller.close();
			} catch {
				// already closed
			}
		};
		if (request.signal.aborted) end();
		else request.signal.addEventListener('abort', end);
	}
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// Proxies (nginx) must not buffer the stream.
			'x-accel-buffering': 'no'
		}
	});
}

/** POST /rooms/<room>/pulse: `{follower, step, mark}`, mark one of done, stuck, clear. */
export function markPulse(
	request: Request,
	id: string,
	options: RoomHttpOptions
): Promise<Response> {
	return guarded(() => pulse(request, id, options));
}

async function pulse(request: Request, id: string, options: RoomHttpOptions): Promise<Response> {
	const body = await roomWrite(
		request,
		id,
		options,
		'The pulse is sent from this site’s own pages.'
	);
	if ('refusal' in body) return body.refusal;
	const { follower, step, mark } = (body.value ?? {}) as Record<string, unknown>;
	if (typeof follower !== 'string' || !followerIdPattern.test(follower))
		return refuse(400, 'follower must be the tab’s random name (16 to 64 letters and digits).');
	if (typeof step !== 'string' || !/^[a-z-]{1,40}\/[a-z-]{1,40}$/.test(step))
		return refuse(400, 'step must be “<flow>/<step>”.');
	if (!(pulseMarks as readonly unknown[]).includes(mark))
		return refuse(400, `mark must be one of ${pulseMarks.join(', ')}.`);
	if (!(await options.rooms.mark(id, follower, step, mark as PulseMark)))
		return refuse(429, 'This room’s pulse is full.');
	return new Response(null, { status: 204 });
}

/** GET /rooms/<room>: does the room exist, and how many listen? (A follower asks when its stream drops.) */
export function roomStatus(id: string, options: RoomHttpOptions): Promise<Response> {
	return guarded(async () => {
		if (!isRoomId(id) || !(await options.rooms.has(id)))
			return refuse(404, `There is no follow room “${id.slice(0, 20)}”.`);
		return Response.json({ room: id, listeners: await options.rooms.listeners(id) });
	});
}

/** GET /rooms/<room>/qr.svg?flow=<slug>: the follow link as a QR code, drawn on the server. */
export function roomQr(url: URL, id: string, options: RoomHttpOptions): Promise<Response> {
	return guarded(async () => qr(url, id, options));
}

async function qr(url: URL, id: string, options: RoomHttpOptions): Promise<Response> {
	if (!isRoomId(id) || !(await options.rooms.has(id))) return unknownRoom(id);
	const flow = url.searchParams.get('flow') ?? '';
	if (!isFlowSlug(flow)) return refuse(400, 'Say which flow the link opens: ?flow=<slug>.');
	const svg = renderSVG(followLink(options.origin, flow, id), { border: 2 });
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' }
	});
}
