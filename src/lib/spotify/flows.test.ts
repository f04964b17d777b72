import { describe, expect, it } from 'vitest';
import { flowSlugs, flows, getFlow, isFlowSlug } from './flows';

// The table of shared/spotify-reference.md §1 and DESIGN.md, copied here by hand on purpose: the
// module must agree with the reference, not with itself.
const reference = {
	'authorization-code': { userData: true, secretServerSide: true, refresh: true },
	'authorization-code-pkce': { userData: true, secretServerSide: false, refresh: true },
	'client-credentials': { userData: false, secretServerSide: true, refresh: false },
	'implicit-grant': { userData: true, secretServerSide: false, refresh: false }
};

describe('flows', () => {
	it('has exactly the four fixed slugs, in order', () => {
		expect(flows.map((f) => f.slug)).toEqual([...flowSlugs]);
		expect(flowSlugs).toEqual(Object.keys(reference));
	});

	it.each(Object.entries(reference))("matches Spotify's table for %s", (slug, expected) => {
		const flow = flows.find((f) => f.slug === slug)!;
		expect({
			userData: flow.userData,
			secretServerSide: flow.secretServerSide,
			refresh: flow.refresh
		}).toEqual(expected);
	});

	it('returns a refresh token exactly where the access token can be refreshed', () => {
		for (const flow of flows) expect(flow.returnsRefreshToken).toBe(flow.refresh);
	});

	it('marks only the implicit grant as removed, with the token response type', () => {
		expect(flows.filter((f) => f.status === 'removed').map((f) => f.slug)).toEqual([
			'implicit-grant'
		]);
		expect(getFlow('implicit-grant').responseType).toBe('token');
	});

	it('uses PKCE only in the PKCE flow, and a browser redirect in every user flow', () => {
		expect(flows.filter((f) => f.usesPkce).map((f) => f.slug)).toEqual(['authorization-code-pkce']);
		for (const flow of flows) expect(flow.browserRedirect).toBe(flow.userData);
	});

	it('recognises slugs', () => {
		expect(isFlowSlug('client-credentials')).toBe(true);
		expect(isFlowSlug('password')).toBe(false);
	});
});
