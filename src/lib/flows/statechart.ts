/**
 * The shape of a machine's statechart as the site serves it (drawn on the server at build time,
 * see lib/server/statechart.ts) and which of its states a snapshot is in, for the highlight.
 */

/** One state in the text outline: its path, name, where its events lead and its children. */
export interface OutlineState {
	path: string;
	name: string;
	transitions: { event: string; target: string }[];
	children: OutlineState[];
}

export interface Statechart {
	/** Plain SVG; every state is a `<g data-state="<dotted path>">`. */
	svg: string;
	outline: OutlineState[];
}

/** The dotted paths of every active state of an XState value, outermost first. */
export function activePaths(value: unknown, prefix = ''): string[] {
	if (typeof value === 'string') return [`${prefix}${value}`];
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) => [
		`${prefix}${key}`,
		...activePaths(inner, `${prefix}${key}.`)
	]);
}
