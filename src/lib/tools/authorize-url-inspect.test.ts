import { describe, expect, it } from 'vitest';
import {
	emulatorQuery,
	inspectAuthorizeUrl,
	stateBits,
	suggestParameter
} from './authorize-url-inspect';
import { checkScopeParameter, suggestScope } from './scope-check';

const clientId = 'deadbeefcafe4bad8badf00d5eed1e55';
// RFC 7636 appendix B: the challenge of dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk.
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const good = new URLSearchParams({
	client_id: clientId,
	response_type: 'code',
	redirect_uri: 'http://127.0.0.1:8888/callback',
	state: 'q3Xk9vR2mT7wY1zA5bC8dE',
	scope: 'user-read-private user-read-email',
	code_challenge_method: 'S256',
	code_challenge: challenge
});

function inspect(change: Record<string, string | null> = {}, base = good) {
	const q = new URLSearchParams(base);
	for (const [k, v] of Object.entries(change))
		if (v === null) q.delete(k);
		else q.set(k, v);
	const r = inspectAuthorizeUrl(`https://accounts.spotify.com/authorize?${q}`);
	if (r.kind !== 'inspected') throw new Error(r.kind);
	return r;
}

function failing(r: ReturnType<typeof inspect>) {
	return r.findings.filter((f) => f.level === 'fail').map((f) => [f.rule, f.error]);
}

