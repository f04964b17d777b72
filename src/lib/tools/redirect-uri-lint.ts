/**
 * The redirect-URI linter: every rule of Spotify's redirect-URI requirements
 * (developer.spotify.com/documentation/web-api/concepts/redirect_uri; shared/spotify-reference.md
 * §5) checked one by one, with the reason, the fix and the dates it applies from. Built on the
 * emulator's own reading of the rules (redirect-uri.ts), so the linter and the emulator agree.
 */
import { implicitGrantTimeline } from '$lib/spotify/flows';
import { worstLevel, type Finding, type FindingLevel } from './findings';
import { checkRedirectUri, isLoopbackLiteral, splitUri } from '$lib/spotify/redirect-uri';
import { recognise } from '$lib/tools/mistakes/catalog';
import { compareRedirectUris, type MatchReport } from './redirect-uri-diff';

/** When the 2025 rules applied (Spotify blog 2025-02-12 and reminder 2025-10-14). */
export const redirectRuleDates = {
	announced: implicitGrantTimeline.deprecated,
	newApps: implicitGrantTimeline.enforcedForNewApps,
	allApps: implicitGrantTimeline.removed
} as const;

const since = `Enforced for apps created from ${redirectRuleDates.newApps} and for all apps from ${redirectRuleDates.allApps}.`;

/** How Spotify treats a URI as a redirect target today. */
export type UriVerdict = 'ok' | 'discouraged' | 'insecure' | 'illegal';

export interface UriLint {
	uri: string;
	verdict: UriVerdict;
	/** Did Spotify accept it before the 2025 rules (apps created before 2025-04-09, until 2025-11-27)? */
	acceptedBefore2025: boolean;
	findings: Finding[];
}

const insecureFindings = {
	localhost: {
		title: 'localhost is refused',
		reason: `Spotify no longer accepts localhost or its aliases as a redirect host, over http or https: the name can be resolved to something other than this machine. ${since}`,
		fix: 'Use the loopback IP literal instead: http://127.0.0.1:PORT/… or http://[::1]:PORT/…, in the dashboard and in the code.'
	},
	'loopback-alias': {
		title: 'Only 127.0.0.1 and [::1] count as loopback',
		reason: `Other loopback addresses (127.0.0.2, a long form of ::1) are not exempt from the https rule. ${since}`,
		fix: 'Use exactly http://127.0.0.1:PORT/… or http://[::1]:PORT/….'
	},
	'private-network': {
		title: 'http on a LAN address is refused',
		reason: `A private-network address (10.x, 172.16–31.x, 192.168.x) is not loopback, so it needs https. ${since}`,
		fix: 'Serve the callback over https (a reverse proxy with a certificate), or run the authorization on the machine itself with http://127.0.0.1.'
	},
	'public-http': {
		title: 'http on a public host is refused',
		reason: `Only loopback IP literals may use http; every other host needs https. ${since}`,
		fix: 'Serve the callback over https and register the https URI.'
	},
	'custom-scheme': {
		title: 'This setup treats custom schemes as insecure',
		reason: 'One Android report saw a custom-scheme URI refused as insecure.',
		fix: 'Use an https App Link or Universal Link.'
	}
} as const;

const illegalFindings = {
	'not-a-uri': {
		title: 'Not an absolute URI',
		reason:
			'Spotify needs an absolute URI with a scheme (https://…, http://127.0.0.1…, or your-app://…); this is not one, so /authorize answers Illegal redirect_uri.',
		fix: 'Send the full URI exactly as registered, without quotes.'
	},
	'dangerous-scheme': {
		title: 'A scheme that could run code',
		reason: 'javascript:, data:, file: and similar schemes are never valid redirect targets.',
		fix: 'Use an https URI or a loopback http URI.'
	},
	fragment: {
		title: 'A fragment (#…) is not allowed',
		reason:
			'The authorization response is added to the redirect URI; RFC 6749 §3.1.2 forbids a fragment in it, and Spotify treats the value as illegal.',
		fix: 'Remove everything from # onwards, in the dashboard and in the code.'
	}
} as const;

