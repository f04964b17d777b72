import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildWebApiRequest } from '$lib/oauth/api-request';
import { spotifyBaseUrls } from '$lib/oauth/endpoints';
import { encodeBody, type HttpRequestDescription } from '$lib/oauth/http';
import {
	readRelayAnswer,
	relayFetchArguments,
	RelayRefusedError,
	type RelayEnvelope
} from '$lib/oauth/relay-envelope';
import {
	basicAuthorization,
	buildAuthorizationCodeTokenRequest,
	buildClientCredentialsRequest
} from '$lib/oauth/token-request';
import { handleRelayRequest, isLoopbackAddress, relayInfo, type RelayOptions } from './relay';

const origin = 'http://127.0.0.1:5173';
const secret = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const serverSecret = 'beefcafebeefcafebeefcafebeefcafe';
const code = 'AQ-secret-code-value';

const tokenRequest = buildAuthorizationCodeTokenRequest({
	accountsBase: spotifyBaseUrls.accounts,
	client: { method: 'basic', clientId: 'client123', clientSecret: secret },
	code,
	redirectUri: 'http://127.0.0.1:5173/callback'
});

interface Sent {
	url: string;
	init: RequestInit;
}

/** A fetch that records what it was asked and answers with `answer`. */
function fakeFetch(answer: () => Response = () => jsonResponse(200, { access_token: 'BQ' })) {
	const sent: Sent[] = [];
	const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
		sent.push({ url: String(url), init: init ?? {} });
		return answer();
	});
	return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

/** The relay's POST as the explorer sends it: JSON, with this site's Origin unless overridden. */
function post(envelope: unknown, headers: Record<string, string> = { origin }): Request {
	const [, init] = relayFetchArguments(envelope as RelayEnvelope);
	return new Request(`${origin}/relay`, {
		...init,
		headers: { ...(init.headers as Record<string, string>), ...headers }
	});
}

async function relay(
	envelope: unknown,
	options: Partial<RelayOptions> = {},
	headers: Record<string, string> = { origin }
) {
	const { fetch, sent } = options.fetch ? { fetch: options.fetch, sent: [] } : fakeFetch();
	const response = await handleRelayRequest(post(envelope, headers), {
		origin,
		remoteAddress: '127.0.0.1',
		log: () => {},
		...options,
		fetch
	});
	return { response, sent, body: (await response.json()) as Record<string, unknown> };
}

describe('allowed targets are forwarded', () => {
	it('the token endpoint: same method, URL, headers and body; no redirects followed', async () => {
		const fake = fakeFetch(() =>
			jsonResponse(
				200,
				{ access_token: 'BQ', token_type: 'Bearer', expires_in: 3600 },
				{ 'set-cookie': 'sp=1', 'x-extra': 'kept' }
			)
		);
		const { response, body } = await relay({ request: tokenRequest }, { fetch: fake.fetch });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(fake.sent).toHaveLength(1);
		const [{ url, init }] = fake.sent;
		expect(url).toBe('https://accounts.spotify.com/api/token');
		expect(init.method).toBe('POST');
		expect(init.headers).toEqual(tokenRequest.headers);
		expect(init.body).toBe(encodeBody(tokenRequest.body!));
		expect(init.redirect).toBe('manual');
		const upstream = readRelayAnswer(200, JSON.stringify(body));
		expect(upstream.status).toBe(200);
		expect(JSON.parse(upstream.body)).toMatchObject({ access_token: 'BQ' });
		expect(upstream.headers['x-extra']).toBe('kept');
		expect(upstream.headers).not.toHaveProperty('set-cookie');
	});

	it('Web API calls under /v1/, with their query', async () => {
		const request = buildWebApiRequest({
			apiBase: spotifyBaseUrls.api,
			path: '/v1/search',
			query: { q: 'daft punk', type: 'artist' },
			accessToken: 'BQtoken'
		});
		const fake = fakeFetch(() => jsonResponse(200, { artists: {} }));
		const { response } = await relay({ request }, { fetch: fake.fetch });
		expect(response.status).toBe(200);
		expect(fake.sent[0].url).toBe('https://api.spotify.com/v1/search?q=daft+punk&type=artist');
		expect(fake.sent[0].init.method).toBe('GET');
		expect(fake.sent[0].init.body).toBeUndefined();
	});

	it("Spotify's errors come back as answers, not refusals", async () => {
		const fake = fakeFetch(() =>
			jsonResponse(400, { error: 'invalid_grant', error_description: 'Invalid authorization code' })
		);
		const { response, body } = await relay({ request: tokenRequest }, { fetch: fake.fetch });
		expect(response.status).toBe(200);
		// The relay's 200 body is the upstream response description itself.
		expect(body).toMatchObject({ status: 400, headers: { 'content-type': 'application/json' } });
		expect(readRelayAnswer(200, JSON.stringify(body)).status).toBe(400);
	});

	it('forwards only Authorization, Content-Type and Accept', async () => {
		const request = {
			...tokenRequest,
			headers: {
				...tokenRequest.headers,
				Cookie: 'session=1',
				Host: 'evil.test',
				Accept: 'application/json'
			}
		};
		const fake = fakeFetch();
		await relay({ request }, { fetch: fake.fetch });
		expect(Object.keys(fake.sent[0].init.headers as object)).toEqual([
			'Content-Type',
			'Authorization',
			'Accept'
		]);
	});
});

