/**
 * Everything that differs between the flows, in one typed record per flow, built from the facts
 * of `spotify/flows.ts`. Nothing else tells flows apart by name: adding a flow is adding a
 * profile, and the compiler lists what it must say.
 */
import { getFlow, type FlowSlug } from '$lib/spotify/flows';
import type { StepId } from './types';

export interface FlowProfile {
	slug: FlowSlug;
	/** The learner-visible steps in page order (the content files' names; a test checks them). */
	steps: readonly StepId[];
	/** Where the callback carries its answer: the query (code) or the fragment (token). */
	responseMode: 'query' | 'fragment' | null;
	responseType: 'code' | 'token' | null;
	/** How the first token request is made. */
	tokenRequest: 'confidential-code' | 'pkce-code' | 'client-credentials' | null;
	/** Does the app prove itself with its client secret (a confidential client)? */
	confidential: boolean;
	/** Who the refresh request authenticates as, when the flow refreshes. */
	refreshClient: 'confidential' | 'public' | null;
	/** The emulator app it runs on by default: the implicit grant needs the legacy rules. */
	emulatorApp: 'demo' | 'legacy';
	/** The token acts for a user (`/v1/me`) or for the app alone (an artist). */
	actsFor: 'user' | 'app';
	/** The step where a callback is checked (state first), when there is a callback. */
	callbackStep: StepId | null;
	/** Does the flow send the browser to /authorize? */
	browserRedirect: boolean;
}

function profile(slug: FlowSlug, steps: readonly StepId[]): FlowProfile {
	const flow = getFlow(slug);
	const code = flow.responseType === 'code';
	return {
		slug,
		steps,
		responseMode: flow.responseType === 'token' ? 'fragment' : code ? 'query' : null,
		responseType: flow.responseType,
		tokenRequest: !flow.grantTypes.length
			? null
			: !code
				? 'client-credentials'
				: flow.usesPkce
					? 'pkce-code'
					: 'confidential-code',
		confidential: flow.secretServerSide,
		refreshClient: !flow.refresh ? null : flow.secretServerSide ? 'confidential' : 'public',
		emulatorApp: flow.status === 'removed' ? 'legacy' : 'demo',
		actsFor: flow.userData ? 'user' : 'app',
		callbackStep: steps.find((s) => s === 'receive-callback' || s === 'token-in-fragment') ?? null,
		browserRedirect: flow.browserRedirect
	};
}

const codeSteps = [
	'request-authorization',
	'user-consents',
	'receive-callback',
	'exchange-code',
	'call-web-api',
	'refresh-token'
] as const satisfies readonly StepId[];

export const flowProfiles: Record<FlowSlug, FlowProfile> = {
	'authorization-code': profile('authorization-code', codeSteps),
	'authorization-code-pkce': profile('authorization-code-pkce', ['create-verifier', ...codeSteps]),
	'client-credentials': profile('client-credentials', ['request-token', 'call-web-api']),
	'implicit-grant': profile('implicit-grant', [
		'request-authorization',
		'user-consents',
		'token-in-fragment',
		'call-web-api'
	])
};

export function profileOf(flow: FlowSlug): FlowProfile {
	return flowProfiles[flow];
}