/** Values that come from an unset variable or a config file read wrongly. */
const placeholderPattern = /^(none|null|undefined|nil|false|your[_-]?redirect[_-]?uri)$/i;

/** Lints one redirect URI on its own: is it a target Spotify accepts today? */
export function lintRedirectUri(raw: string): UriLint {
	const findings: Finding[] = [];
	const uri = raw.trim();
	if (uri !== raw)
		findings.push({
			rule: 'whitespace',
			level: 'fail',
			title: 'Spaces or line breaks around the URI',
			reason:
				'Spotify compares redirect URIs byte for byte; a space or newline read from a file or an environment variable makes it a different URI.',
			fix: 'Trim the value where it is read.',
			error: 'invalid-redirect-uri-authorize'
		});
	const early = earlyIllegal(uri);
	if (early) {
		findings.push(early);
		return { uri: raw, verdict: 'illegal', acceptedBefore2025: false, findings };
	}
	const now = checkRedirectUri(uri, { security: 'secure-only' });
	const before = checkRedirectUri(uri, { security: 'any' });
	if (now.ok) findings.push(...acceptedFindings(uri, now.kind));
	else if (now.problem === 'illegal')
		findings.push({
			rule: now.reason,
			level: 'fail',
			...illegalFindings[now.reason],
			error: 'illegal-redirect-uri'
		});
	else {
		// The catalog of mistakes knows the rewrite (localhost -> 127.0.0.1, http -> https): offer
		// this URI rewritten rather than a pattern with PORT in it.
		const rewrite = recognise({ kind: 'redirect-uri', uri })[0];
		const meant = rewrite?.detection.didYouMean;
		const base = insecureFindings[now.reason];
		findings.push({
			rule: now.reason,
			level: 'fail',
			...base,
			...(meant && checkRedirectUri(meant, { security: 'secure-only' }).ok
				? { fix: `Register and send ${meant} instead, in the dashboard and in the code.` }
				: {}),
			...(rewrite && { mistake: rewrite.mistake.id }),
			error: 'insecure-redirect-uri'
		});
	}
	if (/\*/.test(uri))
		findings.push({
			rule: 'wildcard',
			level: 'fail',
			title: 'No wildcards',
			reason: 'Spotify matches redirect URIs exactly; * is taken literally, not as a pattern.',
			fix: 'Register each URI in full.',
			error: 'invalid-redirect-uri-authorize'
		});
	// Before 2025 only the security rules were looser; every other failure failed then too.
	const otherFailure = findings.some(
		(f) => f.level === 'fail' && f.error !== 'insecure-redirect-uri'
	);
	return {
		uri: raw,
		verdict: verdictOf(findings),
		acceptedBefore2025: before.ok && !otherFailure,
		findings
	};
}

