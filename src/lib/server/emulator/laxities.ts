/**
 * Lax server behaviours: the ways an authorization server can be worse than Spotify, which the
 * attack labs need in order to show an attack succeed; and strict ones, which RFC 9700 asks for
 * but Spotify is not known to do, which the labs need in order to show a defence. Each is named,
 * and each is honoured only
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

/**
 * Strict behaviours that only a lab sandbox has: stricter than what Spotify documents or is
 * observed to do, so a normal run never has them (the emulator imitates Spotify there).
 */
export const strictNames = ['revokeTokensOnCodeReplay', 'refreshTokenReuseDetection'] as const;

export type Strictness = (typeof strictNames)[number];

export const strictnesses: Record<Strictness, { label: string; effect: string }> = {
	revokeTokensOnCodeReplay: {
		label: 'Lab only: a replayed code revokes the tokens issued from it',
		effect:
			'a code presented a second time is refused, and every token issued from its first exchange (and refreshed from them) stops working (RFC 6749 §4.1.2: SHOULD; what Spotify does is not reported)'
	},
	refreshTokenReuseDetection: {
		label: 'Lab only: refresh tokens rotate, and a rotated one presented again revokes the grant',
		effect:
			'every refresh returns a new refresh token; an already rotated one coming back revokes every refresh and access token of that authorization (RFC 9700 §4.14.2; Spotify in 2026 does not rotate)'
	}
};

export function isStrictness(value: string): value is Strictness {
	return (strictNames as readonly string[]).includes(value);
}

/** What a lab sandbox can have on: lax or strict behaviours, by name. */
export type LabBehaviour = Laxity | Strictness;

/** Rules of a lab sandbox: which behaviours it has on. Frozen when the lab sandbox is made. */
export interface LabRules {
	readonly laxities: ReadonlySet<Laxity>;
	readonly strict: ReadonlySet<Strictness>;
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

/** Is the strict behaviour `name` on? As for laxities: only in a lab sandbox that asked for it. */
export function strictOn(ctx: EmulatorContext, name: Strictness): boolean {
	return ctx.lab !== undefined && labContexts.has(ctx) && ctx.lab.strict.has(name);
}
