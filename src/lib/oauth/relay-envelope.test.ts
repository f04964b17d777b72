import { describe, expect, it } from 'vitest';
import { readRelayAnswer, relayFetchArguments, RelayRefusedError } from './relay-envelope';

const request = { method: 'GET', url: 'https://api.spotify.com/v1/me', headers: {} } as const;

describe('relayFetchArguments', () => {
	it('POSTs the envelope as JSON to /relay', () => {
		const [url, init] = relayFetchArguments({ request, useServerSecret: false });
		expect(url).toBe('/relay');
		expect(init.method).toBe('POST');
		expect(init.headers).toEqual({ 'content-type': 'application/json' });
		expect(JSON.parse(String(init.body))).toEqual({ request, useServerSecret: false });
	});
});

describe('readRelayAnswer', () => {
	it('returns the upstream response of a 200', () => {
		const upstream = { status: 401, statusText: '', headers: {}, body: '{}' };
		expect(readRelayAnswer(200, JSON.stringify(upstream))).toEqual(upstream);
	});

	it('throws the refusal reason', () => {
		expect(() =>
			readRelayAnswer(413, JSON.stringify({ refused: 'too-large', message: 'big' }))
		).toThrow(expect.objectContaining({ reason: 'too-large', status: 413, message: 'big' }));
	});

	it.each([
		[502, 'Bad gateway'],
		[200, '{"nothing":1}']
	])('anything else (%i %s) is a failed relay', (status, body) => {
		expect(() => readRelayAnswer(status, body)).toThrow(RelayRefusedError);
	});
});
