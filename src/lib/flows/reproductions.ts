/**
 * How each entry of the error catalog is reproduced in the emulator: a run of a flow (its
 * Break-it switches, the era of the app it runs on, and the learner's actions or the step to go
 * to) that ends in that error, as a step link. One typed map, checked by the compiler against the
 * catalog's slugs and the switches' names; the entries a run cannot produce are listed beside it
 * with the reason. `reproductions.test.ts` replays every link against the in-process emulator.
 *
 * It lives here, not in `spotify/`, because a link is a run record (`run-record.ts`): the catalog
 * stays below the protocol core and the machines.
 */
import { teachingMistakes, type TeachingMistake } from '$lib/oauth/mistakes';
import type { CatalogSlug } from '$lib/spotify/error-entries';
import { getEra, type EraId } from '$lib/spotify/eras';
import { getFlow, type FlowSlug } from '$lib/spotify/flows';
import { actionNames, stepLinkQuery, type RunAction, type StepLink } from './run-record';
import type { StepId } from './types';

/** A run that ends in one catalog error: a step link without a seed. */
export interface Reproduction {
	flow: FlowSlug;
	breaks?: readonly TeachingMistake[];
	/** The rules of the app it runs on (see `emulatorAppKey`); absent: the flow's usual app. */
	era?: EraId;
	/** Next (and Agree) until this step is answered… */
	step?: StepId;
	/** …or exactly these actions, when the run needs more than Next and Agree. */
	actions?: readonly RunAction[];
}

/** Why a run cannot end in an error; `later` when it waits for work on the emulator. */
export interface NoReproduction {
	reason: string;
	later?: true;
}

// Actions up to the consent page (Next on each step before it) and on to the Web API's answer.
const toConsentCode = ['next'] as const satisfies RunAction[];
const toConsentPkce = ['next', 'next'] as const satisfies RunAction[];
const toApiCode = ['next', 'agree', 'next', 'next', 'next', 'next'] as const satisfies RunAction[];
const toRefreshPkce = [
	...toConsentPkce,
	'agree',
	...['next', 'next', 'next', 'next', 'next', 'next']
] as const satisfies RunAction[];

/** At the consent page of the PKCE flow, with `breaks` on: /authorize answers its error. */
function atAuthorize(...breaks: TeachingMistake[]): Reproduction {
	return { flow: 'authorization-code-pkce', breaks, actions: [...toConsentPkce, 'agree'] };
}

