import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApiRequest } from './api-request';
import { exportRequest, shellQuote } from './export';
import { encodeBody, type HttpRequestDescription } from './http';
import {
	basicAuthorization,
	buildAuthorizationCodeTokenRequest,
	buildClientCredentialsRequest,
	buildRefreshTokenRequest
} from './token-request';

const secret = '0123456789abcdef0123456789abcdef';
const spotify = 'https://accounts.spotify.com';

const basicExchange = buildAuthorizationCodeTokenRequest({
	accountsBase: spotify,
	client: { method: 'basic', clientId: 'client123', clientSecret: secret },
	code: 'AQcode',
	redirectUri: 'http://127.0.0.1:5173/callback'
});

describe('shellQuote', () => {
	it.each([
		['plain', "'plain'"],
		["it's", "'it'\\''s'"],
		['$HOME `x` "q" \\ !', '\'$HOME `x` "q" \\ !\''],
		['', "''"]
	])('%s', (value, quoted) => {
		expect(shellQuote(value)).toBe(quoted);
	});
});

describe('curl', () => {
	it('uses -u for Basic and a placeholder by default', () => {
		expect(exportRequest(basicExchange, 'curl')).toBe(
			[
				"curl 'https://accounts.spotify.com/api/token'",
				"-H 'Content-Type: application/x-www-form-urlencoded'",
				"-u 'client123:YOUR_CLIENT_SECRET'",
				"--data-raw 'grant_type=authorization_code&code=AQcode&redirect_uri=http%3A%2F%2F127.0.0.1%3A5173%2Fcallback'"
			].join(' \\\n  ')
		);
	});

	it('includes the secret only when asked', () => {
		expect(exportRequest(basicExchange, 'curl', { includeSecrets: true })).toContain(
			`-u 'client123:${secret}'`
		);
		expect(exportRequest(basicExchange, 'curl', { placeholder: '$SECRET' })).toContain(
			"-u 'client123:$SECRET'"
		);
	});

	it('a GET needs no -X, and a bodiless POST does', () => {
		const get = buildWebApiRequest({
			apiBase: 'https://api.spotify.com',
			path: '/v1/me',
			accessToken: 'BQ'
		});
		expect(exportRequest(get, 'curl')).toBe(
			"curl 'https://api.spotify.com/v1/me' \\\n  -H 'Authorization: Bearer BQ'"
		);
		expect(exportRequest({ ...get, method: 'POST' }, 'curl')).toContain('-X POST');
	});

	it('turns globbing off for IPv6 hosts', () => {
		const request = {
			method: 'GET',
			url: 'http://[::1]:5173/emulator/api/v1/me',
			headers: {}
		} as const;
		expect(exportRequest(request, 'curl')).toBe(
			"curl 'http://[::1]:5173/emulator/api/v1/me' \\\n  --globoff"
		);
	});
});

