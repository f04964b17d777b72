/**
 * Checks a `scope` parameter the way Spotify reads it (concepts/scopes; shared/spotify-reference.md
 * §8): space-separated, documented scopes only; anything else makes /authorize answer Illegal scope.
 */
import { editDistance } from './edit-distance';
import type { Finding } from './findings';
import { illegalScopes, isKnownScope, scopes, splitScopeParameter } from '$lib/spotify/scopes';

/** The documented scope a misspelt one was probably meant to be. */
export function suggestScope(name: string): string | undefined {
	const lower = name.toLowerCase();
	let best: { name: string; d: number } | undefined;
	for (const s of scopes) {
		const d = editDistance(lower, s.name);
		if (d <= 3 && (!best || d < best.d)) best = { name: s.name, d };
	}
	return best?.name;
}

/** Findings on a `scope` value (null when the parameter is absent). */
export function checkScopeParameter(value: string | null): Finding[] {
	if (value === null || value.trim() === '')
		return [
			{
				rule: 'scope',
				level: 'info',
				title: 'No scope',
				reason:
					'Without scopes the token reads only public data; /v1/me and the player need scopes.'
			}
		];
	const names = splitScopeParameter(value);
	const out: Finding[] = [];
	if (names.some((n) => n.includes(',')))
		out.push({
			rule: 'scope-separator',
			level: 'fail',
			title: 'Scopes separated by commas',
			reason:
				'Spotify splits the scope parameter on spaces only, so “a,b” is one unknown scope: Illegal scope.',
			fix: 'Join the scopes with spaces (encoded as %20 or +).',
			error: 'illegal-scope'
		});
	for (const name of new Set(names.flatMap((n) => n.split(',')).filter((n) => n !== ''))) {
		if (isKnownScope(name)) continue;
		const illegal = illegalScopes.find((s) => s.name === name);
		const meant = illegal ? undefined : suggestScope(name);
		out.push({
			rule: 'scope-unknown',
			level: 'fail',
			title: illegal ? `${name} is refused` : `${name} is not a Spotify scope`,
			reason: `${illegal ? illegal.why : 'Spotify documents no such scope.'} /authorize answers Illegal scope instead of the consent page.`,
			fix: meant
				? `Did you mean ${meant}?`
				: 'Remove it; see the scope explorer for the documented ones.',
			error: 'illegal-scope'
		});
	}
	if (names.length !== new Set(names).size)
		out.push({
			rule: 'scope-duplicate',
			level: 'info',
			title: 'A scope is listed twice',
			reason: 'Harmless, but a sign the list is assembled in more than one place.'
		});
	if (out.every((f) => f.level !== 'fail'))
		out.push({
			rule: 'scope',
			level: 'pass',
			title: `${new Set(names).size} documented scope${names.length === 1 ? '' : 's'}`,
			reason: names.join(' ')
		});
	return out;
}
