/**
 * One view over everything the error catalog (errors.ts) holds — Spotify's answers, the checks a
 * client makes itself, and the notices no OAuth endpoint sends — shaped for the error decoder and
 * the /errors/<slug> pages: what the developer sees and where. (How to reproduce each one in the
 * emulator is the flows' business: src/lib/flows/reproductions.ts.)
 */
import {
	clientCheckErrors,
	otherNotices,
	spotifyErrors,
	tokenErrorBody,
	webApiErrorBody,
	type ClientCheckSlug,
	type NoticeSlug,
	type SpotifyErrorEntry,
	type SpotifyErrorSlug
} from './errors';
import type { FlowSlug } from './flows';

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
}

/** Every slug of the catalog: Spotify's errors, the client's own checks, the notices. */
export type CatalogSlug = SpotifyErrorSlug | ClientCheckSlug | NoticeSlug;

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
		problem: e.problem
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
		flows: e.flows
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
