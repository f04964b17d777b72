/**
 * The shape every developer tool answers in: a list of findings, each a verdict on one rule with
 * the reason and the fix. The linter, the inspectors and their pages share it, so one component
 * shows them all the same way.
 */
import type { SpotifyErrorSlug } from '$lib/spotify/errors';

/** `fail`: Spotify refuses it; `warn`: works but is risky or discouraged; `pass`/`info`: fine. */
export type FindingLevel = 'pass' | 'info' | 'warn' | 'fail';

export interface Finding {
	/** Stable id of the rule, for code and tests (never match on the message text). */
	rule: string;
	level: FindingLevel;
	title: string;
	/** Why: what Spotify does with this, in a sentence or two. */
	reason: string;
	fix?: string;
	/** The catalog entry Spotify answers with when this rule fails. */
	error?: SpotifyErrorSlug;
	/** The mistake of the catalog of mistakes (tools/mistakes/catalog.ts) this finding is. */
	mistake?: string;
}

const rank: Record<FindingLevel, number> = { pass: 0, info: 1, warn: 2, fail: 3 };

/** The most serious level among the findings (`pass` for none). */
export function worstLevel(findings: readonly { level: FindingLevel }[]): FindingLevel {
	return findings.reduce<FindingLevel>((w, f) => (rank[f.level] > rank[w] ? f.level : w), 'pass');
}

/** Findings ordered most serious first, keeping the order of equals. */
export function bySeverity<T extends { level: FindingLevel }>(findings: readonly T[]): T[] {
	return [...findings].sort((a, b) => rank[b.level] - rank[a.level]);
}

/** Longest input a tool accepts: enough for any real request, and short enough that a GET tool's
 * link stays under the 16 KB header limit of Node, so the page (not the server) answers. */
export const MAX_INPUT_LENGTH = 8_000;

/** A refusal for input over the limit, worded for the page. */
export function tooLong(length: number, limit = MAX_INPUT_LENGTH): string {
	return `The input has ${length.toLocaleString('en')} characters; the limit is ${limit.toLocaleString('en')}. Paste only the part that matters.`;
}