describe('targets that are refused (and never fetched)', () => {
	const cases: [string, string, HttpRequestDescription['method']?][] = [
		['http://accounts.spotify.com/api/token', 'scheme-not-allowed'],
		['ftp://accounts.spotify.com/api/token', 'scheme-not-allowed'],
		['https://accounts.spotify.com@evil.test/api/token', 'userinfo-not-allowed'],
		['https://user:pass@accounts.spotify.com/api/token', 'userinfo-not-allowed'],
		['https://accounts.spotify.com:8443/api/token', 'port-not-allowed'],
		['https://api.spotify.com:80/v1/me', 'port-not-allowed'],
		['https://accounts.spotify.com:443/api/token', 'url-not-canonical'],
		['https://1.2.3.4/api/token', 'ip-literal-not-allowed'],
		['https://16843009/v1/me', 'ip-literal-not-allowed'],
		['https://0x7f.1/v1/me', 'ip-literal-not-allowed'],
		['https://[::1]/v1/me', 'ip-literal-not-allowed'],
		['https://[2600:1901::1]/api/token', 'ip-literal-not-allowed'],
		['https://evil.test/api/token', 'host-not-allowed'],
		['https://api.spotify.com.evil.test/v1/me', 'host-not-allowed'],
		['https://accounts.spotify.com./api/token', 'host-not-allowed'],
		['https://open.spotify.com/v1/me', 'host-not-allowed'],
		['https://evil.test/?https://api.spotify.com/v1/me', 'host-not-allowed'],
		['https://ACCOUNTS.spotify.com/api/token', 'url-not-canonical'],
		['https://api.spotify.com/v1/../admin', 'url-not-canonical'],
		['https://api.spotify.com/v1/%2e%2e/admin', 'url-not-canonical'],
		['https://accounts.spotify.com\\@evil.test/api/token', 'url-not-canonical'],
		['https://api.spotify.com/v1/me#x', 'url-not-canonical'],
		['https://accounts.spotify.com/authorize', 'path-not-allowed'],
		['https://accounts.spotify.com/api/token?grant_type=x', 'path-not-allowed'],
		['https://accounts.spotify.com/v1/me', 'path-not-allowed'],
		['https://api.spotify.com/api/token', 'path-not-allowed'],
		['https://api.spotify.com/v2/me', 'path-not-allowed'],
		['https://api.spotify.com/v1', 'path-not-allowed'],
		['https://accounts.spotify.com/api/token', 'method-not-allowed', 'GET'],
		['not a url', 'bad-url'],
		['/api/token', 'bad-url']
	];

	it.each(cases)('%s -> %s', async (url, reason, method = 'POST') => {
		const fake = fakeFetch();
		const request = {
			...tokenRequest,
			method,
			url,
			...(method === 'GET' ? { body: undefined } : {})
		};
		const { response, body } = await relay({ request }, { fetch: fake.fetch });
		expect(body.refused).toBe(reason);
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(fake.sent).toHaveLength(0);
	});

	it('a method the Web API target does not take', async () => {
		const request = { method: 'PATCH', url: 'https://api.spotify.com/v1/me', headers: {} };
		expect((await relay({ request })).body.refused).toBe('method-not-allowed');
	});
});

