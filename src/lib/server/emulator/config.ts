/**
 * The emulator's configuration and its documented defaults: the demo app (overridable with
 * EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URIS, EMULATOR_ERA), the legacy
 * app that follows the rules from before 2025-11-27, two development-mode apps whose Web API
 * calls are refused, and the demo users. Tests and the site import these values instead of
 * repeating them.
 */
import {
	demoAppCredentials,
	legacyAppCredentials,
	noPremiumAppCredentials,
	unregisteredUserAppCredentials
} from '$lib/spotify/demo-apps';
import { defaultEraId, isEraId, type EraId } from '../../spotify/eras';
import { allowedHostNames, isLoopbackHost, listensBeyondLoopback } from '../hosting.js';
import { defaultCaps, sandboxCaps, type StoreCaps } from './store';
import { demoUsers } from './fixtures/users';
import type { DevelopmentMode, User } from './types';

export { demoUsers };

export interface AppSeed {
	clientId: string;
	clientSecret: string;
	name: string;
	redirectUris: string[];
	era: EraId;
	developmentMode?: DevelopmentMode;
}

/** The main demo app's Client ID (32 hex characters, like Spotify's). */
export const defaultClientId: string = demoAppCredentials.clientId;
/** The demo app's secret: a published demo value, not a secret of anyone's. */
export const defaultClientSecret: string = demoAppCredentials.clientSecret;
/**
 * Loopback literals registered without a port accept any port (reference §5.1), so the site on
 * 127.0.0.1:5173 or :4173 and a developer's app on any port all match.
 */
export const defaultRedirectUris: readonly string[] = [
	'http://127.0.0.1/callback',
	'http://[::1]/callback',
	'https://grantwalk.example/callback',
	'https://example.com/callback'
];

/** An app created before 2025: implicit grant allowed, http://localhost accepted. */
export const legacyApp: AppSeed = {
	clientId: legacyAppCredentials.clientId,
	clientSecret: legacyAppCredentials.clientSecret,
	name: 'Legacy app (classic rules)',
	redirectUris: [
		'http://127.0.0.1/callback',
		'http://[::1]/callback',
		'http://localhost:8888/callback',
		'http://localhost:5173/callback',
		'http://localhost:4173/callback',
		'https://example.com/callback'
	],
	era: 'classic'
};

export const demoApp: AppSeed = {
	clientId: defaultClientId,
	clientSecret: defaultClientSecret,
	name: 'Grantwalk demo app',
	redirectUris: [...defaultRedirectUris],
	era: defaultEraId
};

/**
 * Development mode, allow-list without the demo user (only `alex`): demo's tokens are issued, but
 * the Web API answers 403 `user-not-registered` to them (reference §9: "may log in and get a
 * token"); alex's work, and app tokens too, since the allow-list is about users.
 */
export const unregisteredUserApp: AppSeed = {
	...unregisteredUserAppCredentials,
	name: 'Development-mode app (demo user not registered)',
	redirectUris: [...defaultRedirectUris],
	era: '2026',
	developmentMode: { allowedUsers: ['alex'], ownerHasPremium: true }
};

/** Development mode, owner without Premium (2026 rule): every Web API call answers 403. */
export const noPremiumApp: AppSeed = {
	...noPremiumAppCredentials,
	name: 'Development-mode app (owner without Premium)',
	redirectUris: [...defaultRedirectUris],
	era: '2026',
	developmentMode: { allowedUsers: ['demo', 'alex'], ownerHasPremium: false }
};

/** The seeded apps beside the demo app, in the order the dashboard lists them. */
const otherSeededApps: readonly AppSeed[] = [legacyApp, unregisteredUserApp, noPremiumApp];

/**
 * When the consent page is shown to a user who approved the app before: `remember` is Spotify's
 * behaviour (the approval is remembered, and the next /authorize for the same scopes goes straight
 * back unless it sends show_dialog=true); `every-time` is a workshop's, where the whole class must
 * see the consent page on every run, with "Remember my approval" a box each attendee may tick.
 */
export const consentModes = ['every-time', 'remember'] as const;
export type ConsentMode = (typeof consentModes)[number];

/**
 * EMULATOR_CONSENT when it names a mode; otherwise `every-time` for a class (`workshop`), else
 * Spotify's `remember`. An unknown value keeps the default, as every EMULATOR_* variable does.
 */
export function consentModeFromEnv(
	env: Record<string, string | undefined>,
	workshop: boolean
): ConsentMode {
	const given = env.EMULATOR_CONSENT?.trim().toLowerCase();
	const named = consentModes.find((mode) => mode === given);
	return named ?? (workshop ? 'every-time' : 'remember');
}