describe('fetch', () => {
	it('shows how Basic and the form body are made, without the secret', () => {
		expect(exportRequest(basicExchange, 'fetch')).toBe(
			[
				"const response = await fetch('https://accounts.spotify.com/api/token', {",
				"\tmethod: 'POST',",
				'\theaders: {',
				"\t\t'Content-Type': 'application/x-www-form-urlencoded',",
				"\t\tAuthorization: 'Basic ' + btoa('client123:YOUR_CLIENT_SECRET')",
				'\t},',
				'\tbody: new URLSearchParams({',
				"\t\tgrant_type: 'authorization_code',",
				"\t\tcode: 'AQcode',",
				"\t\tredirect_uri: 'http://127.0.0.1:5173/callback'",
				'\t})',
				'});',
				'console.log(response.status, await response.text());'
			].join('\n')
		);
	});

	it('JSON bodies use JSON.stringify; odd strings are escaped', () => {
		const request = buildClientCredentialsRequest({
			accountsBase: spotify,
			client: { method: 'body', clientId: "o'neil", clientSecret: 'a\\b\nc' },
			mistakes: { bodyAsJson: true }
		});
		const code = exportRequest(request, 'fetch', { includeSecrets: true });
		expect(code).toContain('body: JSON.stringify({');
		expect(code).toContain("client_id: 'o\\'neil'");
		expect(code).toContain("client_secret: 'a\\\\b\\nc'");
	});

	it('runs: the exported code builds the same request', async () => {
		const code = exportRequest(basicExchange, 'fetch', { includeSecrets: true });
		let seen: [string, RequestInit] | undefined;
		const fakeFetch = async (url: string, init: RequestInit) => {
			seen = [url, init];
			return new Response('{}');
		};
		const run = new Function('fetch', 'console', `return (async () => { ${code} })();`);
		await run(fakeFetch, { log: () => {} });
		const [url, init] = seen!;
		expect(url).toBe(basicExchange.url);
		expect(init.method).toBe('POST');
		expect(init.headers).toEqual(basicExchange.headers);
		expect(String(init.body)).toBe(encodeBody(basicExchange.body!));
	});

	it('a GET has no method and no body', () => {
		const get = buildWebApiRequest({
			apiBase: 'https://api.spotify.com',
			path: '/v1/me',
			accessToken: 'BQ'
		});
		expect(exportRequest(get, 'fetch')).toBe(
			"const response = await fetch('https://api.spotify.com/v1/me', {\n\theaders: {\n\t\tAuthorization: 'Bearer BQ'\n\t}\n});\nconsole.log(response.status, await response.text());"
		);
	});
});

describe('python', () => {
	it('uses an auth tuple and a data dict', () => {
		expect(exportRequest(basicExchange, 'python')).toBe(
			[
				'import requests',
				'',
				'response = requests.post(',
				"    'https://accounts.spotify.com/api/token',",
				"    auth=('client123', 'YOUR_CLIENT_SECRET'),",
				"    headers={'Content-Type': 'application/x-www-form-urlencoded'},",
				'    data={',
				"        'grant_type': 'authorization_code',",
				"        'code': 'AQcode',",
				"        'redirect_uri': 'http://127.0.0.1:5173/callback'",
				'    }',
				')',
				'print(response.status_code, response.text)'
			].join('\n')
		);
	});

	it('JSON bodies use json=, and strings are escaped', () => {
		const request = buildClientCredentialsRequest({
			accountsBase: spotify,
			client: { method: 'body', clientId: "o'neil", clientSecret: 'a\\b\nc' },
			mistakes: { bodyAsJson: true }
		});
		const code = exportRequest(request, 'python', { includeSecrets: true });
		expect(code).toContain('json={');
		expect(code).toContain("'client_id': 'o\\'neil'");
		expect(code).toContain("'client_secret': 'a\\\\b\\x0ac'");
	});

	it('repeated form names become a list of pairs', () => {
		const request: HttpRequestDescription = {
			method: 'POST',
			url: 'https://example.test/x',
			headers: {},
			body: {
				type: 'form',
				fields: [
					['a', '1'],
					['a', '2']
				]
			}
		};
		expect(exportRequest(request, 'python')).toContain(
			"data=[\n        ('a', '1'),\n        ('a', '2')\n    ]"
		);
	});
});

describe('no format leaks the secret by default', () => {
	const requests = [
		basicExchange,
		buildAuthorizationCodeTokenRequest({
			accountsBase: spotify,
			client: { method: 'body', clientId: 'client123', clientSecret: secret },
			code: 'AQ',
			redirectUri: 'http://127.0.0.1/cb'
		}),
		buildRefreshTokenRequest({
			accountsBase: spotify,
			client: { method: 'basic', clientId: 'client123', clientSecret: secret },
			refreshToken: 'AQr'
		})
	];
	it.each(['curl', 'fetch', 'python'] as const)('%s', (format) => {
		for (const request of requests) {
			const code = exportRequest(request, format);
			expect(code).not.toContain(secret);
			expect(code).not.toContain(basicAuthorization('client123', secret).slice(6));
			expect(code).toContain('YOUR_CLIENT_SECRET');
		}
	});
});