describe('redirects are refused, not followed', () => {
	it.each([301, 302, 303, 307, 308])('%i', async (status) => {
		const fake = fakeFetch(
			() => new Response(null, { status, headers: { location: 'https://evil.test/steal' } })
		);
		const { response, body } = await relay({ request: tokenRequest }, { fetch: fake.fetch });
		expect(response.status).toBe(502);
		expect(body.refused).toBe('redirect-refused');
		expect(fake.sent).toHaveLength(1);
		expect(JSON.stringify(body)).not.toContain('evil.test');
	});
});

describe('size limits', () => {
	const big = {
		...tokenRequest,
		body: { type: 'form', fields: [['code', 'x'.repeat(17 * 1024)]] }
	};

	it('an oversized envelope is refused with 413', async () => {
		const fake = fakeFetch();
		const { response, body } = await relay({ request: big }, { fetch: fake.fetch });
		expect(response.status).toBe(413);
		expect(body.refused).toBe('too-large');
		expect(fake.sent).toHaveLength(0);
	});

	it('also when it streams in without a Content-Length', async () => {
		const text = JSON.stringify({ request: big });
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				const bytes = new TextEncoder().encode(text);
				for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
				controller.close();
			}
		});
		const request = new Request(`${origin}/relay`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(request.headers.get('content-length')).toBeNull();
		const response = await handleRelayRequest(request, {
			origin,
			log: () => {},
			fetch: fakeFetch().fetch
		});
		expect(response.status).toBe(413);
	});

	it('an oversized upstream answer is not passed on', async () => {
		const fake = fakeFetch(() => new Response('x'.repeat(1024 * 1024 + 1)));
		const { body } = await relay({ request: tokenRequest }, { fetch: fake.fetch });
		expect(body.refused).toBe('upstream-too-large');
	});
});

