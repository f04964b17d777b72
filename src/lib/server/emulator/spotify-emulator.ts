/**
 * `grantwalk/emulator`: Grantwalk's Spotify emulator for other projects' tests. One emulator, its
 * default sandbox only, reached three ways: `fetch` (a drop-in for `globalThis.fetch` that answers
 * Spotify's own URLs, https://accounts.spotify.com and https://api.spotify.com, in-process),
 * `listen()` (a real HTTP server, for a browser), and typed methods that run the control API's own
 * handlers without HTTP.
 */
import { eraIds, isEraId, type EraId } from '../../spotify/eras';
import { redirectUriProblem } from './apps';
import type { Clock } from './clock';
import { defaultConfig, demoApp as demoAppSeed, demoUsers, type AppSeed } from './config';
import { appNow } from './context';
import {
	advanceClock as advanceClockControl,
	createAppFromControl,
	expire as expireControl,
	rateLimit as rateLimitControl,
	reset as resetControl
} from './handlers/control';
import { replayAuthorize } from './handlers/control-authorize';
import { createEmulator, fromRequest, toResponse } from './index';
import { under } from './paths';
import { listenEmulator } from './serve';
import type { EmuResponse, User } from './types';

export { eraIds };
export type { Clock, EraId };
export { manualClock } from './clock';

/** An app registered when the emulator is made: kept by `reset()`. */
export interface AppOptions {
	/** Any string: Spotify's are 32 hex characters, but the emulator takes yours as registered. */
	clientId: string;
	clientSecret: string;
	/** Checked against the era's rules, as Spotify's dashboard does. */
	redirectUris: string[];
	name?: string;
	/** Its rules; the emulator's `era` by default. */
	era?: EraId;
	/** Spotify's development mode: only these user ids may call the Web API. */
	developmentMode?: { allowedUsers: string[]; ownerHasPremium: boolean };
}

/** An app added while the emulator runs (`addApp`): credentials are generated, as Spotify does. */
export interface NewAppOptions {
	name?: string;
	era?: EraId;
	/** Default `http://127.0.0.1/callback` (any port, as on Spotify). */
	redirectUris?: string[];
}

export interface AppCredentials {
	clientId: string;
	clientSecret: string;
	name: string;
	era: EraId;
	redirectUris: string[];
}

/** A user who can log in on the emulator's login page and whom `/v1/me` describes. */
export interface UserOptions {
	/** Lower-case letters, digits, `.`, `_` or `-`; also the id unless `id` is given. */
	username: string;
	/** Default: the username. */
	password?: string;
	id?: string;
	/** Default: the username. */
	displayName?: string;
	/** Default: `<username>@example.com`. */
	email?: string;
	/** ISO 3166-1 alpha-2, default `SE`. */
	country?: string;
	/** Default `premium`. */
	product?: 'premium' | 'free';
	followers?: number;
}

export type SpotifyUser = Required<UserOptions>;

export interface SpotifyEmulatorOptions {
	/** Your apps. Grantwalk's demo apps stay beside them unless `demoApps` is false. */
	apps?: AppOptions[];
	/** Keep the demo app (`demoApp`), the legacy app and the development-mode apps; default true. */
	demoApps?: boolean;
	/** Your users. The demo users `demo` and `alex` stay beside them unless `demoUsers` is false. */
	users?: UserOptions[];
	demoUsers?: boolean;
	/** Codes and tokens derive from the seed and what caused them: the same on every run. */
	seed?: string;
	/** The rules of apps that name none, and of requests with no known app; default `2026`. */
	era?: EraId;
	/** Milliseconds since the epoch; the system clock by default (see also `manualClock`). */
	clock?: Clock;
	/** Serve the control API at /emulator/control over HTTP (default true); the methods always work. */
	control?: boolean;
}

/** Where the browser would end up after /authorize, login and Agree or Cancel. */
export type AuthorizeOutcome =
	| { outcome: 'redirect'; status: number; location: string }
	| { outcome: 'page'; status: number; text: string };

export interface IssuedToken {
	kind: 'access_token' | 'refresh_token';
	token: string;
	clientId: string;
	/** null for client-credentials tokens. */
	userId: string | null;
	scopes: string[];
	/** null for a refresh token that lasts until revoked (eras before 2026). */
	expiresAt: Date | null;
	/** Past its expiry or revoked: Spotify would refuse it now. */
	expired: boolean;
}

export interface ListeningEmulator {
	/** `http://127.0.0.1:<port>/emulator` */
	url: string;
	/** Replaces https://accounts.spotify.com: `<url>/accounts` */
	accountsUrl: string;
	/** Replaces https://api.spotify.com: `<url>/api` */
	apiUrl: string;
	port: number;
	close(): Promise<void>;
}