/** Shapes that are not a URI at all, explained more precisely than "not a URI". */
function earlyIllegal(uri: string): Finding | undefined {
	const base = { level: 'fail', error: 'illegal-redirect-uri' } as const;
	if (uri === '' || placeholderPattern.test(uri))
		return {
			...base,
			rule: 'placeholder',
			title: uri === '' ? 'Empty' : `“${uri}” is not a URI`,
			reason:
				'This is what an unset variable prints. Spotify answers Illegal redirect_uri (or Missing required parameter: redirect_uri when empty).',
			fix: 'Check that the configuration value is read and set before the authorize URL is built.'
		};
	if (/^["'`<]|["'`>]$/.test(uri))
		return {
			...base,
			rule: 'quoted',
			title: 'Quotes or brackets around the URI',
			reason: 'The quotes became part of the value, so it no longer starts with a scheme.',
			fix: 'Remove the quotes from the configuration file or environment variable.'
		};
	if (/^[a-z][a-z0-9+.-]*%3a/i.test(uri))
		return {
			...base,
			rule: 'encoded',
			title: 'The URI is percent-encoded',
			reason:
				'The value is already encoded (%3A%2F%2F), so it is not a URI on its own; sent in a query it would be encoded twice.',
			fix: 'Store and register the plain URI; let the URL builder encode it once.'
		};
	return undefined;
}

function acceptedFindings(
	uri: string,
	kind: 'https' | 'loopback-http' | 'custom-scheme' | 'http-legacy'
): Finding[] {
	const parts = splitUri(uri)!;
	if (kind === 'custom-scheme')
		return [
			{
				rule: 'custom-scheme',
				level: 'warn',
				title: 'Custom scheme: allowed, but discouraged',
				reason:
					'Spotify still supports custom schemes (com.example.app://callback) but recommends https App Links or Universal Links, because any app can register the same scheme and catch the code. One report saw such a URI refused as insecure during an Android browser login.',
				fix: 'Prefer an https App Link / Universal Link; otherwise use a lower-case, app-unique scheme with a path, and PKCE.'
			}
		];
	const found: Finding[] = [];
	if (kind === 'loopback-http')
		found.push({
			rule: 'loopback',
			level: 'pass',
			title: 'http on a loopback IP literal',
			reason: `http is allowed only on 127.0.0.1 and [::1], which never leave the machine. ${since}`
		});
	else
		found.push({
			rule: 'https',
			level: 'pass',
			title: 'https',
			reason: 'https is required for every host except the loopback IP literals.'
		});
	if (isLoopbackLiteral(parts.host))
		found.push(
			parts.port === null
				? {
						rule: 'loopback-any-port',
						level: 'info',
						title: 'No port: any port matches',
						reason:
							'A loopback IP literal registered without a port accepts any port in the request (RFC 8252 §7.3), so a local server may pick a free port.'
					}
				: {
						rule: 'loopback-fixed-port',
						level: 'info',
						title: `Only port ${parts.port} matches`,
						reason: 'Registered with a port, the URI matches only requests on that same port.',
						fix: 'Register it without the port to let the app use any free port.'
					}
		);
	if (/[A-Z]/.test(uri.slice(0, uri.indexOf(parts.host) + parts.host.length)))
		found.push({
			rule: 'case',
			level: 'info',
			title: 'Upper case in the scheme or host',
			reason:
				'Spotify compares the string exactly, so the app must send it in this same case even though browsers treat hosts case-insensitively.'
		});
	return found;
}

function verdictOf(findings: readonly Finding[]): UriVerdict {
	const failed = findings.filter((f) => f.level === 'fail').map((f) => f.error);
	if (failed.includes('illegal-redirect-uri')) return 'illegal';
	if (failed.includes('insecure-redirect-uri')) return 'insecure';
	if (failed.length > 0) return 'illegal';
	return findings.some((f) => f.rule === 'custom-scheme') ? 'discouraged' : 'ok';
}

export interface RedirectLintInput {
	/** The URIs registered in the dashboard. */
	registered: readonly string[];
	/** The redirect_uri the app sends to /authorize. */
	sent?: string;
	/** The URL the app runs on (where it stores state and the PKCE verifier). */
	appUrl?: string;
}

export interface RedirectLintReport {
	registered: UriLint[];
	sent?: UriLint;
	/** The sent URI is one of the registered ones, linted once (shown with the registered ones). */
	sentIsRegistered?: boolean;
	match?: MatchReport;
	origin?: Finding;
	level: FindingLevel;
}

/** Lints a whole setup: each registered URI, the one sent, whether they match, and the origins. */
export function lintRedirectSetup(input: RedirectLintInput): RedirectLintReport {
	const registered = input.registered.map(lintRedirectUri);
	// How a registered URI's port matches is a note on the registered one, not on what is sent.
	const sentLint = input.sent === undefined ? undefined : lintRedirectUri(input.sent);
	const sent = sentLint && {
		...sentLint,
		findings: sentLint.findings.filter(
			(f) => !f.rule.startsWith('loopback-') || f.rule === 'loopback-alias'
		)
	};
	const match =
		input.sent === undefined ? undefined : compareRedirectUris(input.registered, input.sent);
	const origin =
		input.sent !== undefined && input.appUrl
			? checkOrigin(input.appUrl.trim(), input.sent.trim())
			: undefined;
	// A URI both registered and sent is one URI: its findings count (and show) once.
	const sentIsRegistered =
		input.sent !== undefined && input.registered.some((r) => r.trim() === input.sent!.trim());
	// A match with a URI the dashboard refuses to save is no match: it cannot be registered.
	if (match?.matched !== undefined) {
		const saved = registered.find((r) => r.uri.trim() === match.matched!.trim());
		if (saved && (saved.verdict === 'insecure' || saved.verdict === 'illegal'))
			match.finding = {
				rule: 'exact-match',
				level: 'fail',
				title: 'It matches a URI Spotify will not let you save',
				reason: `The sent URI equals the registered ${match.matched}, but the dashboard refuses that URI today, so there is nothing for it to match. Spotify answers ${saved.verdict === 'insecure' ? 'INVALID_CLIENT: Insecure redirect URI' : 'Illegal redirect_uri'}.`,
				fix:
					saved.findings.find((f) => f.level === 'fail')?.fix ?? 'Register a URI Spotify accepts.',
				error: saved.verdict === 'insecure' ? 'insecure-redirect-uri' : 'illegal-redirect-uri'
			};
	}
	const all = [
		...registered.flatMap((r) => r.findings),
		...(sentIsRegistered ? [] : (sent?.findings ?? [])),
		...(match ? [match.finding] : []),
		...(origin ? [origin] : [])
	];
	return { registered, sent, sentIsRegistered, match, origin, level: worstLevel(all) };
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin trap: the app stores `state` and the PKCE verifier in the browser's storage of the
 * origin it runs on; a redirect that lands on another origin (localhost vs 127.0.0.1) finds none.
 */
export function checkOrigin(appUrl: string, sent: string): Finding {
	let app: URL;
	let back: URL;
	try {
		app = new URL(appUrl);
		back = new URL(sent);
	} catch {
		return {
			rule: 'origin',
			level: 'info',
			title: 'Origins not compared',
			reason:
				'The app URL or the redirect URI is not an absolute URL, so their origins cannot be compared.'
		};
	}
	if (back.protocol !== 'http:' && back.protocol !== 'https:')
		return {
			rule: 'origin',
			level: 'info',
			title: 'The redirect goes to an app, not a web origin',
			reason:
				'A custom-scheme redirect opens the installed app; it must keep state and the verifier itself.'
		};
	if (app.origin === back.origin)
		return {
			rule: 'origin',
			level: 'pass',
			title: 'The redirect returns to the origin the app runs on',
			reason: `Both are ${app.origin}, so the state and the PKCE verifier the app stored are still there when the callback arrives.`
		};
	const bothLocal = loopbackNames.has(app.hostname) && loopbackNames.has(back.hostname);
	return {
		rule: 'origin',
		level: bothLocal ? 'fail' : 'warn',
		title: 'The redirect returns to a different origin',
		reason: `The app runs on ${app.origin} but Spotify sends the browser back to ${back.origin}. Browser storage and cookies are kept per origin, so the callback page cannot read the state or the PKCE verifier stored before the redirect: the state check fails and the token request has no verifier (code_verifier required or was incorrect).${bothLocal ? ' localhost and 127.0.0.1 are different origins even on the same machine.' : ''}`,
		fix: bothLocal
			? `Open the app at ${back.origin} (not ${app.origin}) so that it starts and ends the flow on one origin.`
			: 'Keep the state and verifier on the server (a session cookie on the callback origin), or make the app and the callback share an origin.'
	};
}