describe('the caller and the envelope', () => {
	it('takes JSON only', async () => {
		const request = new Request(`${origin}/relay`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'request=x'
		});
		const response = await handleRelayRequest(request, { origin, log: () => {} });
		expect(response.status).toBe(415);
	});

	it('refuses other origins and cross-site fetches, accepts its own', async () => {
		expect(
			(await relay({ request: tokenRequest }, {}, { origin: 'https://evil.test' })).body.refused
		).toBe('cross-origin');
		expect(
			(await relay({ request: tokenRequest }, {}, { 'sec-fetch-site': 'cross-site' })).body.refused
		).toBe('cross-origin');
		expect((await relay({ request: tokenRequest }, {}, { origin })).response.status).toBe(200);
	});

	it.each([
		['not JSON', '{'],
		['no request', {}],
		['headers not strings', { request: { ...tokenRequest, headers: { a: 1 } } }],
		['bad body', { request: { ...tokenRequest, body: { type: 'xml', fields: [] } } }],
		['bad field', { request: { ...tokenRequest, body: { type: 'form', fields: [['a']] } } }],
		['useServerSecret not boolean', { request: tokenRequest, useServerSecret: 'yes' }],
		[
			'GET with a body',
			{
				request: {
					...buildWebApiRequest({ apiBase: spotifyBaseUrls.api, path: '/v1/me', accessToken: 't' }),
					body: { type: 'form', fields: [] }
				}
			}
		]
	])('%s -> bad-envelope', async (_, envelope) => {
		const request = new Request(`${origin}/relay`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: typeof envelope === 'string' ? envelope : JSON.stringify(envelope)
		});
		const response = await handleRelayRequest(request, {
			origin,
			log: () => {},
			fetch: fakeFetch().fetch
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { refused: string }).refused).toBe('bad-envelope');
	});

	it('a network failure is a 502 refusal', async () => {
		const fetch = vi.fn(async () => {
			throw new TypeError('fetch failed');
		}) as unknown as typeof globalThis.fetch;
		const { response, body } = await relay({ request: tokenRequest }, { fetch });
		expect(response.status).toBe(502);
		expect(body.refused).toBe('upstream-failed');
	});

	it('an answer whose body breaks off mid-stream is a 502 refusal, not a 500', async () => {
		const fake = fakeFetch(() => {
			let pulls = 0;
			const body = new ReadableStream<Uint8Array>({
				pull(controller) {
					if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"access_tok'));
					else controller.error(new TypeError('terminated: other side closed'));
				}
			});
			return new Response(body, { headers: { 'content-type': 'application/json' } });
		});
		const { response, body } = await relay({ request: tokenRequest }, { fetch: fake.fetch });
		expect(fake.sent).toHaveLength(1);
		expect(response.status).toBe(502);
		expect(body.refused).toBe('upstream-failed');
		expect(JSON.stringify(body)).not.toContain('access_tok');
	});
});

describe('the server secret', () => {
	const serverRequest = buildClientCredentialsRequest({
		accountsBase: spotifyBaseUrls.accounts,
		client: { method: 'server-secret', clientId: 'client123' }
	});

	it('is added as Basic and never echoed back', async () => {
		const fake = fakeFetch(() =>
			jsonResponse(200, { access_token: 'BQ', token_type: 'Bearer', expires_in: 3600 })
		);
		const { response, body } = await relay(
			{ request: serverRequest, useServerSecret: true, clientId: 'client123' },
			{ fetch: fake.fetch, clientId: 'client123', clientSecret: serverSecret }
		);
		expect(response.status).toBe(200);
		expect((fake.sent[0].init.headers as Record<string, string>).Authorization).toBe(
			basicAuthorization('client123', serverSecret)
		);
		expect(JSON.stringify(body)).not.toContain(serverSecret);
		expect(JSON.stringify(body)).not.toContain(
			basicAuthorization('client123', serverSecret).slice(6)
		);
	});

	it('uses SPOTIFY_CLIENT_ID when the envelope names none', async () => {
		const fake = fakeFetch();
		await relay(
			{ request: serverRequest, useServerSecret: true },
			{ fetch: fake.fetch, clientId: 'envclient', clientSecret: serverSecret }
		);
		expect((fake.sent[0].init.headers as Record<string, string>).Authorization).toBe(
			basicAuthorization('envclient', serverSecret)
		);
	});

	it.each([
		[
			'no secret on the server',
			{ request: serverRequest, useServerSecret: true, clientId: 'c' },
			{},
			'server-secret-unavailable'
		],
		[
			'another client id',
			{ request: serverRequest, useServerSecret: true, clientId: 'other' },
			{ clientId: 'client123', clientSecret: serverSecret },
			'client-id-mismatch'
		],
		[
			'a request with its own Basic',
			{ request: tokenRequest, useServerSecret: true, clientId: 'c' },
			{ clientSecret: serverSecret },
			'credentials-conflict'
		],
		[
			'a request with client_secret in the body',
			{
				request: buildClientCredentialsRequest({
					accountsBase: spotifyBaseUrls.accounts,
					client: { method: 'body', clientId: 'c', clientSecret: 's' }
				}),
				useServerSecret: true,
				clientId: 'c'
			},
			{ clientSecret: serverSecret },
			'credentials-conflict'
		],
		[
			'a Web API call',
			{
				request: buildWebApiRequest({
					apiBase: spotifyBaseUrls.api,
					path: '/v1/me',
					accessToken: 't'
				}),
				useServerSecret: true,
				clientId: 'c'
			},
			{ clientSecret: serverSecret },
			'credentials-conflict'
		],
		[
			'a server secret without SPOTIFY_CLIENT_ID',
			{ request: serverRequest, useServerSecret: true, clientId: 'client123' },
			{ clientSecret: serverSecret },
			'server-secret-unavailable'
		]
	] as const)('refuses %s', async (_, envelope, options, reason) => {
		const fake = fakeFetch();
		const { body } = await relay(envelope, { ...options, fetch: fake.fetch });
		expect(body.refused).toBe(reason);
		expect(fake.sent).toHaveLength(0);
	});

	it('GET /relay says whether it is configured, without the secret', async () => {
		expect(await relayInfo({ clientId: 'client123', clientSecret: serverSecret }).json()).toEqual({
			serverSecret: true,
			clientId: 'client123'
		});
		expect(await relayInfo({ clientId: '', clientSecret: undefined }).json()).toEqual({
			serverSecret: false,
			clientId: null
		});
	});
});