export interface SpotifyEmulator {
	/** A fetch-style handler: the emulator's own URLs and Spotify's two hosts, answered in-process. */
	handle(request: Request): Promise<Response>;
	/**
	 * `handle` with fetch's signature, for `globalThis.fetch` or an SDK's fetch option. Refuses
	 * (TypeError, as fetch does for a network error) any URL that is neither Spotify's nor the
	 * emulator's, so nothing leaves the test.
	 */
	fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
	/** An HTTP server on 127.0.0.1 (or `host`); port 0 (the default) picks a free one. */
	listen(port?: number, host?: string): Promise<ListeningEmulator>;
	/**
	 * Plays the user: opens `url` (Spotify's or the emulator's /authorize), logs in as `username`
	 * (the first user, `demo` by default) and presses Agree (or Cancel).
	 */
	authorize(
		url: string | URL,
		options?: { username?: string; decision?: 'agree' | 'cancel' }
	): AuthorizeOutcome;
	addApp(app?: NewAppOptions): AppCredentials;
	addUser(user: UserOptions): SpotifyUser;
	/** Expires a code, access token or refresh token now; says which it was. */
	expire(value: string): 'code' | 'access_token' | 'refresh_token';
	/** Moves the clock forward for every app, or for one; returns the new time. */
	advanceClock(seconds: number, options?: { clientId?: string }): Date;
	/** The time an app's codes and tokens live by. */
	now(clientId?: string): Date;
	/** The app's Web API calls answer 429 with Retry-After for `seconds`. */
	rateLimit(clientId: string, seconds: number): void;
	/** Back to how it was made (or one app's codes, tokens and approvals only). */
	reset(options?: { clientId?: string }): void;
	/** Every access and refresh token issued and still held. */
	tokens(): IssuedToken[];
	/** The demo app's credentials, when `demoApps` is on. */
	readonly demoApp: AppCredentials | null;
}

/** What a control handler refused: `code` is its `error`, such as `invalid_request`. */
export class SpotifyEmulatorError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly status: number
	) {
		super(message);
		this.name = 'SpotifyEmulatorError';
	}
}

/** The demo app's published credentials (the README's defaults). */
export const demoApp: AppCredentials = credentials(demoAppSeed);

/** The demo users' usernames and passwords: `demo` / `demo` (Premium) and `alex` / `alex`. */
export const demoUserLogins: readonly { username: string; password: string }[] = demoUsers.map(
	({ username, password }) => ({ username, password })
);

const spotifyHosts: Record<string, string> = {
	'accounts.spotify.com': '/accounts',
	'api.spotify.com': '/api'
};

const usernamePattern = /^[a-z0-9._-]{1,64}$/;

function credentials(app: AppSeed): AppCredentials {
	const { clientId, clientSecret, name, era, redirectUris } = app;
	return { clientId, clientSecret, name, era, redirectUris: [...redirectUris] };
}

/** A control handler's JSON answer, or its refusal thrown. */
function answer<T>(response: EmuResponse): T {
	const body = JSON.parse(response.body) as Record<string, unknown>;
	if (response.status >= 400)
		throw new SpotifyEmulatorError(
			String(body.error ?? 'error'),
			String(body.error_description ?? body.error ?? `status ${response.status}`),
			response.status
		);
	return body as T;
}

function toUser(options: UserOptions): User {
	const username = options.username.trim().toLowerCase();
	if (!usernamePattern.test(username))
		throw new SpotifyEmulatorError(
			'invalid_request',
			`username must be 1 to 64 of a-z, 0-9, ".", "_", "-" (not "${options.username}")`,
			400
		);
	const id = options.id ?? username;
	if (!usernamePattern.test(id))
		throw new SpotifyEmulatorError('invalid_request', `user id "${id}" is not valid`, 400);
	return {
		id,
		username,
		password: options.password ?? username,
		displayName: options.displayName ?? username,
		email: options.email ?? `${username}@example.com`,
		country: options.country ?? 'SE',
		product: options.product ?? 'premium',
		followers: options.followers ?? 0
	};
}

