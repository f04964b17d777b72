import { describe, expect, it } from 'vitest';
import { getSpotifyError } from '../../../spotify/errors';
import { defaultClientId, legacyApp } from '../config';
import { basic, json, origin, param, testEmulator, type TestClient } from '../testing';

const redirectUri = `${origin}/callback`;
const valid = { client_id: defaultClientId, response_type: 'code', redirect_uri: redirectUri };

function authorizeUrl(params: Record<string, string>): string {
	return `${origin}/emulator/accounts/authorize?${new URLSearchParams(params)}`;
}

function replay(c: TestClient, body: Record<string, unknown>) {
	return c.control('/authorize', body);
}

function exchange(c: TestClient, code: string) {
	return c.call('POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic() },
		form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
	});
}

describe('POST control/authorize: Agree and Cancel without a browser', () => {
	it('Agree answers the redirect with a code that exchanges, for the demo user by default', () => {
		const c = testEmulator().client();
		const url = authorizeUrl({ ...valid, state: 's 1', scope: 'user-read-private' });
		const response = replay(c, { url, decision: 'agree' });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/json');
		expect(response.cookies ?? []).toEqual([]);
		const body = json(response);
		expect(Object.keys(body)).toEqual(['outcome', 'status', 'location']);
		expect(body).toMatchObject({ outcome: 'redirect', status: 303 });
		const location = body.location as string;
		expect(location.startsWith(`${redirectUri}?code=AQ`)).toBe(true);
		expect(param(location, 'state')).toBe('s 1');
		const tokens = exchange(c, param(location, 'code')!);
		expect(tokens.status).toBe(200);
		const me = c.call('GET', '/emulator/api/v1/me', {
			headers: { authorization: `Bearer ${json(tokens).access_token as string}` }
		});
		expect(json(me).id).toBe('demo');
	});

	it('acts for the user it names', () => {
		const c = testEmulator().client();
		const body = json(replay(c, { url: authorizeUrl(valid), decision: 'agree', username: 'alex' }));
		const tokens = json(exchange(c, param(body.location as string, 'code')!));
		const me = c.call('GET', '/emulator/api/v1/me', {
			headers: { authorization: `Bearer ${tokens.access_token as string}` }
		});
		expect(json(me).id).toBe('alex');
	});

	it('records the approval like a real Agree: the next login goes straight back', () => {
		const c = testEmulator().client();
		replay(c, { url: authorizeUrl({ ...valid, scope: 'user-top-read' }), decision: 'agree' });
		const login = c.call('GET', authorizeUrl({ ...valid, scope: 'user-top-read' }));
		const back = c.follow(c.login(login));
		expect(back.status).toBe(302);
		expect(param(back.headers.location, 'code')).toMatch(/^AQ/);
	});

	it('Cancel answers access_denied with the state', () => {
		const c = testEmulator().client();
		const body = json(
			replay(c, { url: authorizeUrl({ ...valid, state: 'k' }), decision: 'cancel' })
		);
		expect(body).toEqual({
			outcome: 'redirect',
			status: 303,
			location: `${redirectUri}?error=access_denied&state=k`
		});
	});

	it('gives the implicit grant its token in the fragment in the classic era', () => {
		const c = testEmulator().client();
		const url = authorizeUrl({
			client_id: legacyApp.clientId,
			response_type: 'token',
			redirect_uri: 'http://localhost:8888/callback',
			state: 'i'
		});
		const location = json(replay(c, { url, decision: 'agree' })).location as string;
		expect(param(location, 'access_token', 'fragment')).toMatch(/^BQ/);
		expect(param(location, 'state', 'fragment')).toBe('i');
		expect(new URL(location).search).toBe('');
	});
});

