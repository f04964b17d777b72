/**
 * The attack labs as data: what each attack is, its defences, the clauses that close it and what
 * Spotify does today, tagged as shared/spotify-reference.md tags facts ([D] documented by
 * Spotify, [O] observed by developers, [U] unknown). The scripts that run them against the
 * emulator are in src/lib/server/labs/; the verdicts come from those runs, never from here.
 */
import type { DefenceId, LabSlug } from './types';

export type FactTag = 'D' | 'O' | 'U';

export const factTags: Record<FactTag, string> = {
	D: 'documented by Spotify',
	O: 'observed by developers',
	U: 'unknown'
};

export interface Clause {
	/** e.g. `RFC 9700 §4.8.2` */
	cite: string;
	href: string;
	/** The clause's requirement level, when it has one (RFC 2119). */
	level?: 'MUST' | 'MUST NOT' | 'SHOULD' | 'SHOULD NOT' | 'RECOMMENDED';
	/** The clause's words; `summary` when they are paraphrased, not quoted. */
	text: string;
	summary?: boolean;
}

export interface Defence {
	id: DefenceId;
	label: string;
	/** What changes when it is on. */
	effect: string;
}

export interface Lab {
	slug: LabSlug;
	title: string;
	summary: string;
	/** The attack, in order, as prose (the page reads without JavaScript). */
	story: string[];
	/** The first is what the "Defence" switch turns on; others can be chosen instead. */
	defences: readonly [Defence, ...Defence[]];
	attackerClass: string;
	/** Defences the page explains but does not run, and why. */
	notRun?: string[];
	clauses: Clause[];
	spotifyToday: { tag: FactTag; text: string }[];
}

const rfc = (n: number, section: string) =>
	`https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`;

export const defences: Record<DefenceId, Defence> = {
	pkce: {
		id: 'pkce',
		label: 'PKCE',
		effect:
			'The app sends an S256 code_challenge to /authorize and keeps the code_verifier in its own storage; the code is redeemable only with it.'
	},
	state: {
		id: 'state',
		label: 'state bound to the session',
		effect:
			'The app puts a random state in its session before the redirect and refuses any callback whose state is not that one.'
	},
	'verifier-needs-challenge': {
		id: 'verifier-needs-challenge',
		label: 'refuse a verifier for a code without a challenge',
		effect:
			'The server refuses a token request with a code_verifier when the code was issued without a code_challenge (the emulator’s normal behaviour).'
	},
	'code-instead-of-implicit': {
		id: 'code-instead-of-implicit',
		label: 'code + PKCE instead of the implicit grant',
		effect:
			'The app moves to today’s rules: the authorization code with PKCE. A leaked callback then carries a code that needs the verifier.'
	},
	'referrer-policy': {
		id: 'referrer-policy',
		label: 'Referrer-Policy: no-referrer',
		effect:
			'The callback page is served with Referrer-Policy: no-referrer, so no request from it carries a Referer header.'
	},
	'scrub-fragment': {
		id: 'scrub-fragment',
		label: 'scrub the fragment (history.replaceState)',
		effect:
			'The app’s code reads the token from the fragment, then calls history.replaceState to show the callback URL without it.'
	},
	'single-use-codes': {
		id: 'single-use-codes',
		label: 'single-use codes',
		effect:
			'The server refuses a code that was already exchanged (the emulator’s normal behaviour).'
	},
	'revoke-on-code-replay': {
		id: 'revoke-on-code-replay',
		label: 'single use, and revoke the tokens of a replayed code',
		effect:
			'The server refuses a code that was already exchanged and revokes every token issued from it, the first exchange’s included (a strict behaviour of this lab’s sandbox only).'
	},
	'exact-redirect-match': {
		id: 'exact-redirect-match',
		label: 'exact redirect URI matching',
		effect:
			'The app registers its full callback URL and the server compares redirect_uri as an exact string (the emulator’s normal behaviour).'
	},
	'rotate-secret': {
		id: 'rotate-secret',
		label: 'PKCE public client, secret rotated',
		effect:
			'The app’s bundle stops carrying a secret (PKCE with client_id only) and the leaked secret is rotated in the dashboard.'
	},
	'refresh-reuse-detection': {
		id: 'refresh-reuse-detection',
		label: 'rotation with reuse detection',
		effect:
			'Every refresh returns a new refresh token; when one already rotated comes back, the server revokes every refresh and access token of that authorization, whoever sent it (a strict behaviour of this lab’s sandbox only).'
	},
	'refresh-rotation': {
		id: 'refresh-rotation',
		label: 'rotation alone',
		effect:
			'Every refresh returns a new refresh token and revokes the old one, and nothing more happens when the old one comes back (Spotify’s rule for PKCE apps until mid-2026, the emulator’s 2025-11 rules).'
	}
};