describe('the server secret serves only this site, opened on this machine', () => {
	const serverRequest = buildClientCredentialsRequest({
		accountsBase: spotifyBaseUrls.accounts,
		client: { method: 'server-secret', clientId: 'client123' }
	});
	const envelope = { request: serverRequest, useServerSecret: true };
	const configured = { clientId: 'client123', clientSecret: serverSecret };
	const sentAuthorization = (sent: Sent[]) =>
		(sent[0]?.init.headers as Record<string, string> | undefined)?.Authorization;

	it('a request without an Origin (curl, any program) is refused, even from this machine', async () => {
		const fake = fakeFetch();
		const { response, body } = await relay(
			envelope,
			{ ...configured, fetch: fake.fetch },
			{ 'x-any': 'header' }
		);
		expect(response.status).toBe(403);
		expect(body.refused).toBe('server-secret-not-allowed');
		expect(body.message).toContain('Origin');
		expect(fake.sent).toHaveLength(0);
	});

	it.each([['192.168.1.20'], ['10.0.0.7'], ['::ffff:192.168.1.20'], ['fe80::1'], [undefined]])(
		'a caller at %s (another machine, or unknown) is refused and told how to allow it',
		async (remoteAddress) => {
			const fake = fakeFetch();
			const { response, body } = await relay(envelope, {
				...configured,
				remoteAddress,
				fetch: fake.fetch
			});
			expect(response.status).toBe(403);
			expect(body.refused).toBe('server-secret-not-allowed');
			expect(body.message).toContain('GRANTWALK_RELAY_REMOTE=allow');
			expect(fake.sent).toHaveLength(0);
		}
	);

	it.each([['127.0.0.1'], ['127.8.9.10'], ['::1'], ['::ffff:127.0.0.1']])(
		'a page of this site opened on this machine (%s) gets it',
		async (remoteAddress) => {
			const fake = fakeFetch();
			const { response } = await relay(envelope, {
				...configured,
				remoteAddress,
				fetch: fake.fetch
			});
			expect(response.status).toBe(200);
			expect(sentAuthorization(fake.sent)).toBe(basicAuthorization('client123', serverSecret));
		}
	);

	it('GRANTWALK_RELAY_REMOTE=allow lets other machines use it, still from this site only', async () => {
		const fake = fakeFetch();
		const remote = { ...configured, remoteAddress: '192.168.1.20', allowRemote: true };
		expect((await relay(envelope, { ...remote, fetch: fake.fetch })).response.status).toBe(200);
		expect(sentAuthorization(fake.sent)).toBe(basicAuthorization('client123', serverSecret));
		const curl = await relay(envelope, remote, {});
		expect(curl.body.refused).toBe('server-secret-not-allowed');
	});

	it("requests with the caller's own credentials are forwarded from anywhere, as before", async () => {
		const fake = fakeFetch();
		const { response } = await relay(
			{ request: tokenRequest },
			{ ...configured, remoteAddress: '192.168.1.20', fetch: fake.fetch },
			{}
		);
		expect(response.status).toBe(200);
		expect(sentAuthorization(fake.sent)).toBe(basicAuthorization('client123', secret));
	});

	it.each([
		['127.0.0.1', true],
		['127.255.0.1', true],
		['::1', true],
		['::FFFF:127.0.0.1', true],
		['0.0.0.0', false],
		['::', false],
		['128.0.0.1', false],
		['127.0.0.1.evil.test', false],
		['::ffff:10.0.0.1', false],
		['', false]
	])('isLoopbackAddress(%j) is %s', (address, expected) => {
		expect(isLoopbackAddress(address)).toBe(expected);
	});
});

