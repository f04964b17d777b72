/**
 * The grader's result: every failure of an answer, most fundamental first, each with Spotify's
 * exact answer, the rule, its source and the fix; and what the emulator answered when the request
 * was run. A failure comes from the catalog of mistakes, so the debug tools name it the same way.
 */
import { maskBody } from '$lib/core/masking';
import {
	getSpotifyError,
	tokenErrorBody,
	webApiErrorBody,
	type SpotifyErrorSlug
} from '$lib/spotify/errors';
import type { MistakeEntry, RecognisedMistake } from '$lib/tools/mistakes/catalog';
import type { AuthorizeOutcome, TokenOutcome } from './types';

export interface SpotifyAnswer {
	/** HTTP status, or null for a redirect that carries the error. */
	status: number | null;
	/** The body, the page text, or the redirect's query, exactly. */
	text: string;
	slug: SpotifyErrorSlug;
}

export interface Failure {
	/** The catalog mistake's id (`body-as-json`), or `spotify-refused` when none explains it. */
	id: string;
	title: string;
	detail?: string;
	didYouMean?: string;
	rule: string;
	sources: readonly string[];
	fix: string;
	answer?: SpotifyAnswer;
	consequence?: string;
	/** The one the emulator stopped at: Spotify answers this failure first. */
	first?: boolean;
}

export interface GradeResult {
	passed: boolean;
	/** When the answer could not be read at all. */
	unreadable?: string;
	failures: Failure[];
	/** What the emulator did with the answer, in a line ("HTTP 400 {…}"). */
	executed?: string;
	/** How the answer was read (curl, python requests, …), for the result page. */
	readAs?: string;
}

/** Spotify's exact answer for a catalog error, as the learner would see it. */
export function spotifyAnswer(slug: SpotifyErrorSlug, value = ''): SpotifyAnswer {
	const e = getSpotifyError(slug);
	switch (e.surface) {
		case 'token':
			return { slug, status: e.status, text: JSON.stringify(tokenErrorBody(slug, value)) };
		case 'web-api':
			return { slug, status: e.status, text: JSON.stringify(webApiErrorBody(slug)) };
		case 'authorize-redirect':
			return { slug, status: e.status, text: `redirect_uri?error=${e.code ?? ''}&state=…` };
		default:
			return { slug, status: e.status, text: e.text ?? e.title };
	}
}

export function failureOf({ mistake, detection }: RecognisedMistake): Failure {
	return fromEntry(mistake, detection.detail, detection.didYouMean, detection.value);
}

export function fromEntry(
	mistake: MistakeEntry,
	detail?: string,
	didYouMean?: string,
	value?: string
): Failure {
	return {
		id: mistake.id,
		title: mistake.title,
		...(detail && { detail }),
		...(didYouMean && { didYouMean }),
		rule: mistake.rule,
		sources: mistake.sources,
		fix: mistake.fix,
		...(mistake.error && { answer: spotifyAnswer(mistake.error, value) }),
		...(mistake.consequence && { consequence: mistake.consequence })
	};
}

/** Marks the failure Spotify answers first, or adds the refusal when no mistake explains it. */
export function withExecution(
	failures: Failure[],
	refusedWith: SpotifyErrorSlug | undefined,
	shown: string
): Failure[] {
	if (!refusedWith) return failures;
	const hit = failures.find((f) => f.answer?.slug === refusedWith);
	if (hit) {
		hit.first = true;
		return failures;
	}
	const e = getSpotifyError(refusedWith);
	return [
		{
			id: 'spotify-refused',
			title: `Spotify refuses it: ${e.title}`,
			detail: shown,
			rule: e.causes[0] ?? e.title,
			sources: [`/errors/${refusedWith}`],
			fix: e.fix,
			answer: spotifyAnswer(refusedWith),
			first: true
		},
		...failures
	];
}

/** The emulator's answer to an authorize URL, in a line. */
export function describeAuthorize(outcome: AuthorizeOutcome): string {
	if (outcome.kind === 'page')
		return `Spotify shows its error page (HTTP ${outcome.status}): ${outcome.text}`;
	if (outcome.kind === 'redirect-error')
		return `Spotify redirects back with an error: ${outcome.location.replace(/^[^?#]*/, '…')}`;
	return 'Spotify shows the consent page, then redirects back with ?code=…&state=…: accepted.';
}

/** The emulator's answer to a token request, in a line, tokens cut short. */
export function describeToken(outcome: TokenOutcome): string {
	return `HTTP ${outcome.status} ${maskBody(outcome.body)}`;
}

/**
 * The answer refilled in the form (JavaScript off). The attempt's own values (a made-up secret,
 * the code shown) may stay; anything else shaped like a secret masks the whole answer, as the
 * debug tools mask it, so a real secret typed by mistake is never sent back.
 */
export function refill(
	answer: string,
	own: readonly string[],
	mask: (text: string) => string
): string {
	// The own values become the mask itself, which masking leaves alone; what is left over shows.
	const stripped = own
		.filter((v) => v.length >= 8)
		.reduce((text, value) => text.split(value).join('REDACTED'), answer);
	return mask(stripped) === stripped ? answer : mask(answer);
}
