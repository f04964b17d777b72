/**
 * One view over everything the error catalog (errors.ts) holds — Spotify's answers, the checks a
 * client makes itself, and the notices no OAuth endpoint sends — shaped for the error decoder and
 * the /errors/<slug> pages: what the developer sees, where, and a link that reproduces it.
 */
import {
	clientCheckErrors,
	otherNotices,
	spotifyErrors,
	tokenErrorBody,
	webApiErrorBody,
	type SpotifyErrorEntry,
	type SpotifyErrorSlug
} from './errors';
import type { FlowSlug } from './flows';

export interface Reproduction {
	href: string;
	flow: FlowSlug;
}

export type CatalogKind = 'spotify' | 'client-check' | 'notice';

export interface CatalogEntry {
	slug: string;
	kind: CatalogKind;
	/** Where Spotify answers it, for Spotify's own errors. */
	surface?: SpotifyErrorEntry['surface'];
	title: string;
	/** Where the developer meets it, in words. */
	where: string;
	/** The step of a flow that produces it, in words. */
	step: string;
	/** Exactly what the developer sees (a JSON body, a page text, a redirect). */
	symptom?: string;
	status: number | null;
	code?: string;
	causes: readonly string[];
	fix: string;
	flows: readonly FlowSlug[];
	problem?: number;
	/** A flow page that reproduces it in the emulator (`?break=` names the mistake). */
	reproduce?: Reproduction;
}

const surfaceLabel: Record<SpotifyErrorEntry['surface'], string> = {
	'authorize-page': 'An error page at accounts.spotify.com/authorize (no redirect)',
	'authorize-redirect': 'On the redirect back to your app',
	token: 'The JSON answer of POST accounts.spotify.com/api/token',
	'web-api': 'The JSON answer of api.spotify.com',
	dashboard: 'The developer dashboard'
};

const stepLabel: Record<string, string> = {
	authorize: 'Sending the user to /authorize',
	callback: 'The redirect back to your app',
	token: 'Exchanging the code (POST /api/token)',
	refresh: 'Refreshing the token (POST /api/token)',
	'api-call': 'Calling the Web API',
	'app settings': 'Registering the app in the dashboard',
	'outside OAuth': 'Outside Spotify’s OAuth flows'
};

export function stepName(step: string): string {
	return stepLabel[step] ?? step;
}

/** Example for a `{value}` in a catalog text: what the template looks like filled in. */
const templateExample = 'password';

/** Exactly what Spotify sends for a catalog entry, as the developer sees it. */
export function symptomOf(e: SpotifyErrorEntry): string | undefined {
	const slug = e.slug as SpotifyErrorSlug;
	if (e.surface === 'token') return JSON.stringify(tokenErrorBody(slug, templateExample));
	if (e.surface === 'web-api') return JSON.stringify(webApiErrorBody(slug));
	if (e.surface === 'authorize-redirect') return `?error=${e.code}&state=…`;
	return e.text;
}

/** Entries the emulator cannot produce: undocumented causes, or not an OAuth answer at all. */
const notReproducible = new Set(['failed-to-get-client', 'something-went-wrong']);

/**
 * The teaching mistake (src/lib/oauth/mistakes.ts) that produces an error, and the flows it runs
 * in. Spelled out here because this layer must not import the protocol layer; a test checks it
 * against the mistakes' own `expectedError`.
 */
export const breakingMistakes: Partial<
	Record<SpotifyErrorSlug, { name: string; flows: readonly FlowSlug[] }>
> = {
	'invalid-authorization-code': {
		name: 'reuseCode',
		flows: ['authorization-code', 'authorization-code-pkce']
	},
	'code-verifier-incorrect': { name: 'wrongVerifier', flows: ['authorization-code-pkce'] },
	'invalid-redirect-uri-token': {
		name: 'differentRedirectUri',
		flows: ['authorization-code', 'authorization-code-pkce']
	},
	'grant-type-missing': {
		name: 'bodyAsJson',
		flows: ['authorization-code', 'authorization-code-pkce', 'client-credentials']
	}
};

/**
 * The flow page that reproduces an error in the emulator: `/flows/<flow>?break=<name>`, where the
 * name is a teaching mistake when one produces it, else the catalog slug.
 */
export function reproduceLink(slug: string, flows: readonly FlowSlug[]): Reproduction | undefined {
	if (notReproducible.has(slug) || flows.length === 0) return undefined;
	const mistake = breakingMistakes[slug as SpotifyErrorSlug];
	const usable = mistake ? flows.filter((f) => mistake.flows.includes(f)) : flows;
	const flow = usable.includes('authorization-code-pkce') ? 'authorization-code-pkce' : usable[0];
	if (!flow) return undefined;
	return { href: `/flows/${flow}?break=${encodeURIComponent(mistake?.name ?? slug)}`, flow };
}

function fromSpotify(e: SpotifyErrorEntry): CatalogEntry {
	return {
		slug: e.slug,
		kind: 'spotify',
		surface: e.surface,
		title: e.title,
		where: surfaceLabel[e.surface],
		step: stepName(e.step),
		symptom: symptomOf(e),
		status: e.status,
		code: e.code,
		causes: e.causes,
		fix: e.fix,
		flows: e.flows,
		problem: e.problem,
		reproduce: e.surface === 'dashboard' ? undefined : reproduceLink(e.slug, e.flows)
	};
}

export const catalog: readonly CatalogEntry[] = [
	...spotifyErrors.map((e) => fromSpotify(e)),
	...clientCheckErrors.map((e): CatalogEntry => ({
		slug: e.slug,
		kind: 'client-check',
		title: e.title,
		where: 'Your own app’s checks (Spotify sends no error)',
		step: stepName(e.step),
		symptom: e.code === 'state_mismatch' ? '#error=state_mismatch' : undefined,
		status: null,
		code: e.code,
		causes: e.causes,
		fix: e.fix,
		flows: e.flows,
		reproduce: e.code === 'state_mismatch' ? reproduceLink(e.slug, e.flows) : undefined
	})),
	...otherNotices.map((e): CatalogEntry => ({
		slug: e.slug,
		kind: 'notice',
		title: e.title,
		where: e.where,
		step: stepName(e.step),
		symptom: e.text,
		status: null,
		causes: e.causes,
		fix: e.fix,
		flows: [],
		problem: 'problem' in e ? e.problem : undefined
	}))
];

const bySlug = new Map(catalog.map((e) => [e.slug, e]));

export function findCatalogEntry(slug: string): CatalogEntry | undefined {
	return bySlug.get(slug);
}
