import { describe, expect, it } from 'vitest';
import { createActor, toPromise } from 'xstate';
import type { HttpRequestDescription } from '$lib/oauth/http';
import { RelayRefusedError } from '$lib/oauth/relay-envelope';
import { createExchangeActor, createFetchTransport, createHandlerTransport } from './transport';

const tokenRequest: HttpRequestDescription = {
	method: 'POST',
	url: 'https://accounts.spotify.com/api/token',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic YTpi' },
	body: { type: 'form', fields: [['grant_type', 'client_credentials']] }
};

interface Call {
	url: string;
	init: RequestInit;
}

function fakeFetch(answer: () => Response): { fetch: typeof fetch; calls: Call[] } {
	const calls: Call[] = [];
	const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
		calls.push({ url: String(url), init: init ?? {} });
		return answer();
	}) as typeof fetch;
	return { fetch: fetchImpl, calls };
}

describe('transport', () => {
	it('sends exactly the description with fetch and does not follow redirects', async () => {
		const { fetch, calls } = fakeFetch(
			() => new Response('{"ok":true}', { status: 200, headers: { 'x-a': '1' } })
		);
		const response = await createFetchTransport(fetch)(tokenRequest);
		expect(calls).toHaveLength(1);
		expect(calls[0].url).toBe('https://accounts.spotify.com/api/token');
		expect(calls[0].init).toMatchObject({
			method: 'POST',
			redirect: 'manual',
			body: 'grant_type=client_credentials',
			headers: tokenRequest.headers
		});
		expect(response).toMatchObject({ status: 200, body: '{"ok":true}' });
		expect(response.headers['x-a']).toBe('1');
	});

	it('wraps relay requests in the envelope and unwraps the upstream answer', async () => {
		const upstream = {
			status: 400,
			statusText: '',
			headers: {},
			body: '{"error":"invalid_client"}'
		};
		const { fetch, calls } = fakeFetch(
			() => new Response(JSON.stringify(upstream), { status: 200 })
		);
		const response = await createFetchTransport(fetch)(tokenRequest, 'relay');
		expect(calls[0].url).toBe('/relay');
		expect(JSON.parse(String(calls[0].init.body))).toEqual({ request: tokenRequest });
		expect(response).toEqual(upstream);
	});

	it('asks the relay for the server secret when the request carries none', async () => {
		const { fetch, calls } = fakeFetch(
			() => new Response(JSON.stringify({ status: 200, statusText: '', headers: {}, body: '{}' }))
		);
		const headers = { 'Content-Type': tokenRequest.headers['Content-Type'] };
		await createFetchTransport(fetch)({ ...tokenRequest, headers }, 'relay');
		expect(JSON.parse(String(calls[0].init.body))).toMatchObject({ useServerSecret: true });
	});

	it('turns a relay refusal into a typed error', async () => {
		const { fetch } = fakeFetch(
			() =>
				new Response(JSON.stringify({ refused: 'host-not-allowed', message: 'no' }), {
					status: 403
				})
		);
		await expect(createFetchTransport(fetch)(tokenRequest, 'relay')).rejects.toBeInstanceOf(
			RelayRefusedError
		);
	});

	it('hands a Web Request to an in-process handler', async () => {
		let seen: Request | undefined;
		const transport = createHandlerTransport(async (request) => {
			seen = request;
			return new Response('hi', { status: 201 });
		});
		const response = await transport(tokenRequest);
		expect(seen?.method).toBe('POST');
		expect(await seen?.text()).toBe('grant_type=client_credentials');
		expect(response).toMatchObject({ status: 201, body: 'hi' });
	});

	it('records the exchange with times from the injected clock', async () => {
		let now = 1_000;
		const clock = { now: () => (now += 7) };
		const transport = createHandlerTransport(() => new Response('{}'));
		const actor = createActor(createExchangeActor(transport, clock), {
			input: { purpose: 'token', route: 'direct', request: tokenRequest }
		}).start();
		const { exchange, outcome } = await toPromise(actor);
		expect(exchange).toMatchObject({ purpose: 'token', startedAt: 1_007, durationMs: 7 });
		expect(exchange.response.status).toBe(200);
		expect(exchange.request).toBe(tokenRequest);
		// Read once, here: `{}` is no token response.
		expect(outcome.kind).toBe('failed');
	});
});
