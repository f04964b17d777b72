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
	'single-use-codes': {
		id: 'single-use-codes',
		label: 'single-use codes',
		effect:
			'The server refuses a code that was already exchanged (the emulator’s normal behaviour).'
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
	'refresh-rotation': {
		id: 'refresh-rotation',
		label: 'refresh token rotation',
		effect:
			'Every refresh returns a new refresh token and revokes the old one (Spotify’s PKCE rule until mid-2026), so a stolen one dies at the app’s next refresh.'
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
	}
];

export function getLab(slug: LabSlug): Lab {
	const lab = labs.find((l) => l.slug === slug);
	if (!lab) throw new RangeError(`No lab ${slug}`);
	return lab;
}