export function createSpotifyEmulator(options: SpotifyEmulatorOptions = {}): SpotifyEmulator {
	const era = options.era ?? eraIds[0];
	if (!isEraId(era))
		throw new SpotifyEmulatorError(
			'invalid_request',
			`era must be one of ${eraIds.join(', ')}`,
			400
		);
	const config = defaultConfig();
	config.sandboxes = false;
	config.control = options.control ?? true;
	config.seed = options.seed ?? null;
	config.defaultEra = era;
	if (options.demoApps === false) config.apps = [];
	else config.apps[0].era = era;
	for (const app of options.apps ?? []) {
		if (config.apps.some((known) => known.clientId === app.clientId))
			throw new SpotifyEmulatorError('invalid_request', `client_id ${app.clientId} twice`, 400);
		config.apps.push({
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			name: app.name ?? 'Test app',
			redirectUris: [...app.redirectUris],
			era: app.era ?? era,
			...(app.developmentMode && { developmentMode: { ...app.developmentMode } })
		});
	}
	const initialUsers = () => [
		...(options.demoUsers === false ? [] : demoUsers.map((user) => ({ ...user }))),
		...(options.users ?? []).map(toUser)
	];
	config.users = [];
	for (const user of initialUsers()) addUserTo(user);

	const emulator = createEmulator({ config, ...(options.clock && { clock: options.clock }) });
	const ctx = emulator.context;
	for (const app of config.apps)
		for (const uri of app.redirectUris) {
			const problem = redirectUriProblem(ctx, app.era, uri);
			if (problem) throw new SpotifyEmulatorError('invalid_request', `${problem} (${uri})`, 400);
		}
	const { mount } = config;

	function addUserTo(user: User): User {
		if (config.users.some((u) => u.id === user.id || u.username === user.username))
			throw new SpotifyEmulatorError('invalid_request', `user ${user.username} twice`, 400);
		config.users.push(user);
		return user;
	}

	/** Spotify's URL as the emulator's (same origin, under the mount), or null if not Spotify's. */
	function fromSpotify(url: URL): URL | null {
		const prefix = url.protocol === 'https:' ? spotifyHosts[url.host] : undefined;
		if (prefix === undefined) return null;
		return new URL(`${url.origin}${mount}${prefix}${url.pathname}${url.search}`);
	}

	async function handle(request: Request): Promise<Response> {
		const url = new URL(request.url);
		const mapped = fromSpotify(url);
		if (!mapped) return emulator(request);
		const response = emulator.handleRaw({ ...(await fromRequest(request)), url: mapped });
		// Links in Web API objects (href, next) point at Spotify, where the client sent its request.
		const body = response.body.replaceAll(`${url.origin}${mount}/api`, 'https://api.spotify.com');
		return toResponse({ ...response, body });
	}

	const methods: SpotifyEmulator = {
		handle,
		fetch: async (input, init) => {
			const request = new Request(input, init);
			const url = new URL(request.url);
			if (!fromSpotify(url) && under(url.pathname, mount) === null)
				throw new TypeError(
					`grantwalk/emulator: fetch of ${url.origin}${url.pathname} refused: neither Spotify's nor the emulator's`
				);
			return handle(request);
		},
		listen: async (port = 0, host = '127.0.0.1') => {
			const listening = await listenEmulator(emulator, port, host);
			return {
				url: listening.base,
				accountsUrl: `${listening.base}/accounts`,
				apiUrl: `${listening.base}/api`,
				port: listening.port,
				close: listening.close
			};
		},
		authorize: (
			url,
			{ username = config.users[0]?.username ?? 'demo', decision = 'agree' } = {}
		) => {
			const parsed = new URL(url);
			const target = fromSpotify(parsed) ?? parsed;
			return answer<AuthorizeOutcome>(
				replayAuthorize(
					ctx,
					{
						method: 'POST',
						url: new URL(`${target.origin}${mount}/control/authorize`),
						header: () => null,
						body: ''
					},
					{ url: target.href, username, decision }
				)
			);
		},
		addApp: (app = {}) => {
			const created = answer<{
				client_id: string;
				client_secret: string;
				name: string;
				era: EraId;
				redirect_uris: string[];
			}>(
				createAppFromControl(ctx, {
					era: app.era ?? era,
					...(app.name !== undefined && { name: app.name }),
					...(app.redirectUris && { redirect_uris: app.redirectUris })
				})
			);
			return {
				clientId: created.client_id,
				clientSecret: created.client_secret,
				name: created.name,
				era: created.era,
				redirectUris: created.redirect_uris
			};
		},
		addUser: (user) => ({ ...addUserTo(toUser(user)) }),
		expire: (value) => {
			for (const kind of ['code', 'access_token', 'refresh_token'] as const) {
				const response = expireControl(ctx, { [kind]: value });
				if (response.status !== 404) return answer<{ expired: typeof kind }>(response).expired;
			}
			throw new SpotifyEmulatorError('not_found', 'No such code or token.', 404);
		},
		advanceClock: (seconds, { clientId } = {}) =>
			new Date(
				answer<{ now: string }>(
					advanceClockControl(ctx, {
						advance_seconds: seconds,
						...(clientId !== undefined && { client_id: clientId })
					})
				).now
			),
		now: (clientId) => new Date(appNow(ctx, clientId ?? null)),
		rateLimit: (clientId, seconds) => {
			answer(rateLimitControl(ctx, { client_id: clientId, seconds }));
		},
		reset: ({ clientId } = {}) => {
			answer(resetControl(ctx, clientId === undefined ? {} : { client_id: clientId }));
			if (clientId === undefined) config.users = initialUsers();
		},
		tokens: () => {
			const issued: IssuedToken[] = [];
			for (const [token, record] of ctx.store.accessTokens.entries())
				issued.push({
					kind: 'access_token',
					token,
					clientId: record.clientId,
					userId: record.userId,
					scopes: [...record.scopes],
					expiresAt: new Date(record.expiresAt),
					expired: record.expiresAt <= appNow(ctx, record.clientId)
				});
			for (const [token, record] of ctx.store.refreshTokens.entries())
				issued.push({
					kind: 'refresh_token',
					token,
					clientId: record.clientId,
					userId: record.userId,
					scopes: [...record.scopes],
					expiresAt: record.expiresAt === null ? null : new Date(record.expiresAt),
					expired:
						record.revoked ||
						(record.expiresAt !== null && record.expiresAt <= appNow(ctx, record.clientId))
				});
			return issued;
		},
		demoApp: options.demoApps === false ? null : credentials(config.apps[0])
	};
	return methods;
}
