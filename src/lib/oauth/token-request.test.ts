import { describe, expect, it } from 'vitest';
import { emulatorBaseUrls, spotifyBaseUrls } from './endpoints';
import { encodeBody } from './http';
import {
	alterRedirectUri,
	basicAuthorization,
	buildAuthorizationCodeTokenRequest,
	buildClientCredentialsRequest,
	buildPkceTokenRequest,
	buildRefreshTokenRequest
} from './token-request';

const accountsBase = spotifyBaseUrls.accounts;
const redirectUri = 'http://127.0.0.1:5173/callback';
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const form = 'application/x-www-form-urlencoded';
// base64('client123:secret456')
const basic = 'Basic Y2xpZW50MTIzOnNlY3JldDQ1Ng==';

describe('basicAuthorization', () => {
	it('is base64 of id:secret, as Spotify documents', () => {
		expect(basicAuthorization('client123', 'secret456')).toBe(basic);
	});
});

describe('authorization_code (confidential)', () => {
	it('sends Basic credentials and the three fields', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'client123', clientSecret: 'secret456' },
			code: 'AQcode',
			redirectUri
		});
		expect(request).toEqual({
			method: 'POST',
			url: 'https://accounts.spotify.com/api/token',
			headers: { 'Content-Type': form, Authorization: basic },
			body: {
				type: 'form',
				fields: [
					['grant_type', 'authorization_code'],
					['code', 'AQcode'],
					['redirect_uri', redirectUri]
				]
			}
		});
		expect(encodeBody(request.body!)).toBe(
			'grant_type=authorization_code&code=AQcode&redirect_uri=http%3A%2F%2F127.0.0.1%3A5173%2Fcallback'
		);
	});

	it('can send the credentials in the body instead', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'body', clientId: 'client123', clientSecret: 'secret456' },
			code: 'AQcode',
			redirectUri
		});
		expect(request.headers).toEqual({ 'Content-Type': form });
		expect(request.body!.fields.slice(-2)).toEqual([
			['client_id', 'client123'],
			['client_secret', 'secret456']
		]);
	});

	it('leaves credentials to the relay with server-secret', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'server-secret', clientId: 'client123' },
			code: 'AQcode',
			redirectUri
		});
		expect(request.headers).toEqual({ 'Content-Type': form });
		expect(request.body!.fields.map(([name]) => name)).toEqual([
			'grant_type',
			'code',
			'redirect_uri'
		]);
	});

	it('differentRedirectUri changes the redirect_uri by a slash', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'c', clientSecret: 's' },
			code: 'AQcode',
			redirectUri,
			mistakes: { differentRedirectUri: true }
		});
		expect(request.body!.fields[2]).toEqual(['redirect_uri', `${redirectUri}/`]);
	});

	it('bodyAsJson sends JSON with a JSON content type', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'c', clientSecret: 's' },
			code: 'AQcode',
			redirectUri,
			mistakes: { bodyAsJson: true }
		});
		expect(request.headers['Content-Type']).toBe('application/json');
		expect(JSON.parse(encodeBody(request.body!))).toEqual({
			grant_type: 'authorization_code',
			code: 'AQcode',
			redirect_uri: redirectUri
		});
	});
});

describe('authorization_code with PKCE', () => {
	const options = { accountsBase, clientId: 'client123', code: 'AQcode', redirectUri };

	it('sends client_id and code_verifier, and no Authorization', () => {
		const request = buildPkceTokenRequest({ ...options, codeVerifier: verifier });
		expect(request.headers).toEqual({ 'Content-Type': form });
		expect(request.body!.fields).toEqual([
			['grant_type', 'authorization_code'],
			['code', 'AQcode'],
			['redirect_uri', redirectUri],
			['client_id', 'client123'],
			['code_verifier', verifier]
		]);
	});

	it('wrongVerifier sends another well-formed verifier', () => {
		const request = buildPkceTokenRequest({
			...options,
			codeVerifier: verifier,
			mistakes: { wrongVerifier: true }
		});
		const sent = request.body!.fields.find(([name]) => name === 'code_verifier')![1];
		expect(sent).not.toBe(verifier);
		expect(sent).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
	});

	it('omitPkce leaves out code_verifier', () => {
		const request = buildPkceTokenRequest({
			...options,
			codeVerifier: verifier,
			mistakes: { omitPkce: true }
		});
		expect(request.body!.fields.map(([name]) => name)).not.toContain('code_verifier');
	});

	it('targets the emulator by base URL alone', () => {
		const request = buildPkceTokenRequest({
			...options,
			accountsBase: emulatorBaseUrls('http://127.0.0.1:4173').accounts,
			codeVerifier: verifier
		});
		expect(request.url).toBe('http://127.0.0.1:4173/emulator/accounts/api/token');
	});
});

describe('refresh_token', () => {
	it('confidential: Basic and no client_id in the body', () => {
		const request = buildRefreshTokenRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'client123', clientSecret: 'secret456' },
			refreshToken: 'AQrefresh'
		});
		expect(request.headers).toEqual({ 'Content-Type': form, Authorization: basic });
		expect(request.body!.fields).toEqual([
			['grant_type', 'refresh_token'],
			['refresh_token', 'AQrefresh']
		]);
	});

	it('PKCE: client_id in the body and no Authorization', () => {
		const request = buildRefreshTokenRequest({
			accountsBase,
			client: { method: 'none', clientId: 'client123' },
			refreshToken: 'AQrefresh'
		});
		expect(request.headers).toEqual({ 'Content-Type': form });
		expect(encodeBody(request.body!)).toBe(
			'grant_type=refresh_token&refresh_token=AQrefresh&client_id=client123'
		);
	});
});

