import { flows } from './spotify/flows';

export interface NavLink {
	href: string;
	label: string;
}

/** The site's main navigation, in reading order. */
export const navLinks: readonly NavLink[] = [
	{ href: '/', label: 'Start' },
	...flows.map((f) => ({ href: `/flows/${f.slug}`, label: f.name })),
	{ href: '/compare', label: 'Compare' },
	{ href: '/exercises', label: 'Exercises' },
	{ href: '/attacks', label: 'Attack labs' },
	{ href: '/debug', label: 'Debug your app' },
	{ href: '/scopes', label: 'Scopes' }
];

/** Is `href` the current page, or the section it belongs to? */
export function isCurrent(href: string, pathname: string): boolean {
	return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
