import { describe, expect, it } from 'vitest';
import { buildAuthorizeRequest, type AuthorizeRequestOptions } from './authorize-request';
import { emulatorBaseUrls, spotifyBaseUrls } from './endpoints';

const base: AuthorizeRequestOptions = {
	accountsBase: spotifyBaseUrls.accounts,
	clientId: 'client123',
	redirectUri: 'http://127.0.0.1:5173/callback',
	state: 'st4te',
	scope: ['user-read-private', 'user-read-email']
};

function query(options: AuthorizeRequestOptions): [string, string][] {
	return [...new URL(buildAuthorizeRequest(options).url).searchParams];
}

describe('buildAuthorizeRequest', () => {
	it('builds the code flow URL in the documented order', () => {
		const request = buildAuthorizeRequest({ ...base, showDialog: true });
		expect(request.method).toBe('GET');
		expect(request.headers).toEqual({});
		expect(request.body).toBeUndefined();
		expect(request.url).toBe(
			'https://accounts.spotify.com/authorize?response_type=code&client_id=client123' +
				'&redirect_uri=http%3A%2F%2F127.0.0.1%3A5173%2Fcallback&state=st4te' +
				'&scope=user-read-private+user-read-email&show_dialog=true'
		);
	});

	it('adds the S256 challenge for PKCE', () => {
		expect(query({ ...base, codeChallenge: 'E9Mel-cM' }).slice(-2)).toEqual([
			['code_challenge_method', 'S256'],
			['code_challenge', 'E9Mel-cM']
		]);
	});

	it('encodes a standard-base64 challenge so it arrives intact', () => {
		const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=';
		const url = buildAuthorizeRequest({ ...base, codeChallenge: challenge }).url;
		expect(url).toContain('code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw%2BcM%3D');
		expect(new URL(url).searchParams.get('code_challenge')).toBe(challenge);
	});

	it('targets the emulator by base URL alone', () => {
		const accounts = emulatorBaseUrls('http://127.0.0.1:4173/').accounts;
		expect(buildAuthorizeRequest({ ...base, accountsBase: accounts }).url).toMatch(
			/^http:\/\/127\.0\.0\.1:4173\/emulator\/accounts\/authorize\?response_type=code&/
		);
	});

	it('builds the implicit grant with response_type=token', () => {
		expect(query({ ...base, responseType: 'token' })[0]).toEqual(['response_type', 'token']);
	});

	it('accepts scope as a string and leaves out an empty one', () => {
		expect(new Map(query({ ...base, scope: 'a b' })).get('scope')).toBe('a b');
		expect(new Map(query({ ...base, scope: [] })).has('scope')).toBe(false);
		expect(new Map(query({ ...base, scope: undefined })).has('scope')).toBe(false);
	});

	it('sends show_dialog=false only when asked', () => {
		expect(new Map(query({ ...base, showDialog: false })).get('show_dialog')).toBe('false');
		expect(new Map(query(base)).has('show_dialog')).toBe(false);
	});

	it('omitState drops state', () => {
		const params = new Map(query({ ...base, mistakes: { omitState: true } }));
		expect(params.has('state')).toBe(false);
		expect(params.get('client_id')).toBe('client123');
	});

	it('omitPkce drops the challenge and its method', () => {
		const params = new Map(query({ ...base, codeChallenge: 'c', mistakes: { omitPkce: true } }));
		expect(params.has('code_challenge')).toBe(false);
		expect(params.has('code_challenge_method')).toBe(false);
	});
});

describe('the Break-it switches at /authorize', () => {
	const value = (options: AuthorizeRequestOptions, name: string) =>
		new URL(buildAuthorizeRequest(options).url).searchParams.get(name);

	it('leave out client_id, redirect_uri or response_type, and nothing else', () => {
		for (const [mistake, name] of [
			['omitClientId', 'client_id'],
			['omitRedirectUri', 'redirect_uri'],
			['omitResponseType', 'response_type']
		] as const) {
			const names = query({ ...base, mistakes: { [mistake]: true } }).map(([n]) => n);
			expect(names).not.toContain(name);
			expect(names).toHaveLength(query(base).length - 1);
		}
	});

	it('spoil the client_id and the redirect_uri as apps really do', () => {
		expect(value({ ...base, mistakes: { unknownClientId: true } }, 'client_id')).toBe('undefined');
		expect(value({ ...base, mistakes: { quotedRedirectUri: true } }, 'redirect_uri')).toBe(
			'"http://127.0.0.1:5173/callback"'
		);
		expect(value({ ...base, mistakes: { insecureRedirectUri: true } }, 'redirect_uri')).toBe(
			'http://localhost:5173/callback'
		);
		expect(value({ ...base, mistakes: { unregisteredRedirectUri: true } }, 'redirect_uri')).toBe(
			'http://127.0.0.1:5173/callback/'
		);
	});

	it('add a removed scope to those asked for', () => {
		expect(value({ ...base, mistakes: { illegalScope: true } }, 'scope')).toBe(
			'user-read-private user-read-email user-read-birthdate'
		);
		expect(value({ ...base, scope: [], mistakes: { illegalScope: true } }, 'scope')).toBe(
			'user-read-birthdate'
		);
	});

	it('send the verifier as a plain challenge', () => {
		const plain = { ...base, codeChallenge: 'E9Mel-cM', codeVerifier: 'verifier-43' };
		expect(query({ ...plain, mistakes: { plainChallenge: true } }).slice(-2)).toEqual([
			['code_challenge_method', 'plain'],
			['code_challenge', 'verifier-43']
		]);
	});
});
