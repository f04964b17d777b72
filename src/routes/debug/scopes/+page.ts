import { findScope, isKnownScope, scopes } from '$lib/spotify/scopes';
import type { PageLoad } from './$types';

// A GET form of checkboxes: the chosen scopes are the URL, so the built parameter can be shared
// and the page works without JavaScript.
export const load: PageLoad = ({ url }) => {
	const asked = url.searchParams.getAll('scope').slice(0, 100);
	const submitted = url.searchParams.has('built');
	// Keep the documented order, so the same choice always builds the same parameter.
	const chosen = scopes.filter((s) => asked.includes(s.name));
	const ignored = [...new Set(asked.filter((name) => !isKnownScope(name)))].map((name) =>
		name.slice(0, 100)
	);
	const value = chosen.map((s) => s.name).join(' ');
	return {
		submitted,
		chosen: chosen.map((s) => s.name),
		ignored,
		value,
		encoded: new URLSearchParams({ scope: value }).toString(),
		endpoints: [...new Set(chosen.flatMap((s) => findScope(s.name)?.endpoints ?? []))]
	};
};
