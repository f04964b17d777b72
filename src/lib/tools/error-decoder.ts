/**
 * The error decoder: anything Spotify said — a page text, a token JSON body, a redirect's
 * `error=`, a Web API error, a bare status — matched to the error catalog, so the answer (step,
 * causes, fix, reproduction) comes from the one catalog the emulator also speaks from
 * (Spotify: concepts/api-calls error objects; RFC 6749 §4.1.2.1 and §5.2; reference §10).
 */
import { catalog, findCatalogEntry, type CatalogEntry } from '$lib/spotify/error-entries';
import { findTokenError, findWebApiError, spotifyErrors } from '$lib/spotify/errors';
import { MAX_INPUT_LENGTH, tooLong } from './findings';

export interface DecodedMatch {
	entry: CatalogEntry;
	/** How the input was read, e.g. "token endpoint JSON body". */
	how: string;
}

export type DecodeResult =
	| { kind: 'empty' }
	| { kind: 'too-long'; message: string }
	| { kind: 'recognised'; matches: DecodedMatch[] }
	| { kind: 'unknown'; closest: CatalogEntry[] };

/** Older or partial wordings people paste, for answers whose catalog text is the current one. */
const aliases: readonly [text: string, slug: string][] = [
	['User not approved for app', 'user-not-registered'],
	['User not registered in the Developer Dashboard', 'user-not-registered'],
	['the user may not be registered', 'user-not-registered'],
	['Active premium subscription required', 'premium-required'],
	['API rate limit exceeded', 'rate-limited'],
	['Too Many Requests', 'rate-limited'],
	['Retry-After', 'rate-limited'],
	// 2016: a JSON content type got 415 instead of today's grant_type parameter is missing.
	['Unexpected status: 415', 'grant-type-missing'],
	[
		'grant_type must be client_credentials, authorization_code or refresh_token',
		'grant-type-unsupported'
	],
	// 2019–2023: a client-credentials token on /v1/me/... answered 404 Invalid username.
	['Invalid username', 'insufficient-client-scope'],
	["KeyError: 'refresh_token'", 'refresh-token-must-be-supplied'],
	['This redirect URI is not secure', 'redirect-uri-not-secure'],
	['EADDRINUSE', 'address-already-in-use'],
	['Spotify network / VPN', 'spotify-network-vpn'],
	['on the Spotify network', 'spotify-network-vpn'],
	// The browser's own words (Chrome, Firefox, Safari), when the answer lacks CORS headers.
	["No 'Access-Control-Allow-Origin' header", 'cors-blocked'],
	['Cross-Origin Request Blocked', 'cors-blocked'],
	['CORS request did not succeed', 'cors-blocked'],
	['not allowed by Access-Control-Allow-Origin', 'cors-blocked']
];

const normalise = (s: string) =>
	s
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[.!]+$/, '')
		.trim();

/** Every text the decoder looks for, longest first, so the most specific wins. */
const texts: readonly { text: string; slug: string }[] = [
	...catalog.flatMap((e) => {
		const source = spotifyErrors.find((s) => s.slug === e.slug);
		const text =
			source && 'text' in source ? source.text : e.kind === 'notice' ? e.symptom : undefined;
		return text && !text.includes('{value}') ? [{ text: normalise(text), slug: e.slug }] : [];
	}),
	...aliases.map(([text, slug]) => ({ text: normalise(text), slug }))
].sort((a, b) => b.text.length - a.text.length);

function entry(slug: string | undefined, how: string): DecodedMatch[] {
	const e = slug === undefined ? undefined : findCatalogEntry(slug);
	return e ? [{ entry: e, how }] : [];
}

/** Reads a JSON error body, Spotify's token shape or its Web API shape, anywhere in the input. */
function fromJson(input: string): DecodedMatch[] {
	const start = input.indexOf('{');
	const end = input.lastIndexOf('}');
	if (start < 0 || end <= start) return [];
	let body: unknown;
	try {
		body = JSON.parse(input.slice(start, end + 1));
	} catch {
		return [];
	}
	if (typeof body !== 'object' || body === null || !('error' in body)) return [];
	const { error } = body as { error: unknown; error_description?: unknown };
	const description = (body as { error_description?: unknown }).error_description;
	if (typeof error === 'string') {
		const desc = typeof description === 'string' ? description : undefined;
		const exact = findTokenError(error, desc);
		if (exact) return entry(exact.slug, 'token endpoint JSON body');
		const alias = desc === undefined ? undefined : fromText(desc);
		if (alias?.length) return alias;
		const sameCode = catalog.filter((e) => e.code === error);
		return sameCode.map((e) => ({
			entry: e,
			how: `same error code ${error}, another description`
		}));
	}
	if (typeof error === 'object' && error !== null && 'status' in error) {
		const { status, message } = error as { status: unknown; message?: unknown };
		if (typeof status !== 'number') return [];
		const text = typeof message === 'string' ? message : undefined;
		const found = findWebApiError(status, text);
		if (found) return entry(found.slug, 'Web API JSON error');
		const alias = text === undefined ? [] : fromText(text);
		return alias.length > 0 ? alias : fromStatus(status);
	}
	return [];
}