export const reproductions = {
	// --- /authorize's own error pages ---
	'invalid-redirect-uri-authorize': atAuthorize('unregisteredRedirectUri'),
	'insecure-redirect-uri': atAuthorize('insecureRedirectUri'),
	'invalid-client-authorize': atAuthorize('unknownClientId'),
	'illegal-redirect-uri': atAuthorize('quotedRedirectUri'),
	'illegal-scope': atAuthorize('illegalScope'),
	'missing-client-id': atAuthorize('omitClientId'),
	'missing-redirect-uri': atAuthorize('omitRedirectUri'),
	'missing-response-type': atAuthorize('omitResponseType'),
	// The implicit grant's authorize request, sent for the demo app (today's rules).
	'response-type-must-be-code': {
		flow: 'implicit-grant',
		era: '2026',
		actions: [...toConsentCode, 'agree']
	},
	// --- the Web API on a development-mode app ---
	'user-not-registered': {
		flow: 'authorization-code-pkce',
		breaks: ['userNotAllowlisted'],
		step: 'call-web-api'
	},
	'premium-required': {
		flow: 'authorization-code',
		breaks: ['ownerWithoutPremium'],
		step: 'call-web-api'
	},
	// --- on the redirect back ---
	'access-denied': { flow: 'authorization-code', actions: [...toConsentCode, 'cancel'] },
	'pkce-method-unsupported': atAuthorize('plainChallenge'),
	'state-mismatch': { flow: 'authorization-code', actions: [...toConsentCode, 'forge'] },
	// --- the code exchange ---
	'invalid-authorization-code': {
		flow: 'authorization-code-pkce',
		breaks: ['reuseCode'],
		actions: ['next', 'next', 'agree', 'next', 'next', 'reuse']
	},
	'invalid-redirect-uri-token': {
		flow: 'authorization-code-pkce',
		breaks: ['differentRedirectUri'],
		step: 'exchange-code'
	},
	'code-verifier-incorrect': {
		flow: 'authorization-code-pkce',
		breaks: ['wrongVerifier'],
		step: 'exchange-code'
	},
	'code-verifier-invalid': {
		flow: 'authorization-code-pkce',
		breaks: ['shortVerifier'],
		step: 'exchange-code'
	},
	'code-verifier-required': {
		flow: 'authorization-code-pkce',
		breaks: ['omitVerifier'],
		step: 'exchange-code'
	},
	'code-must-be-supplied': {
		flow: 'authorization-code-pkce',
		breaks: ['emptyCode'],
		step: 'exchange-code'
	},
	'grant-type-missing': {
		flow: 'authorization-code-pkce',
		breaks: ['bodyAsJson'],
		step: 'exchange-code'
	},
	'invalid-client-secret': {
		flow: 'authorization-code',
		breaks: ['wrongSecret'],
		step: 'exchange-code'
	},
	'invalid-client-token': {
		flow: 'client-credentials',
		breaks: ['swappedCredentials'],
		step: 'request-token'
	},
	'invalid-client-malformed': {
		flow: 'client-credentials',
		breaks: ['basicWithNewline'],
		step: 'request-token'
	},
	'grant-type-unsupported': {
		flow: 'client-credentials',
		breaks: ['misspeltGrantType'],
		step: 'request-token'
	},
	// The emulator's own answer to a GET: Spotify's is not documented.
	'token-method-not-allowed': {
		flow: 'client-credentials',
		breaks: ['tokenRequestAsGet'],
		step: 'request-token'
	},
	// --- the refresh ---
	'invalid-refresh-token': {
		flow: 'authorization-code-pkce',
		breaks: ['garbledRefreshToken'],
		step: 'refresh-token'
	},
	'refresh-token-must-be-supplied': {
		flow: 'authorization-code-pkce',
		breaks: ['omitRefreshToken'],
		step: 'refresh-token'
	},
	// PKCE refresh tokens rotate on the classic rules: the second refresh sends the revoked one.
	'refresh-token-revoked': {
		flow: 'authorization-code-pkce',
		breaks: ['keepOldRefreshToken'],
		era: 'classic',
		actions: [...toRefreshPkce, 'refresh']
	},
	// --- the Web API ---
	'missing-invalid-expired-token': {
		flow: 'authorization-code',
		actions: [...toApiCode, 'expire', 'next']
	},
	// The 401 text of an app on the rules from before July 2026.
	'access-token-expired': {
		flow: 'authorization-code',
		era: 'classic',
		actions: [...toApiCode, 'expire', 'next']
	},
	'only-bearer-supported': {
		flow: 'client-credentials',
		breaks: ['tokenObjectAsBearer'],
		step: 'call-web-api'
	},
	'insufficient-client-scope': {
		flow: 'client-credentials',
		breaks: ['appTokenOnMe'],
		step: 'call-web-api'
	}
} as const satisfies Partial<Record<CatalogSlug, Reproduction>>;

const webApiParameter: NoReproduction = {
	reason:
		'A parameter of one Web API endpoint: a run calls only /v1/me or one known artist, always well formed. The emulator answers it to a direct call.'
};
const craftedCallback: NoReproduction = {
	reason:
		'Only a crafted or damaged callback URL carries it: the emulator never redirects so, and a forged callback is a real authorization.'
};
const notFromSpotify: NoReproduction = {
	reason: 'Not an answer of Spotify’s OAuth endpoints, so nothing in the emulator sends it.'
};
const notTheEmulator: NoReproduction = {
	reason:
		'Something other than the token endpoint or the Web API answered (a wrong URL, a proxy): it needs a broken network, not a run.'
};

