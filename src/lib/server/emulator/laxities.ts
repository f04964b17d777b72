/**
 * Lax server behaviours: the ways an authorization server can be worse than Spotify, which the
 * attack labs need in order to show an attack succeed. Each is named, and each is honoured only
 * in a lab sandbox (lab.ts): a context the lab runner made itself, held by no `Sandboxes` map and
 * named by no cookie. The default sandbox and every browser's sandbox answer as Spotify does,
 * whatever a request says; real Spotify is never involved (the lab runner calls the emulator
 * in-process and has no network transport at all).
 */
import type { EmulatorContext } from './context';

export const laxityNames = [
	'publicClientWithoutPkce',
	'ignoreVerifierWithoutChallenge',
	'reusableCodes',
	'prefixRedirectUris'
] as const;

export type Laxity = (typeof laxityNames)[number];

/** What each laxity changes, for the labs' badges and the README. */
export const laxities: Record<Laxity, { label: string; effect: string }> = {
	publicClientWithoutPkce: {
		label: 'Lax: a public client may redeem a code with its client_id alone',
		effect:
			'a code issued without a code_challenge is exchanged for a client that sends only client_id (RFC 6749 §4.1.3 allows it; Spotify refuses it)'
	},
	ignoreVerifierWithoutChallenge: {
		label: 'Lax: a code_verifier is ignored when the code had no challenge',
		effect:
			'a code issued without a code_challenge is exchanged whatever code_verifier comes with it (RFC 9700 §4.8.2 says MUST refuse)'
	},
	reusableCodes: {
		label: 'Lax: authorization codes can be exchanged more than once',
		effect:
			'a code stays valid after its first exchange, until it expires (RFC 6749 §4.1.2: MUST NOT)'
	},
	prefixRedirectUris: {
		label: 'Lax: redirect URIs are matched by prefix',
		effect:
			'any redirect_uri that starts with a registered one is accepted, and the code or token is sent there (RFC 9700 §4.1.3: exact string matching MUST)'
	}
};

export function isLaxity(value: string): value is Laxity {
	return (laxityNames as readonly string[]).includes(value);
}

/** Rules of a lab sandbox: which laxities it has on. Frozen when the lab sandbox is made. */
export interface LabRules {
	readonly laxities: ReadonlySet<Laxity>;
}

/** Contexts made by openLabSandbox (lab.ts), and only those: a copied context is not one. */
const labContexts = new WeakSet<EmulatorContext>();

/** For lab.ts alone: marks a context it has just made as a lab sandbox. */
export function registerLabContext(ctx: EmulatorContext): void {
	labContexts.add(ctx);
}

/** Is `name` on for this context? Only ever in a registered lab sandbox that switched it on. */
export function laxOn(ctx: EmulatorContext, name: Laxity): boolean {
	return ctx.lab !== undefined && labContexts.has(ctx) && ctx.lab.laxities.has(name);
}