/** Reads `error=…` from a redirect URL, its query or its fragment. */
function fromRedirect(input: string): DecodedMatch[] {
	const m = /(?:^|[?#&\s])error=([^&#\s"']*)/.exec(input);
	if (!m) return [];
	let code: string;
	try {
		code = decodeURIComponent(m[1].replace(/\+/g, ' '));
	} catch {
		code = m[1];
	}
	const fragment = input.slice(0, m.index + 1).includes('#');
	const how = fragment ? 'error in the redirect’s fragment' : 'error in the redirect’s query';
	const found = catalog.filter(
		(e) => e.code === code && (e.surface === 'authorize-redirect' || e.kind === 'client-check')
	);
	if (found.length > 0) return found.slice(0, 1).map((e) => ({ entry: e, how }));
	// A token error code pasted as error=… (from logs) still names its entries.
	return catalog
		.filter((e) => e.code === code)
		.map((e) => ({ entry: e, how: `error code ${code}` }));
}

/** Finds catalog texts inside free text (a log line, a stack trace, a page). */
function fromText(input: string): DecodedMatch[] {
	const haystack = normalise(input);
	const hits: { text: string; slug: string }[] = [];
	for (const t of texts)
		if (
			haystack.includes(t.text) &&
			!hits.some((h) => h.text !== t.text && h.text.includes(t.text))
		)
			hits.push(t);
	const template = /grant_type (.*) is not supported/i.exec(input);
	const found = [...hits.map((h) => h.slug), ...(template ? ['grant-type-unsupported'] : [])];
	// `INVALID_CLIENT: Invalid redirect URI` without its prefix could be either step.
	for (const slug of [...found]) {
		const text = texts.find((t) => t.slug === slug)?.text;
		for (const t of texts)
			if (text && t.text.endsWith(`: ${text}`) && !found.includes(t.slug)) found.push(t.slug);
	}
	const ranked = rankBySurface(input, [...new Set(found)]);
	return ranked.flatMap((slug) => entry(slug, 'Spotify’s exact wording'));
}

/** Where the input mentions the Web API or the token endpoint, prefer that surface's entries. */
function rankBySurface(input: string, slugs: string[]): string[] {
	const api = /api\.spotify\.com|\/v1\//.test(input);
	const token = /\/api\/token/.test(input);
	if (!api && !token) return slugs;
	const wanted = api ? 'web-api' : 'token';
	const prefer = (slug: string) => (findCatalogEntry(slug)?.surface === wanted ? 0 : 1);
	return [...slugs].sort((a, b) => prefer(a) - prefer(b));
}

const statusPattern =
	/(?:^\s*|HTTP\/\d(?:\.\d)?\s+|status(?: code)?[:=\s]+|\b)(401|403|405|429)\b(?:\s+(?:Unauthorized|Forbidden|Method Not Allowed|Too Many Requests))?/i;

/** A bare status: every Web API entry with it, most common first. */
function fromStatus(status: number): DecodedMatch[] {
	return catalog
		.filter((e) => e.status === status && e.surface === 'web-api')
		.sort((a, b) => (a.problem ?? 99) - (b.problem ?? 99))
		.map((e) => ({ entry: e, how: `HTTP status ${status}` }));
}

const stopWords = new Set([
	'the',
	'and',
	'for',
	'not',
	'was',
	'with',
	'your',
	'this',
	'has',
	'are'
]);

function wordsOf(text: string): Set<string> {
	return new Set(
		normalise(text)
			.split(/[^a-z0-9_]+/)
			.filter((w) => w.length > 2 && !stopWords.has(w))
	);
}

/** Words shared with an entry, for the honest "closest matches" of an unknown input. */
function closest(input: string): CatalogEntry[] {
	const words = wordsOf(input);
	if (words.size === 0) return [];
	return catalog
		.map((e) => {
			const own = wordsOf(`${e.title} ${e.symptom ?? ''} ${e.code ?? ''}`);
			let shared = 0;
			for (const w of own) if (words.has(w)) shared++;
			return { e, score: own.size === 0 ? 0 : shared / own.size };
		})
		.filter((x) => x.score > 0)
		.sort((a, b) => b.score - a.score)
		.slice(0, 3)
		.map((x) => x.e);
}

/** Decodes anything Spotify said into catalog entries, most likely first. */
export function decodeSpotifyError(raw: string): DecodeResult {
	const input = raw.trim();
	if (input === '') return { kind: 'empty' };
	if (input.length > MAX_INPUT_LENGTH) return { kind: 'too-long', message: tooLong(input.length) };
	const status = statusPattern.exec(input);
	for (const read of [fromJson, fromRedirect, fromText]) {
		const matches = read(input);
		if (matches.length > 0) return { kind: 'recognised', matches: dedupe(matches) };
	}
	if (status) return { kind: 'recognised', matches: fromStatus(Number(status[1])) };
	return { kind: 'unknown', closest: closest(input) };
}

function dedupe(matches: DecodedMatch[]): DecodedMatch[] {
	return matches.filter((m, i) => matches.findIndex((n) => n.entry.slug === m.entry.slug) === i);
}