export interface EmulatorConfig {
	/** Path prefix the emulator is mounted at: `/emulator` on the site and standalone. */
	mount: string;
	apps: AppSeed[];
	/** Who can log in: the demo users, plus any a test added (createSpotifyEmulator's addUser). */
	users: User[];
	/** Era used when no app is known (a Web API call with a missing or unknown token). */
	defaultEra: EraId;
	/**
	 * EMULATOR_SEED: the seed of requests that carry no `grantwalk_seed` cookie (seed.ts), or null
	 * for random codes and tokens.
	 */
	seed: string | null;
	/** Control endpoints under <mount>/control/ (EMULATOR_CONTROL=off removes them). */
	control: boolean;
	codeTtlSeconds: number;
	accessTokenTtlSeconds: number;
	/** Reference §11: enforce RFC 7636's 43–128 unreserved characters on code_verifier. */
	enforceVerifierFormat: boolean;
	/** Reference §5.1: one report saw custom schemes refused as insecure. */
	customSchemesInsecure: boolean;
	/** The default sandbox's caps: requests without a sandbox cookie (curl, your own app). */
	caps: StoreCaps;
	/**
	 * One sandbox per browser (sandbox.ts): on for the site, off for the emulator alone, which
	 * keeps the one default sandbox for a developer's own app.
	 */
	sandboxes: boolean;
	/** Each attendee sandbox's caps. */
	sandboxCaps: StoreCaps;
	/** EMULATOR_MAX_SANDBOXES: at most this many attendee sandboxes at once. */
	maxSandboxes: number;
	/** A sandbox unused this long is forgotten; when all are taken, one idle this long may go. */
	sandboxIdleSeconds: number;
	/**
	 * GRANTWALK_PRESENTER_KEY: the key for shared settings (the demo apps' registered redirect
	 * URIs as every sandbox sees them, resetting every sandbox).
	 */
	presenterKey: string | null;
	/** Shared settings need the key: it is set, or the server listens beyond loopback. */
	presenterKeyRequired: boolean;
	/**
	 * Host names (not loopback) the site is served on for a class: GRANTWALK_ALLOWED_HOSTS,
	 * ORIGIN's host, HOST. With non-loopback IP literals, the origins whose own `/callback` the
	 * demo apps accept over http (classHosting in check-redirect-uri.ts).
	 */
	classHosts: string[];
	/**
	 * EMULATOR_CONSENT (consentModeFromEnv): `every-time` on the site run for a class, else
	 * Spotify's `remember`.
	 */
	consent: ConsentMode;
}

export function defaultConfig(): EmulatorConfig {
	return {
		mount: '/emulator',
		apps: [demoApp, ...otherSeededApps].map((app) => ({
			...app,
			redirectUris: [...app.redirectUris]
		})),
		users: demoUsers.map((user) => ({ ...user })),
		defaultEra: defaultEraId,
		seed: null,
		control: true,
		codeTtlSeconds: 600,
		accessTokenTtlSeconds: 3600,
		enforceVerifierFormat: true,
		customSchemesInsecure: false,
		caps: { ...defaultCaps },
		sandboxes: true,
		sandboxCaps: { ...sandboxCaps },
		maxSandboxes: 200,
		sandboxIdleSeconds: 12 * 3600,
		presenterKey: null,
		presenterKeyRequired: false,
		classHosts: [],
		consent: 'remember'
	};
}

/** Reads EMULATOR_* variables; anything absent or invalid keeps its documented default. */
export function configFromEnv(env: Record<string, string | undefined>): EmulatorConfig {
	const config = defaultConfig();
	const demo = config.apps[0];
	const id = env.EMULATOR_CLIENT_ID?.trim();
	if (id) demo.clientId = id;
	const secret = env.EMULATOR_CLIENT_SECRET?.trim();
	if (secret) demo.clientSecret = secret;
	const uris = env.EMULATOR_REDIRECT_URIS?.split(',')
		.map((u) => u.trim())
		.filter((u) => u.length > 0);
	if (uris?.length) {
		demo.redirectUris = uris;
		// The development-mode apps register the demo app's URIs, so they work wherever it does.
		for (const app of config.apps) if (app.developmentMode) app.redirectUris = [...uris];
	}
	const era = env.EMULATOR_ERA?.trim();
	if (era && isEraId(era)) {
		demo.era = era;
		config.defaultEra = era;
	}
	if (env.EMULATOR_CONTROL?.trim().toLowerCase() === 'off') config.control = false;
	const seed = env.EMULATOR_SEED?.trim();
	if (seed) config.seed = seed;
	const max = Number(env.EMULATOR_MAX_SANDBOXES);
	if (Number.isInteger(max) && max >= 0 && max <= 100_000) config.maxSandboxes = max;
	const host = env.HOST?.trim() || '127.0.0.1';
	config.presenterKey = env.GRANTWALK_PRESENTER_KEY?.trim() || null;
	config.presenterKeyRequired = config.presenterKey !== null || listensBeyondLoopback(host);
	config.classHosts = [...allowedHostNames(env, host)].filter(
		(name) => !isLoopbackHost(name) && name !== '0.0.0.0' && name !== '::'
	);
	// A class: the server is reachable from other machines, has a presenter key or a workshop seed.
	config.consent = consentModeFromEnv(env, config.presenterKeyRequired || config.seed !== null);
	// The seeded apps must stay distinct even if someone gives the demo app another one's id.
	config.apps = config.apps.filter((app, i) => i === 0 || app.clientId !== demo.clientId);
	return config;
}