// --- The exported curl, run for real against a local server ---

interface Received {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

let server: Server;
let origin: string;
const received: Received[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks)
			});
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs a shell command with no proxy settings and no ~/.curlrc, so curl talks to our server. */
function runBash(command: string): Promise<void> {
	return new Promise((resolve, reject) =>
		execFile(
			'bash',
			['-c', command],
			{ env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, timeout: 10_000 },
			(error, _stdout, stderr) =>
				error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()
		)
	);
}

async function sendWithCurl(
	request: HttpRequestDescription,
	includeSecrets = true
): Promise<Received> {
	received.length = 0;
	await runBash(exportRequest(request, 'curl', { includeSecrets }));
	expect(received).toHaveLength(1);
	return received[0];
}

function expectSame(got: Received, request: HttpRequestDescription): void {
	const url = new URL(request.url);
	expect(got.method).toBe(request.method);
	expect(got.path).toBe(url.pathname + url.search);
	for (const [name, value] of Object.entries(request.headers))
		expect(got.headers[name.toLowerCase()]).toBe(value);
	expect(got.body.equals(Buffer.from(request.body ? encodeBody(request.body) : '', 'utf8'))).toBe(
		true
	);
}

// Values that break naive quoting: quotes, $, backticks, backslashes, !, spaces, newlines, UTF-8.
const nasty = `it's "$HOME" \`id\` \\ ! & ; | é 🎵\nnext`;

describe('the exported curl sends exactly the same request', () => {
	it('authorization_code with Basic, tricky secret', async () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase: `${origin}/emulator/accounts`,
			client: { method: 'basic', clientId: 'client123', clientSecret: `s3cr:et ${nasty}` },
			code: `AQ${nasty}`,
			redirectUri: 'http://127.0.0.1:5173/callback?x=1&y=[2]'
		});
		expectSame(await sendWithCurl(request), request);
	});

	it('credentials in the body', async () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase: `${origin}/emulator/accounts`,
			client: { method: 'body', clientId: 'client123', clientSecret: nasty },
			code: 'AQcode',
			redirectUri: 'http://127.0.0.1:5173/callback'
		});
		expectSame(await sendWithCurl(request), request);
	});

	it('a JSON body (the teaching mistake)', async () => {
		const request = buildClientCredentialsRequest({
			accountsBase: `${origin}/emulator/accounts`,
			client: { method: 'basic', clientId: 'client123', clientSecret: secret },
			mistakes: { bodyAsJson: true }
		});
		expectSame(await sendWithCurl(request), request);
	});

	it('a Web API GET with a query and a Bearer token', async () => {
		const request = buildWebApiRequest({
			apiBase: `${origin}/emulator/api`,
			path: '/v1/search',
			query: { q: `daft punk ${nasty}`, type: 'artist' },
			accessToken: 'BQ-token_123'
		});
		expectSame(await sendWithCurl(request), request);
	});

	it('a bodiless PUT', async () => {
		const request: HttpRequestDescription = {
			method: 'PUT',
			url: `${origin}/emulator/api/v1/me/player/play`,
			headers: { Authorization: 'Bearer BQ' }
		};
		expectSame(await sendWithCurl(request), request);
	});

	it('redacted: the placeholder goes on the wire, the secret does not', async () => {
		const request = buildClientCredentialsRequest({
			accountsBase: `${origin}/emulator/accounts`,
			client: { method: 'basic', clientId: 'client123', clientSecret: secret }
		});
		const got = await sendWithCurl(request, false);
		expect(got.headers.authorization).toBe(basicAuthorization('client123', 'YOUR_CLIENT_SECRET'));
		expect(got.body.toString()).toBe('grant_type=client_credentials');
	});
});