export const labs: readonly Lab[] = [
	{
		slug: 'code-interception-without-pkce',
		title: 'Code interception without PKCE',
		summary:
			'A single-page app without PKCE: whoever reads the callback URL redeems the code with the client_id alone.',
		story: [
			'The victim signs in to a single-page app, a public client with no secret, that does not use PKCE.',
			'The callback URL, with the code in its query, leaks: it stays in the browser’s history, in a Referer, in a screenshot shared for support.',
			'The attacker sends the code to the token endpoint with the app’s client_id, which is public, and no verifier.',
			'The attacker calls GET /v1/me with the token: whose account is it?'
		],
		defences: [defences.pkce],
		attackerClass:
			'RFC 9700 §3, attacker A3: can read, but not change, the authorization response (history, logs, Referer, a screenshot).',
		clauses: [
			{
				cite: 'RFC 9700 §2.1.1',
				href: rfc(9700, '2.1.1'),
				level: 'MUST',
				text: 'Public clients MUST use PKCE [RFC7636] to this end, as motivated in Section 4.5.3.1.'
			},
			{
				cite: 'RFC 7636 §1',
				href: rfc(7636, '1'),
				summary: true,
				text: 'PKCE exists because a public client’s code can be intercepted and redeemed by whoever holds it; the verifier, which never leaves the app, binds the code to the app that asked for it.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'Apps without a secret use the authorization code with PKCE; the token request sends client_id and code_verifier.'
			},
			{
				tag: 'O',
				text: 'A PKCE code exchanged without its verifier answers invalid_request / code_verifier required; a wrong verifier, invalid_grant / code_verifier was incorrect.'
			},
			{
				tag: 'U',
				text: 'Whether Spotify ever let a client redeem a code with client_id alone and no challenge: the emulator refuses it (invalid_client), and only this lab’s sandbox allows it.'
			}
		]
	},
	{
		slug: 'login-csrf-without-state',
		title: 'Login CSRF without state',
		summary:
			'The attacker plants their own callback in the victim’s browser: an app without state links the attacker’s Spotify account to the victim.',
		story: [
			'The victim has a session at a web app and clicks “Connect Spotify”; the app sends no state.',
			'The attacker starts a sign-in to the same app with their own Spotify account, and stops before the callback.',
			'The attacker’s site makes the victim’s browser load that callback URL, with the victim’s session cookie.',
			'The app exchanges the attacker’s code and links the attacker’s account to the victim’s session: what the victim saves next lands in the attacker’s account.'
		],
		defences: [defences.state, defences.pkce],
		attackerClass:
			'RFC 9700 §3, attacker A1: a web attacker who runs a site and sends links, nothing more.',
		clauses: [
			{
				cite: 'RFC 9700 §2.1',
				href: rfc(9700, '2.1'),
				level: 'MUST',
				text: 'Clients MUST prevent Cross-Site Request Forgery (CSRF).'
			},
			{
				cite: 'RFC 9700 §2.1',
				href: rfc(9700, '2.1'),
				level: 'MUST',
				text: 'Otherwise, one-time use CSRF tokens carried in the state parameter that are securely bound to the user agent MUST be used for CSRF protection (see Section 4.7.1).'
			},
			{
				cite: 'RFC 9700 §2.1',
				href: rfc(9700, '2.1'),
				text: 'Clients that have ensured that the authorization server supports Proof Key for Code Exchange (PKCE) [RFC7636] MAY rely on the CSRF protection provided by PKCE.'
			},
			{
				cite: 'RFC 6749 §10.12',
				href: rfc(6749, '10.12'),
				level: 'MUST',
				text: 'The client MUST implement CSRF protection for its redirection URI.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'state is optional and “strongly recommended”; Spotify echoes it back unchanged.'
			},
			{
				tag: 'D',
				text: 'Comparing state is the app’s job: Spotify cannot know which browser started the request. (The #error=state_mismatch of Spotify’s example app is the example’s own.)'
			},
			{
				tag: 'O',
				text: 'With PKCE, an injected code is refused at the exchange: invalid_grant / code_verifier was incorrect.'
			}
		]
	},
	{
		slug: 'pkce-downgrade',
		title: 'PKCE downgrade',
		summary:
			'The attacker strips code_challenge from their own request and injects the code; a server that then ignores the victim’s verifier lets it through.',
		story: [
			'The victim’s web app uses PKCE, but no state: it trusts PKCE to stop injected codes.',
			'The attacker starts a sign-in, deletes code_challenge and code_challenge_method from the authorize URL, and gets a code issued without a challenge.',
			'The attacker makes the victim’s browser load that callback; the app sends the code with the victim’s code_verifier.',
			'A server that ignores a verifier when the code had no challenge issues the tokens: the victim’s session is linked to the attacker’s account.'
		],
		defences: [defences['verifier-needs-challenge'], defences.state],
		attackerClass: 'RFC 9700 §3, attacker A1: a web attacker, as for any CSRF.',
		clauses: [
			{
				cite: 'RFC 9700 §2.1.1',
				href: rfc(9700, '2.1.1'),
				level: 'MUST',
				text: 'Authorization servers MUST mitigate PKCE downgrade attacks by ensuring that a token request containing a code_verifier parameter is accepted only if a code_challenge parameter was present in the authorization request; see Section 4.8.2 for details.'
			},
			{
				cite: 'RFC 9700 §4.8.2',
				href: rfc(9700, '4.8.2'),
				level: 'MUST',
				summary: true,
				text: 'If there was no code_challenge in the authorization request, a token request that carries a code_verifier is rejected.'
			}
		],
		spotifyToday: [
			{ tag: 'D', text: 'Only code_challenge_method=S256 is documented.' },
			{
				tag: 'U',
				text: 'What Spotify answers to a code_verifier for a code issued without a challenge is not reported anywhere. The emulator refuses it with invalid_grant / code_verifier was incorrect, its own choice; only this lab’s sandbox ignores the verifier.'
			}
		]
	},
	{
		slug: 'implicit-token-leak',
		title: 'Implicit grant token leak',
		summary:
			'The legacy implicit grant puts the access token in the callback URL’s fragment, where history and third-party scripts read it.',
		story: [
			'The victim signs in to a single-page app that still uses the implicit grant (response_type=token).',
			'The token comes back in the callback URL’s fragment, and stays in the browser’s history.',
			'An analytics tag on the callback page, served by a third party and placed first in the page’s head as its vendor asks, reads location.href, fragment and all, and sends it home. The request for the tag carries a Referer header.',
			'The attacker also tries the app’s open redirector: an authorize link whose redirect_uri is https://victim-app.example/out?to=…, since browsers re-attach a fragment to a redirect’s target.',
			'Whoever holds the token calls the Web API as the victim for an hour.'
		],
		defences: [
			defences['code-instead-of-implicit'],
			defences['referrer-policy'],
			defences['scrub-fragment']
		],
		attackerClass:
			'RFC 9700 §3, attacker A3: reads the authorization response (history, a script on the page, logs).',
		clauses: [
			{
				cite: 'RFC 9700 §2.1.2',
				href: rfc(9700, '2.1.2'),
				level: 'SHOULD NOT',
				text: 'In order to avoid these issues, clients SHOULD NOT use the implicit grant (response type "token") or other response types issuing access tokens in the authorization response, unless access token injection in the authorization response is prevented and the aforementioned token leakage vectors are mitigated.'
			},
			{
				cite: 'RFC 9700 §4.3.2',
				href: rfc(9700, '4.3.2'),
				summary: true,
				text: 'Access tokens in URLs end up in the browser history; the implicit grant puts them there.'
			},
			{
				cite: 'RFC 9700 §4.2.4',
				href: rfc(9700, '4.2.4'),
				level: 'SHOULD NOT',
				text: 'The page rendered as a result of the OAuth authorization response and the authorization endpoint SHOULD NOT include third-party resources or links to external sites.'
			},
			{
				cite: 'RFC 9700 §4.2.4',
				href: rfc(9700, '4.2.4'),
				text: 'For example, the header Referrer-Policy: no-referrer in the response completely suppresses the Referer header in all requests originating from the resulting document.'
			},
			{
				cite: 'RFC 9110 §10.1.3',
				href: 'https://www.rfc-editor.org/rfc/rfc9110#section-10.1.3',
				level: 'MUST NOT',
				text: 'A user agent MUST NOT include the fragment and userinfo components of the URI reference [URI], if any, when generating the Referer field value.'
			},
			{
				cite: 'HTML, the History API',
				href: 'https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-history-replacestate',
				summary: true,
				text: 'history.replaceState changes the current session history entry and the address bar; the history list a browser keeps of the pages visited is the browser’s own, and most keep the URL as it was loaded.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'Implicit grant deprecated 2025-02-12 and removed for all apps on 2025-11-27.'
			},
			{
				tag: 'O',
				text: 'Since March 2026, response_type=token shows the page “response_type must be code”.'
			},
			{
				tag: 'O',
				text: 'In December 2025 it redirected with #error=unsupported_response_type instead (the emulator’s 2025-11 rules).'
			},
			{
				tag: 'D',
				text: 'The redirect URI must match a registered one exactly, so an open redirector elsewhere on the app’s site cannot be named as redirect_uri.'
			}
		]
	},
	{
		slug: 'code-replay',
		title: 'Code replay',
		summary:
			'A reloaded or stolen callback URL is exchanged again; a server that accepts a code twice signs the second browser in as the victim.',
		story: [
			'The victim signs in to a web app; its backend exchanges the code from the callback URL.',
			'The callback URL stays in the history of a shared computer (or in a proxy’s log).',
			'The attacker opens it: the app sees a code and exchanges it again, for the attacker’s session.',
			'A server that lets a code be used twice gives the attacker’s session tokens for the victim’s account.'
		],
		defences: [defences['single-use-codes'], defences['revoke-on-code-replay']],
		attackerClass:
			'RFC 9700 §3, attacker A3: reads the authorization response after the fact (history, logs).',
		clauses: [
			{
				cite: 'RFC 6749 §4.1.2',
				href: rfc(6749, '4.1.2'),
				level: 'MUST',
				text: 'If an authorization code is used more than once, the authorization server MUST deny the request and SHOULD revoke (when possible) all tokens previously issued based on that authorization code.'
			},
			{
				cite: 'RFC 9700 §4.2.4',
				href: rfc(9700, '4.2.4'),
				text: 'This does not mitigate the attack if the attacker manages to exchange the code for a token before the legitimate client does so.'
			},
			{
				cite: 'RFC 9700 §4.2.4',
				href: rfc(9700, '4.2.4'),
				level: 'SHOULD',
				summary: true,
				text: 'That is why a server that sees a code redeemed twice should revoke every token it issued from that code: here the replay comes second and revocation signs the victim out too; had the attacker redeemed first, it is what takes the attacker’s tokens back.'
			},
			{
				cite: 'RFC 6819 §4.4.1.1',
				href: rfc(6819, '4.4.1.1'),
				summary: true,
				text: 'Codes that leak (history, logs, Referer) are the threat; short lifetimes and single use are the countermeasures.'
			}
		],
		spotifyToday: [
			{
				tag: 'O',
				text: 'Codes are single use: a second exchange answers invalid_grant / Invalid authorization code.'
			},
			{ tag: 'O', text: 'Codes expire after about ten minutes: Authorization code expired.' },
			{
				tag: 'U',
				text: 'Whether Spotify revokes the tokens issued from a code that is replayed is not reported. The emulator does not, except in this lab’s sandbox with “single use, and revoke the tokens of a replayed code”; what Spotify’s Web API answers for a revoked access token is not reported either, so the lab shows the emulator’s answer for a token it does not know (401 Missing/invalid/expired access token on the 2026 rules).'
			}
		]
	},
	{
		slug: 'redirect-uri-tampering',
		title: 'Redirect URI tampering',
		summary:
			'A server that matches redirect URIs by prefix sends the token to any host whose URL starts like the app’s.',
		story: [
			'The app registered its base URL, https://victim-app.example, and the server matches redirect URIs by prefix.',
			'The attacker sends the victim the app’s own authorize link, with redirect_uri=https://victim-app.example.attacker.example/steal.',
			'The victim sees the app they know and agrees; the server redirects to the attacker’s host with the token.',
			'The attacker’s page reads the token and calls the Web API as the victim.'
		],
		defences: [defences['exact-redirect-match']],
		attackerClass: 'RFC 9700 §3, attacker A1: a web attacker with a domain and a link.',
		clauses: [
			{
				cite: 'RFC 9700 §2.1',
				href: rfc(9700, '2.1'),
				level: 'MUST',
				text: 'When comparing client redirection URIs against pre-registered URIs, authorization servers MUST utilize exact string matching except for port numbers in localhost redirection URIs of native apps (see Section 4.1.3).'
			},
			{
				cite: 'RFC 9700 §4.1.3',
				href: rfc(9700, '4.1.3'),
				summary: true,
				text: 'Pattern and prefix matching are hard to get right and have caused real breaches; exact matching is simpler and safe.'
			},
			{
				cite: 'RFC 6749 §10.6',
				href: rfc(6749, '10.6'),
				summary: true,
				text: 'An attacker who can change redirect_uri can make the authorization server send the code to a URI the attacker controls.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'The redirect URI must exactly match a registered one (case, trailing slash, path, query); a loopback IP literal registered without a port accepts any port.'
			},
			{
				tag: 'O',
				text: 'Anything else shows the page INVALID_CLIENT: Invalid redirect URI, and never redirects.'
			}
		]
	},
	{
		slug: 'secret-in-spa-bundle',
		title: 'Client secret in a single-page app',
		summary:
			'A single-page app built with the confidential code flow ships its client secret; anyone can then mint tokens as the app.',
		story: [
			'A single-page app uses the authorization code flow with the secret, so the secret is in its JavaScript bundle.',
			'The attacker opens the bundle in the browser’s developer tools and copies the secret.',
			'With the client_id and the secret, the attacker asks the token endpoint for tokens as the app (client credentials), and spends the app’s quota or worse.'
		],
		defences: [defences['rotate-secret']],
		attackerClass:
			'Anyone who can load the app’s page: no attacker model needed, the secret is public.',
		clauses: [
			{
				cite: 'RFC 6749 §10.1',
				href: rfc(6749, '10.1'),
				level: 'MUST NOT',
				text: 'The authorization server MUST NOT issue client passwords or other client credentials to native application or user-agent-based application clients for the purpose of client authentication.'
			},
			{
				cite: 'RFC 9700 §2.1.1',
				href: rfc(9700, '2.1.1'),
				level: 'MUST',
				text: 'Public clients MUST use PKCE [RFC7636] to this end, as motivated in Section 4.5.3.1.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'The code flow with the secret is for apps with a backend; Spotify’s own single-page example uses PKCE with no secret.'
			},
			{ tag: 'D', text: 'A wrong secret answers invalid_client / Invalid client secret.' },
			{
				tag: 'U',
				text: 'The dashboard’s secret rotation is not described in the reference; the emulator rotates it in the lab sandbox directly.'
			}
		]
	},
	{
		slug: 'refresh-token-theft',
		title: 'Refresh token theft',
		summary:
			'A stolen refresh token keeps minting access tokens; rotation alone loses to a thief who refreshes first, reuse detection does not.',
		story: [
			'A single-page app keeps its refresh token in localStorage.',
			'A script injected into the page (XSS, a compromised dependency) reads it and sends it to the attacker.',
			'The attacker refreshes at once with the stolen token and the app’s public client_id, before the app’s next refresh.',
			'An hour later the app refreshes with the token it holds, the same one.',
			'The attacker refreshes again with the newest refresh token it holds: does it still get an access token for the victim?'
		],
		defences: [defences['refresh-reuse-detection'], defences['refresh-rotation']],
		notRun: [
			'Keeping the refresh token on a backend (a backend for the frontend, the browser holding only an HttpOnly session cookie) is not run here: the injected script would find nothing to send, so there would be no answer of the emulator to show. It does not make the script harmless: while the page is open, the script can still ask the backend to call the Web API for it.'
		],
		attackerClass:
			'RFC 9700 §3, attacker A5 in spirit: holds a token issued by the authorization server, here the refresh token.',
		clauses: [
			{
				cite: 'RFC 9700 §2.2.2',
				href: rfc(9700, '2.2.2'),
				level: 'MUST',
				text: 'Refresh tokens for public clients MUST be sender-constrained or use refresh token rotation as described in Section 4.14.'
			},
			{
				cite: 'RFC 9700 §4.14.2',
				href: rfc(9700, '4.14.2'),
				level: 'MUST',
				text: 'Authorization servers MUST utilize one of these methods to detect refresh token replay by malicious actors for public clients:'
			},
			{
				cite: 'RFC 9700 §4.14.2',
				href: rfc(9700, '4.14.2'),
				text: 'If a refresh token is compromised and subsequently used by both the attacker and the legitimate client, one of them will present an invalidated refresh token, which will inform the authorization server of the breach. The authorization server cannot determine which party submitted the invalid refresh token, but it will revoke the active refresh token. This stops the attack at the cost of forcing the legitimate client to obtain a fresh authorization grant.'
			},
			{
				cite: 'RFC 6749 §10.4',
				href: rfc(6749, '10.4'),
				level: 'SHOULD',
				text: 'When client authentication is not possible, the authorization server SHOULD deploy other means to detect refresh token abuse.'
			},
			{
				cite: 'RFC 6819 §5.2.2.3',
				href: rfc(6819, '5.2.2.3'),
				summary: true,
				text: 'Refresh token rotation: an old refresh token presented again reveals that two parties hold it.'
			}
		],
		spotifyToday: [
			{
				tag: 'D',
				text: 'Since 2026-06-18 (new apps) and 2026-07-20 (existing), refresh tokens last six months from the user’s authorization; refreshing does not extend them.'
			},
			{
				tag: 'O',
				text: 'Since 2026-07 refresh responses carry no new refresh_token, PKCE included: no rotation, so a stolen token works until the six months end.'
			},
			{
				tag: 'O',
				text: 'Until mid-2026 PKCE refreshes rotated: the old token then answered invalid_grant / Refresh token revoked (the emulator’s 2025-11 rules, this lab’s “rotation alone”).'
			},
			{
				tag: 'U',
				text: 'Whether Spotify ever revoked a whole grant when a rotated token came back (reuse detection) is not reported; the emulator does not, except in this lab’s sandbox. The answer shown, invalid_grant / Refresh token revoked, is what Spotify is observed to send for a revoked refresh token.'
			}
		]
	}
];

export function getLab(slug: LabSlug): Lab {
	const lab = labs.find((l) => l.slug === slug);
	if (!lab) throw new RangeError(`No lab ${slug}`);
	return lab;
}
