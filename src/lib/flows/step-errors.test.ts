import { describe, expect, it } from 'vitest';
import { spotifyErrors } from '$lib/spotify/errors';
import { flowSlugs } from '$lib/spotify/flows';
import { profileOf } from './profiles';
import { errorsAtStep, phaseOfStep } from './step-errors';
import { stepIds } from './types';

describe('phaseOfStep', () => {
	it('maps each step to the catalog phase of the brief', () => {
		expect(phaseOfStep).toEqual({
			'create-verifier': 'authorize',
			'request-authorization': 'authorize',
			'user-consents': 'authorize',
			'receive-callback': 'callback',
			'token-in-fragment': 'callback',
			'request-token': 'token',
			'exchange-code': 'token',
			'call-web-api': 'api-call',
			'refresh-token': 'refresh'
		});
	});

	it('names only phases the catalog uses, and every step id has one', () => {
		const phases = new Set(spotifyErrors.map((e) => e.step as string));
		for (const step of stepIds) expect(phases).toContain(phaseOfStep[step]);
	});
});

describe('errorsAtStep', () => {
	it('lists the token errors of the code flow at its exchange, top problems first', () => {
		const errors = errorsAtStep('authorization-code', 'exchange-code');
		const slugs = errors.map((e) => e.slug);
		expect(slugs).toContain('invalid-authorization-code');
		expect(slugs).toContain('invalid-client-secret');
		// PKCE's verifier errors belong to the PKCE flow only.
		expect(slugs).not.toContain('code-verifier-incorrect');
		const ranked = errors.filter((e) => e.problem !== undefined).map((e) => e.problem!);
		expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
		expect(errors.findIndex((e) => e.problem === undefined)).toBeGreaterThanOrEqual(ranked.length);
	});

	it('gives PKCE its verifier errors and no secret errors at the exchange', () => {
		const slugs = errorsAtStep('authorization-code-pkce', 'exchange-code').map((e) => e.slug);
		expect(slugs).toContain('code-verifier-incorrect');
		expect(slugs).not.toContain('invalid-client-secret');
	});

	it('says what is on the wire: the status, the code and the text', () => {
		const reused = errorsAtStep('authorization-code', 'exchange-code').find(
			(e) => e.slug === 'invalid-authorization-code'
		)!;
		expect(reused.answer).toBe('400 invalid_grant: Invalid authorization code');
		const denied = errorsAtStep('authorization-code', 'receive-callback')[0];
		expect(denied.slug).toBe('access-denied');
		expect(denied.answer).toMatch(/^redirect access_denied/);
	});

	it('has something to say at every step of every flow', () => {
		for (const flow of flowSlugs)
			for (const step of profileOf(flow).steps)
				expect(errorsAtStep(flow, step).length, `${flow}/${step}`).toBeGreaterThan(0);
	});
});
