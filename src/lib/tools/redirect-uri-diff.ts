/**
 * Why a redirect URI does not match the registered ones: Spotify matches exactly (case, trailing
 * slash, port, path, query, encoding), with one exception for loopback IP literals registered
 * without a port (shared/spotify-reference.md §5.1). The linter names the difference.
 */
import type { Finding } from './findings';
import { isLoopbackLiteral, redirectUriMatches, splitUri } from '$lib/spotify/redirect-uri';

export type UriDifference =
	| 'whitespace'
	| 'case'
	| 'scheme'
	| 'loopback-name'
	| 'host'
	| 'port'
	| 'trailing-slash'
	| 'path'
	| 'query'
	| 'percent-encoding'
	| 'fragment'
	| 'not-a-uri';

export const differenceText: Record<UriDifference, string> = {
	whitespace: 'one of them has spaces or a line break around it',
	case: 'letters differ in case, and Spotify compares case-sensitively',
	scheme: 'the scheme differs (http and https are different URIs)',
	'loopback-name':
		'localhost, 127.0.0.1 and [::1] are different strings to Spotify and different origins to the browser',
	host: 'the host differs',
	port: 'the port differs; only a loopback IP literal registered without a port accepts any port',
	'trailing-slash': 'one ends with a slash and the other does not',
	path: 'the path differs',
	query: 'the query differs',
	'percent-encoding': 'the same characters are percent-encoded in one and not in the other',
	fragment: 'one has a fragment (#…)',
	'not-a-uri': 'one of them is not an absolute URI'
};

export interface MatchReport {
	/** The registered URI the sent one matches, if any. */
	matched?: string;
	/** Matched only through the loopback any-port exception. */
	anyPort: boolean;
	/** The nearest registered URI when none matches. */
	closest?: string;
	differences: UriDifference[];
	finding: Finding;
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

function decode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** The differences between a registered URI and a requested one, most telling first. */
export function diffRedirectUris(registered: string, requested: string): UriDifference[] {
	const r = registered.trim();
	const s = requested.trim();
	const out: UriDifference[] = r !== registered || s !== requested ? ['whitespace'] : [];
	if (redirectUriMatches(r, s)) return out;
	if (decode(r) === decode(s)) return [...out, 'percent-encoding'];
	if (r.toLowerCase() === s.toLowerCase()) return [...out, 'case'];
	const a = splitUri(r);
	const b = splitUri(s);
	if (!a || !b) return [...out, 'not-a-uri'];
	if (a.scheme !== b.scheme) out.push('scheme');
	if (a.host !== b.host)
		out.push(loopbackNames.has(a.host) && loopbackNames.has(b.host) ? 'loopback-name' : 'host');
	const anyPort = a.port === null && isLoopbackLiteral(a.host) && a.host === b.host;
	if (a.port !== b.port && !anyPort) out.push('port');
	if (a.path !== b.path) {
		const trim = (p: string) => p.replace(/\/$/, '');
		if (trim(a.path) === trim(b.path)) out.push('trailing-slash');
		else if (decode(a.path) === decode(b.path)) out.push('percent-encoding');
		else if (a.path.toLowerCase() === b.path.toLowerCase()) out.push('case');
		else out.push('path');
	}
	if (a.query !== b.query) out.push('query');
	if (a.fragment !== b.fragment) out.push('fragment');
	return out;
}

function commonPrefix(a: string, b: string): number {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
}

/** Does the sent redirect URI match one of the registered ones, and if not, why not? */
export function compareRedirectUris(registered: readonly string[], sent: string): MatchReport {
	const candidates = registered.filter((r) => r.trim() !== '');
	const matched = candidates.find((r) => redirectUriMatches(r, sent));
	if (matched !== undefined)
		return {
			matched,
			anyPort: matched !== sent,
			differences: [],
			finding: {
				rule: 'exact-match',
				level: 'pass',
				title: 'Matches a registered URI',
				reason:
					matched === sent
						? `It is byte for byte the registered ${matched}.`
						: `${matched} is a loopback IP literal registered without a port, so this port is accepted too.`
			}
		};
	if (candidates.length === 0)
		return {
			anyPort: false,
			differences: [],
			finding: {
				rule: 'exact-match',
				level: 'fail',
				title: 'No redirect URI is registered',
				reason: 'Spotify refuses every redirect_uri until the app has one registered and saved.',
				fix: 'Add the URI in the app’s settings in the dashboard and press Save.',
				error: 'invalid-redirect-uri-authorize'
			}
		};
	const ranked = candidates
		.map((r) => ({ r, d: diffRedirectUris(r, sent) }))
		.sort((x, y) => x.d.length - y.d.length || commonPrefix(y.r, sent) - commonPrefix(x.r, sent));
	const { r: closest, d: differences } = ranked[0];
	return {
		anyPort: false,
		closest,
		differences,
		finding: {
			rule: 'exact-match',
			level: 'fail',
			title: 'No registered URI matches',
			reason: `The nearest registered URI is ${closest}, but ${differences.map((d) => differenceText[d]).join('; ')}. Spotify answers INVALID_CLIENT: Invalid redirect URI.`,
			fix: 'Send exactly the registered string, or register exactly the string the app sends (and press Save in the dashboard).',
			error: 'invalid-redirect-uri-authorize'
		}
	};
}
