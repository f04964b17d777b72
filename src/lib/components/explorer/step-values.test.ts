import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createContext } from '$lib/flows/context';
import type { FlowContext, FlowError, RecordedExchange } from '$lib/flows/types';
import { basicAuthorization } from '$lib/oauth/token-request';
import { hex } from '$lib/core/encoding';
import { HIDDEN } from '$lib/core/masking';
import { diagramFailure, inThisRun } from './explorer-model';
import { stepValues } from './step-values';

const verifier = 'dBjftJeZ4CVP-mJ92K9sY1VZ9JXYqbV8MR8G7ZZd3nY1Gk1aNbIvbc0Tst-Q7ogb';
const sha = createHash('sha256').update(verifier).digest();
const digest = new Uint8Array(sha);

function pkceContext(
	mistakes: FlowContext['mistakes'] = {},
	challenge = sha.toString('base64url')
) {
	return {
		...createContext('authorization-code-pkce', { mistakes }),
		codeVerifier: verifier,
		codeChallenge: challenge
	};
}

const valueOf = (values: { name: string; value: string }[], name: string) =>
	values.find((v) => v.name === name)?.value;

describe('step values', () => {
	it('PKCE step 1: the verifier, its SHA-256 in hex, and the base64url challenge of it', () => {
		const values = stepValues('create-verifier', pkceContext(), { digest, reveal: false });
		expect(valueOf(values, 'code_verifier')).toBe(verifier);
		expect(valueOf(values, 'SHA-256(code_verifier), hex')).toBe(sha.toString('hex'));
		expect(valueOf(values, 'code_challenge')).toBe(sha.toString('base64url'));
		expect(hex(new Uint8Array([0, 15, 255]))).toBe('000fff');
	});

	it('with standard base64 on, shows the challenge sent beside the one Spotify computes', () => {
		const context = pkceContext({ standardBase64Challenge: true }, sha.toString('base64'));
		const values = stepValues('create-verifier', context, { digest, reveal: false });
		const sent = values.find((v) => v.name === 'code_challenge (as this run sends it)')!;
		expect(sent.value).toBe(sha.toString('base64'));
		expect(sent.wrong).toBe(true);
		expect(sent.note).toMatch(/standard base64/);
		expect(valueOf(values, 'code_challenge (what Spotify computes)')).toBe(
			sha.toString('base64url')
		);
	});

	it('the state as made, and as checked when the callback comes back', () => {
		const context = createContext('authorization-code');
		expect(valueOf(stepValues('request-authorization', context, { reveal: false }), 'state')).toBe(
			context.state
		);
		const good = {
			...context,
			callbackUrl: `http://127.0.0.1/callback?code=c&state=${context.state}`
		};
		const checked = stepValues('receive-callback', good, { reveal: false })[0];
		expect(checked.wrong).toBe(false);
		expect(checked.note).toMatch(/matches/);
		const forged = { ...context, callbackUrl: 'http://127.0.0.1/callback?code=c&state=forged' };
		const refused = stepValues('receive-callback', forged, { reveal: false })[0];
		expect(refused.value).toBe('forged');
		expect(refused.wrong).toBe(true);
	});

	it('the Basic header before encoding, its secret hidden unless revealed', () => {
		const secret = '0123456789abcdef0123456789abcdef';
		const context: FlowContext = {
			...createContext('authorization-code'),
			pending: {
				purpose: 'token',
				route: 'direct',
				request: {
					method: 'POST',
					url: 'http://127.0.0.1/api/token',
					headers: { Authorization: basicAuthorization('client', secret) }
				}
			}
		};
		expect(stepValues('exchange-code', context, { reveal: false })[0].value).toBe(
			`client:${HIDDEN}`
		);
		expect(stepValues('exchange-code', context, { reveal: true })[0].value).toBe(
			`client:${secret}`
		);
	});
});

describe('a failed run, as the error card and the diagram tell it', () => {
	const tokenError: FlowError = {
		kind: 'token-response',
		error: 'invalid_grant',
		status: 400
	};
	const exchange = (purpose: RecordedExchange['purpose'], status: number): RecordedExchange => ({
		purpose,
		route: 'direct',
		request: { method: 'POST', url: 'http://127.0.0.1/emulator/accounts/api/token', headers: {} },
		response: { status, statusText: '', headers: {}, body: '' },
		startedAt: 0,
		durationMs: 1
	});

	it('leads with the switch that was on', () => {
		const context = createContext('authorization-code-pkce', { mistakes: { wrongVerifier: true } });
		expect(inThisRun('token', context)).toMatch(/^the “Wrong verifier” switch was on/);
	});

	it('else with what happened: Cancel, a forged state, the expired token, the answer', () => {
		const context = createContext('authorization-code');
		expect(inThisRun('access-denied', context)).toMatch(/you pressed Cancel/);
		expect(inThisRun('state-mismatch', context)).toContain(context.state);
		expect(
			inThisRun('expired-token', {
				...context,
				exchanges: [exchange('token', 200), exchange('expire', 204)]
			})
		).toMatch(/Expire access token now/);
		expect(
			inThisRun('token', {
				...context,
				exchanges: [exchange('token', 400)],
				error: tokenError
			})
		).toBe('POST /emulator/accounts/api/token answered 400 invalid_grant.');
	});

	it('draws Cancel and error answers on the failed step’s arrows', () => {
		const context = createContext('authorization-code');
		expect(diagramFailure('access-denied', 'user-consents', context)?.labels[0]).toBe(
			'Log in, consent: Cancel'
		);
		expect(
			diagramFailure('token', 'exchange-code', {
				...context,
				error: tokenError
			})?.labels
		).toEqual([undefined, '400 invalid_grant']);
		expect(diagramFailure(undefined, 'exchange-code', context)).toBeUndefined();
	});
});