describe('client_credentials', () => {
	it('sends only the grant type with Basic', () => {
		const request = buildClientCredentialsRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'client123', clientSecret: 'secret456' }
		});
		expect(request.headers.Authorization).toBe(basic);
		expect(encodeBody(request.body!)).toBe('grant_type=client_credentials');
	});

	it('bodyAsJson', () => {
		const request = buildClientCredentialsRequest({
			accountsBase,
			client: { method: 'body', clientId: 'c', clientSecret: 's' },
			mistakes: { bodyAsJson: true }
		});
		expect(encodeBody(request.body!)).toBe(
			'{"grant_type":"client_credentials","client_id":"c","client_secret":"s"}'
		);
	});
});

describe('alterRedirectUri', () => {
	it.each([
		['http://127.0.0.1:5173/callback', 'http://127.0.0.1:5173/callback/'],
		['https://example.com/cb/', 'https://example.com/cb'],
		['https://example.com', 'https://example.com/'],
		['com.example.app://callback', 'com.example.app://callback/'],
		['https://example.com/cb?x=1', 'https://example.com/cb/?x=1'],
		['not a uri', 'not a uri/']
	])('%s -> %s', (input, output) => {
		expect(alterRedirectUri(input)).toBe(output);
		expect(alterRedirectUri(input)).not.toBe(input);
	});
});

describe('the Break-it switches at the token endpoint', () => {
	const client = { method: 'basic', clientId: 'client123', clientSecret: 'secret456' } as const;
	const decoded = (header: string | undefined) =>
		Buffer.from(header!.replace(/^Basic /, ''), 'base64').toString('utf8');
	const field = (
		request: { body?: { fields: readonly (readonly [string, string])[] } },
		name: string
	) => request.body!.fields.find(([n]) => n === name)?.[1];

	it('spoil the Basic credentials: another secret, swapped, a trailing newline', () => {
		const sent = (mistakes: object) =>
			decoded(
				buildClientCredentialsRequest({ accountsBase, client, mistakes }).headers.Authorization
			);
		expect(sent({})).toBe('client123:secret456');
		const wrong = sent({ wrongSecret: true });
		expect(wrong.startsWith('client123:')).toBe(true);
		expect(wrong).not.toBe('client123:secret456');
		expect(wrong).toHaveLength('client123:secret456'.length);
		expect(sent({ swappedCredentials: true })).toBe('secret456:client123');
		expect(sent({ basicWithNewline: true })).toBe('client123:secret456\n');
	});

	it('spoil the credentials in the body the same way', () => {
		const request = buildClientCredentialsRequest({
			accountsBase,
			client: { method: 'body', clientId: 'c', clientSecret: 's' },
			mistakes: { swappedCredentials: true }
		});
		expect(encodeBody(request.body!)).toBe(
			'grant_type=client_credentials&client_id=s&client_secret=c'
		);
	});

	it('misspell the grant type with a hyphen', () => {
		const mistakes = { misspeltGrantType: true };
		expect(
			field(buildClientCredentialsRequest({ accountsBase, client, mistakes }), 'grant_type')
		).toBe('client-credentials');
		const code = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client,
			code: 'AQcode',
			redirectUri,
			mistakes
		});
		expect(field(code, 'grant_type')).toBe('authorization-code');
	});

	it('send the code empty, drop the verifier, or cut it below 43 characters', () => {
		const options = { accountsBase, clientId: 'client123', code: 'AQcode', redirectUri };
		const pkce = (mistakes: object) =>
			buildPkceTokenRequest({ ...options, codeVerifier: verifier, mistakes });
		expect(field(pkce({ emptyCode: true }), 'code')).toBe('');
		expect(field(pkce({ omitVerifier: true }), 'code_verifier')).toBeUndefined();
		expect(field(pkce({ omitVerifier: true }), 'client_id')).toBe('client123');
		expect(field(pkce({ shortVerifier: true }), 'code_verifier')).toBe(verifier.slice(0, 42));
	});
});

describe('tokenRequestAsGet', () => {
	it('puts the parameters in the query of a GET, and never the client secret', () => {
		const request = buildAuthorizationCodeTokenRequest({
			accountsBase,
			client: { method: 'body', clientId: 'client123', clientSecret: 'secret456' },
			code: 'AQcode',
			redirectUri,
			mistakes: { tokenRequestAsGet: true }
		});
		expect(request.method).toBe('GET');
		expect(request.body).toBeUndefined();
		const url = new URL(request.url);
		expect(url.pathname).toBe('/api/token');
		expect([...url.searchParams.keys()]).toEqual([
			'grant_type',
			'code',
			'redirect_uri',
			'client_id'
		]);
		expect(request.url).not.toContain('secret456');
	});

	it('keeps the Basic header', () => {
		const request = buildClientCredentialsRequest({
			accountsBase,
			client: { method: 'basic', clientId: 'client123', clientSecret: 'secret456' },
			mistakes: { tokenRequestAsGet: true }
		});
		expect(request.headers).toEqual({ Authorization: basic });
		expect(request.url).toBe(
			'https://accounts.spotify.com/api/token?grant_type=client_credentials'
		);
	});
});