describe('logging', () => {
	afterEach(() => vi.restoreAllMocks());

	it('no body, secret, code, token or query reaches the console', async () => {
		const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
		const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
		const answer = () =>
			jsonResponse(200, {
				access_token: 'BQ-access-token-value',
				refresh_token: 'AQ-refresh-value'
			});
		const apiCall = buildWebApiRequest({
			apiBase: spotifyBaseUrls.api,
			path: '/v1/search',
			query: { q: 'private-query-text', type: 'artist' },
			accessToken: 'BQ-bearer-value'
		});
		const tokenInPath = 'BQ-token-in-the-path-0123456789abcdefghijklmnopqrstuvwxyz';
		const envelopes: unknown[] = [
			{ request: tokenRequest },
			{ request: apiCall },
			{
				request: buildWebApiRequest({
					apiBase: spotifyBaseUrls.api,
					path: `/v1/artists/${tokenInPath}`,
					accessToken: 'BQ-bearer-value'
				})
			},
			{ request: { ...tokenRequest, url: 'https://evil.test/api/token' } },
			{
				request: buildClientCredentialsRequest({
					accountsBase: spotifyBaseUrls.accounts,
					client: { method: 'server-secret', clientId: 'client123' }
				}),
				useServerSecret: true,
				clientId: 'client123'
			}
		];
		for (const envelope of envelopes)
			await handleRelayRequest(post(envelope), {
				origin,
				remoteAddress: '127.0.0.1',
				clientId: 'client123',
				clientSecret: serverSecret,
				fetch: fakeFetch(answer).fetch
			});
		const output = spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join('\n');
		// It does log: one line per request, so the check below is not vacuous.
		expect(output).toContain('relay POST accounts.spotify.com/api/token -> 200');
		expect(output).toContain('relay GET api.spotify.com/v1/search -> 200');
		expect(output).toContain('relay refused: host-not-allowed');
		expect(output).toContain('relay GET api.spotify.com/v1/artists/REDACTED -> 200');
		for (const leak of [
			secret,
			serverSecret,
			basicAuthorization('client123', secret).slice(6),
			basicAuthorization('client123', serverSecret).slice(6),
			code,
			'grant_type',
			'redirect_uri',
			'BQ-access-token-value',
			'AQ-refresh-value',
			'BQ-bearer-value',
			'private-query-text',
			tokenInPath,
			'evil.test'
		])
			expect(output).not.toContain(leak);
	});
});

describe('readRelayAnswer', () => {
	it('turns a refusal into RelayRefusedError with its reason', () => {
		try {
			readRelayAnswer(403, JSON.stringify({ refused: 'host-not-allowed', message: 'm' }));
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(RelayRefusedError);
			expect(error).toMatchObject({ reason: 'host-not-allowed', status: 403 });
		}
	});

	it('treats anything else as a failed relay', () => {
		expect(() => readRelayAnswer(500, '<html>')).toThrow(RelayRefusedError);
	});
});
