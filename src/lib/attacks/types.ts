/**
 * What an attack lab run is, as the page shows it: the steps that really happened (each with its
 * HTTP exchange against the emulator, when there was one), what each side holds afterwards, and
 * the verdict computed from the answers. Plain data: it goes to the browser as JSON.
 */
import type { HttpRequestDescription, HttpResponseDescription } from '../oauth/http';

export const labSlugs = [
	'code-interception-without-pkce',
	'login-csrf-without-state',
	'pkce-downgrade',
	'implicit-token-leak',
	'code-replay',
	'redirect-uri-tampering',
	'secret-in-spa-bundle',
	'refresh-token-theft'
] as const;

export type LabSlug = (typeof labSlugs)[number];

export function isLabSlug(value: string): value is LabSlug {
	return (labSlugs as readonly string[]).includes(value);
}

export const defenceIds = [
	'pkce',
	'state',
	'verifier-needs-challenge',
	'code-instead-of-implicit',
	'referrer-policy',
	'scrub-fragment',
	'single-use-codes',
	'revoke-on-code-replay',
	'exact-redirect-match',
	'rotate-secret',
	'refresh-reuse-detection',
	'refresh-rotation'
] as const;

export type DefenceId = (typeof defenceIds)[number];

/** Who acts in a step: the sequence's lanes. */
export type Lane = 'victim' | 'victim-app' | 'attacker' | 'attacker-site' | 'spotify';

export interface LabExchange {
	request: HttpRequestDescription;
	response: HttpResponseDescription;
}

/** What one side (a browser, or the attacker's site) holds: shown beside the steps. */
export interface SideState {
	cookies: string[];
	storage: string[];
	/** The browser's history list: every URL visited (the History tab, autocomplete). */
	history: string[];
	/** The address bar: the current page's URL, as replaceState may have rewritten it. */
	address: string[];
}

export interface AttackerSite {
	/** What the attacker put on their site (the exploit). */
	stored: string[];
	/** What the attacker sent to the victim. */
	delivered: string[];
	/** Requests the attacker's site received: what leaked to it. */
	accessLog: string[];
}

export interface Sides {
	victim: SideState;
	attacker: SideState;
	site: AttackerSite;
}

export interface LabStep {
	/** Unique within the run, for links: `/attacks/<slug>?step=<id>`. */
	id: string;
	lane: Lane;
	/** To whom, when the step sends something (the arrow's end). */
	to?: Lane;
	title: string;
	detail?: string;
	exchange?: LabExchange;
	/** What each side holds after this step. */
	sides: Sides;
}

/** What stopped the attack: the emulator's answer, or the app's own refusal. */
export type Refusal =
	| { by: 'emulator'; status: number; body: string; stepId: string }
	| { by: 'app'; message: string; stepId: string };

/** A way a secret can leave the victim's browser, and whether it carried one in this run. */
export interface LeakChannel {
	id: 'history' | 'address-bar' | 'third-party-script' | 'referer' | 'open-redirector';
	label: string;
	leaked: boolean;
	/** What the channel carried in this run, computed from the simulated browser. */
	carried: string;
}

export type Verdict =
	| { outcome: 'succeeded'; text: string; evidence: string; channels?: LeakChannel[] }
	| { outcome: 'blocked'; text: string; refusal: Refusal; channels?: LeakChannel[] };

export interface LabRun {
	slug: LabSlug;
	defence: DefenceId | null;
	/** The lax server behaviours the lab sandbox had on, by name (laxities.ts). */
	laxities: string[];
	/** The lab-only strict behaviours it had on, by name (laxities.ts). */
	strict: string[];
	steps: LabStep[];
	verdict: Verdict;
}