describe('inspectAuthorizeUrl', () => {
	it('passes a correct PKCE authorize URL and explains every parameter', () => {
		const r = inspect();
		expect(r.level).toBe('pass');
		expect(r.flow).toBe('authorization-code-pkce');
		expect(r.params.map((p) => p.name)).toHaveLength(7);
		expect(r.params.every((p) => p.info?.meaning)).toBe(true);
	});

	it.each([
		[{ client_id: null }, 'client-id', 'missing-client-id'],
		[{ client_id: 'undefined' }, 'client-id', 'invalid-client-authorize'],
		[{ response_type: null }, 'response-type', 'missing-response-type'],
		[{ response_type: 'token' }, 'response-type', 'response-type-must-be-code'],
		[{ redirect_uri: null }, 'redirect-uri', 'missing-redirect-uri'],
		[{ redirect_uri: 'http://localhost:8888/callback' }, 'localhost', 'insecure-redirect-uri'],
		[
			{ redirect_uri: encodeURIComponent('http://127.0.0.1:8888/callback') },
			'redirect-uri-double-encoded',
			'invalid-redirect-uri-authorize'
		],
		[{ scope: 'user-read-birthdate' }, 'scope-unknown', 'illegal-scope'],
		[{ scope: 'openid user-read-email' }, 'scope-unknown', 'illegal-scope'],
		[{ scope: 'user-read-private,user-read-email' }, 'scope-separator', 'illegal-scope'],
		[{ code_challenge_method: 'plain' }, 'pkce-method', 'pkce-method-unsupported'],
		[{ code_challenge_method: null }, 'pkce-method', 'pkce-method-unsupported'],
		[{ code_challenge: null }, 'pkce-challenge', 'pkce-method-unsupported'],
		[
			{ code_challenge: `${challenge.replace('-', '+')}=` },
			'pkce-challenge',
			'code-verifier-incorrect'
		],
		[
			{ code_challenge: '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3' },
			'pkce-challenge',
			'code-verifier-incorrect'
		],
		[
			{ code_challenge: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-toolong' },
			'pkce-challenge',
			'code-verifier-incorrect'
		]
	])('%j fails %s with %s', (change, rule, error) => {
		expect(failing(inspect(change))).toContainEqual([rule, error]);
	});

	it('names misspelt parameters and what they were meant to be', () => {
		const q = new URLSearchParams(good);
		const redirect = q.get('redirect_uri')!;
		q.delete('redirect_uri');
		q.delete('client_id');
		const r = inspectAuthorizeUrl(
			`https://accounts.spotify.com/authorize?${q}&redirect_url=${encodeURIComponent(redirect)}&client-id=${clientId}`
		);
		if (r.kind !== 'inspected') throw new Error();
		const titles = r.findings.map((f) => f.title);
		expect(titles).toContain('redirect_url: did you mean redirect_uri?');
		expect(titles).toContain('client-id: did you mean client_id?');
		expect(failing(r)).toContainEqual(['redirect-uri', 'missing-redirect-uri']);
	});

	it.each([
		['redirect_url', 'redirect_uri'],
		['client-id', 'client_id'],
		['clientId', 'client_id'],
		['responseType', 'response_type'],
		['scopes', 'scope'],
		['code_challange', 'code_challenge'],
		['foo', undefined]
	])('suggests %s -> %s', (name, meant) => expect(suggestParameter(name)).toBe(meant));

	it('warns about a missing or guessable state', () => {
		expect(inspect({ state: null }).findings.find((f) => f.rule === 'state')?.level).toBe('warn');
		expect(inspect({ state: '123' }).findings.find((f) => f.rule === 'state')?.level).toBe('warn');
		expect(
			inspect({ state: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }).findings.find((f) => f.rule === 'state')
				?.level
		).toBe('warn');
		expect(stateBits('q3Xk9vR2mT7wY1zA5bC8dE')).toBeGreaterThan(128);
	});

	it('says a URL without PKCE needs a client secret, and guesses the flow', () => {
		const r = inspect({ code_challenge: null, code_challenge_method: null });
		expect(r.flow).toBe('authorization-code');
		expect(r.findings.find((f) => f.rule === 'pkce')?.level).toBe('info');
		expect(inspect({ response_type: 'token', code_challenge: null }).flow).toBe('implicit-grant');
	});

	it('flags a client secret or a verifier in the URL', () => {
		expect(failing(inspect({ client_secret: 'x' }))).toContainEqual(['secret-in-url', undefined]);
		expect(failing(inspect({ code_verifier: 'x' }))).toContainEqual(['secret-in-url', undefined]);
	});

	it('checks the endpoint', () => {
		const wrong = inspectAuthorizeUrl(`https://api.spotify.com/authorize?${good}`);
		expect(wrong.kind === 'inspected' && failing(wrong)).toContainEqual(['endpoint', undefined]);
		const locale = inspectAuthorizeUrl(`https://accounts.spotify.com/en/authorize?${good}`);
		expect(locale.kind === 'inspected' && locale.level).toBe('pass');
		const emulator = inspectAuthorizeUrl(
			`http://127.0.0.1:5173/emulator/accounts/authorize?${good}`
		);
		expect(emulator.kind === 'inspected' && emulator.level).toBe('pass');
	});

	it('accepts a bare query or a URL without scheme, and refuses what is neither', () => {
		expect(inspectAuthorizeUrl(`?${good}`).kind).toBe('inspected');
		expect(inspectAuthorizeUrl(`accounts.spotify.com/authorize?${good}`).kind).toBe('inspected');
		expect(inspectAuthorizeUrl('hello there').kind).toBe('refused');
		expect(inspectAuthorizeUrl('').kind).toBe('empty');
		expect(inspectAuthorizeUrl(`https://a/?${'x'.repeat(30000)}`).kind).toBe('refused');
	});

	it('warns about duplicates and notes unknown parameters', () => {
		const r = inspectAuthorizeUrl(
			`https://accounts.spotify.com/authorize?${good}&state=again&nosignup=true&foo=1`
		);
		if (r.kind !== 'inspected') throw new Error();
		const rules = r.findings.map((f) => f.rule);
		expect(rules).toContain('duplicate-parameter');
		expect(rules.filter((x) => x === 'unknown-parameter')).toHaveLength(1);
	});

	it('builds the emulator run with its own client and redirect URI, dropping secrets', () => {
		const r = inspect({ client_secret: 's3cret' });
		expect(emulatorQuery(r.params, 'emu', 'http://127.0.0.1:4173/callback')).toEqual([
			['client_id', 'emu'],
			['response_type', 'code'],
			['redirect_uri', 'http://127.0.0.1:4173/callback'],
			['state', 'q3Xk9vR2mT7wY1zA5bC8dE'],
			['scope', 'user-read-private user-read-email'],
			['code_challenge_method', 'S256'],
			['code_challenge', challenge]
		]);
	});
});

describe('checkScopeParameter', () => {
	it('suggests the scope a typo meant', () => {
		expect(suggestScope('user-read-privat')).toBe('user-read-private');
		expect(
			checkScopeParameter('playlist-modify').find((f) => f.level === 'fail')?.reason
		).toContain('Renamed to playlist-modify-public');
	});

	it('passes documented scopes and notes their absence', () => {
		expect(checkScopeParameter('streaming user-top-read').map((f) => f.level)).toEqual(['pass']);
		expect(checkScopeParameter(null)[0].level).toBe('info');
	});
});