/** The catalog entries no run of a flow ends in, and why (a test checks the two lists cover all). */
export const notReproducible = {
	// Reported with valid-looking client IDs; no one knows what triggers it.
	'failed-to-get-client': {
		reason: 'Its cause is not documented, so there is nothing to switch on.'
	},
	'something-went-wrong': {
		reason: 'A generic failure of Spotify’s accounts service with no known trigger.'
	},
	// The emulator seeds an app on the 2026 rules and one on the classic rules, none on 2025-11's.
	'unsupported-response-type': {
		reason:
			'Needs an emulator app on the November 2025 rules (the redirect with unsupported_response_type); only apps on the 2026 and classic rules are seeded.',
		later: true
	},
	'authorization-code-expired': {
		reason:
			'Needs ten minutes between the callback and the exchange: the emulator’s control API can expire a code, but no run action asks it to.',
		later: true
	},
	// A missing or unknown token names no app, so the emulator answers in its default era.
	'no-token-provided': {
		reason:
			'A request without a token names no app, so the emulator answers in its default era: on today’s rules that is “Missing/invalid/expired access token”.'
	},
	'invalid-access-token': {
		reason:
			'An unknown token names no app, so the emulator answers in its default era: on today’s rules that is “Missing/invalid/expired access token”.'
	},
	'rate-limited': {
		reason:
			'Needs a rate limit set through the emulator’s control API (POST control/rate-limit); no run action sets one.'
	},
	'invalid-id': webApiParameter,
	'resource-not-found': webApiParameter,
	'no-search-query': webApiParameter,
	'missing-search-type': webApiParameter,
	'bad-search-type': webApiParameter,
	'invalid-limit': webApiParameter,
	'invalid-offset': webApiParameter,
	'invalid-time-range': webApiParameter,
	'service-not-found': webApiParameter,
	'web-api-method-not-allowed': webApiParameter,
	'redirect-uri-not-secure': {
		reason:
			'The dashboard’s message when a redirect URI is registered, not an answer of a flow (the emulator’s dashboard shows it).'
	},
	'callback-code-and-error': craftedCallback,
	'callback-empty': craftedCallback,
	'callback-repeated-parameter': craftedCallback,
	'malformed-token-response': notTheEmulator,
	'malformed-web-api-response': notTheEmulator,
	'spotify-network-vpn': notFromSpotify,
	'cors-blocked': notFromSpotify,
	'address-already-in-use': notFromSpotify
} as const satisfies Partial<Record<CatalogSlug, NoReproduction>>;

// The compiler's check: every catalog entry is decided, and none both ways.
type Undecided = Exclude<CatalogSlug, keyof typeof reproductions | keyof typeof notReproducible>;
type BothWays = Extract<keyof typeof reproductions, keyof typeof notReproducible>;
const everyEntryDecided: [Undecided, BothWays] extends [never, never]
	? true
	: [Undecided, BothWays] = true;
void everyEntryDecided;

export type ReproducibleSlug = keyof typeof reproductions;

/** A reproduction as the step link the explorer replays. */
export function stepLinkOf(record: Reproduction): StepLink {
	const link: StepLink = { flow: record.flow, breaks: [...(record.breaks ?? [])] };
	if (record.step) link.step = record.step;
	if (record.era) link.era = record.era;
	if (record.actions) link.actions = [...record.actions];
	return link;
}

export interface ReproductionLink {
	href: string;
	flow: FlowSlug;
	/** What the link does, in words: the flow, the switches, the era, the notable actions. */
	text: string;
}

/** The record of a catalog entry, when a run reproduces it. */
export function reproductionOf(slug: string): Reproduction | undefined {
	return (reproductions as Partial<Record<string, Reproduction>>)[slug];
}

/** The link that reproduces a catalog entry in the emulator, or undefined when none can. */
export function reproduceLink(slug: string): ReproductionLink | undefined {
	const record = reproductionOf(slug);
	if (!record) return undefined;
	return {
		href: `/flows/${record.flow}?${stepLinkQuery(stepLinkOf(record))}`,
		flow: record.flow,
		text: describeReproduction(record)
	};
}

/**
 * “authorization code with PKCE flow, with “Illegal scope” switched on”, “authorization code
 * flow: Cancel at the consent page”: built from the record, never written per entry.
 */
export function describeReproduction(record: Reproduction): string {
	const name = getFlow(record.flow).name;
	let text = `${name.charAt(0).toLowerCase()}${name.slice(1)} flow`;
	const labels = (record.breaks ?? []).map(
		(b) => `“${teachingMistakes.find((m) => m.name === b)!.label}”`
	);
	if (labels.length > 0) text += `, with ${labels.join(' and ')} switched on`;
	if (record.era) text += `, on the rules of ${getEra(record.era).name}`;
	const notable = (record.actions ?? []).filter((a) => a !== 'next' && a !== 'agree');
	if (notable.length > 0) text += `: ${notable.map((a) => actionNames[a]).join(', then ')}`;
	return text;
}