describe('POST control/authorize: the same checks as GET /authorize', () => {
	const broken: [string, Record<string, string>][] = [
		['unregistered redirect URI', { ...valid, redirect_uri: 'https://evil.example/cb' }],
		['unknown client', { ...valid, client_id: 'undefined' }],
		['missing response_type', { ...valid, response_type: '' }],
		['removed scope', { ...valid, scope: 'user-read-birthdate' }],
		['insecure redirect URI', { ...valid, redirect_uri: 'http://localhost:8888/callback' }],
		['plain PKCE', { ...valid, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }]
	];
	it.each(broken)('%s: what the browser would have seen', (_name, params) => {
		const c = testEmulator().client();
		const direct = c.call('GET', authorizeUrl(params));
		const body = json(replay(c, { url: authorizeUrl(params), decision: 'agree' }));
		expect(body.status).toBe(direct.status);
		if (direct.headers.location) {
			expect(body).toEqual({ outcome: 'redirect', status: 302, location: direct.headers.location });
		} else {
			expect(body.outcome).toBe('page');
			expect(direct.body).toContain(`id="spotify-error">${body.text as string}</p>`);
		}
	});

	it('answers the exact page text for an unregistered redirect URI', () => {
		const c = testEmulator().client();
		const url = authorizeUrl({ ...valid, redirect_uri: 'https://evil.example/cb' });
		expect(json(replay(c, { url, decision: 'agree' }))).toEqual({
			outcome: 'page',
			status: 400,
			text: getSpotifyError('invalid-redirect-uri-authorize').text
		});
	});

	it('answers the 2025-11 era’s error redirect for response_type=token', () => {
		const c = testEmulator().client();
		const app = json(c.control('/apps', { era: '2025-11' }));
		const url = authorizeUrl({
			client_id: app.client_id as string,
			response_type: 'token',
			redirect_uri: redirectUri,
			state: 'z'
		});
		expect(json(replay(c, { url, decision: 'agree' }))).toEqual({
			outcome: 'redirect',
			status: 302,
			location: `${redirectUri}#error=unsupported_response_type&state=z`
		});
	});
});

describe('POST control/authorize: bad input', () => {
	const cases: [string, Record<string, unknown>][] = [
		['no url', { decision: 'agree' }],
		['a url that is not a string', { url: 42, decision: 'agree' }],
		['a relative url', { url: '/emulator/accounts/authorize?client_id=x', decision: 'agree' }],
		[
			'Spotify’s own authorize URL',
			{ url: 'https://accounts.spotify.com/authorize?client_id=x', decision: 'agree' }
		],
		[
			'another origin',
			{ url: authorizeUrl(valid).replace(origin, 'http://127.0.0.2:4173'), decision: 'agree' }
		],
		['the token endpoint', { url: `${origin}/emulator/accounts/api/token`, decision: 'agree' }],
		['no decision', { url: authorizeUrl(valid) }],
		['an unknown decision', { url: authorizeUrl(valid), decision: 'accept' }],
		['an unknown username', { url: authorizeUrl(valid), decision: 'agree', username: 'mallory' }],
		[
			'a username that is not a string',
			{ url: authorizeUrl(valid), decision: 'agree', username: 1 }
		]
	];
	it.each(cases)('%s: 400 invalid_request with a sentence', (_name, body) => {
		const c = testEmulator().client();
		const response = replay(c, body);
		expect(response.status).toBe(400);
		const answer = json(response);
		expect(answer.error).toBe('invalid_request');
		expect(answer.error_description).toMatch(/^[A-Za-z].{10,}\.$/);
	});

	it('takes only JSON, and is gone with the other control endpoints when switched off', () => {
		const c = testEmulator().client();
		const form = c.call('POST', '/emulator/control/authorize', {
			form: { url: authorizeUrl(valid), decision: 'agree' }
		});
		expect(form.status).toBe(400);
		const off = testEmulator({ control: false }).client();
		expect(replay(off, { url: authorizeUrl(valid), decision: 'agree' }).status).toBe(404);
	});

	it('is listed in GET control', () => {
		const c = testEmulator().client();
		const help = json(c.call('GET', '/emulator/control'));
		expect(Object.keys(help.endpoints as object)).toContain('POST control/authorize');
	});
});
