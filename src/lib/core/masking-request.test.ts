import { describe, expect, it } from 'vitest';
import type { HttpRequestDescription } from '$lib/oauth/http';
import {
	carriesClientSecret,
	decodeBasicAuthorization,
	findSecrets,
	redactRequest,
	SECRET_PLACEHOLDER
} from './masking';
import {
	basicAuthorization,
	buildAuthorizationCodeTokenRequest,
	buildPkceTokenRequest
} from '$lib/oauth/token-request';
import { buildWebApiRequest } from '$lib/oauth/api-request';

const secret = '0123456789abcdef0123456789abcdef';
const accountsBase = 'https://accounts.spotify.com';

const basicRequest = buildAuthorizationCodeTokenRequest({
	accountsBase,
	client: { method: 'basic', clientId: 'client123', clientSecret: secret },
	code: 'AQ',
	redirectUri: 'http://127.0.0.1/cb'
});
const bodyRequest = buildAuthorizationCodeTokenRequest({
	accountsBase,
	client: { method: 'body', clientId: 'client123', clientSecret: secret },
	code: 'AQ',
	redirectUri: 'http://127.0.0.1/cb'
});

describe('decodeBasicAuthorization', () => {
	it('splits at the first colon', () => {
		expect(decodeBasicAuthorization(basicAuthorization('id', 'se:cret'))).toEqual({
			clientId: 'id',
			clientSecret: 'se:cret'
		});
	});

	it.each([undefined, 'Bearer x', 'Basic !!', 'Basic aWQ=', 'Basic  aWQ6cw==', 'basic aWQ6cw=='])(
		'refuses %s',
		(value) => {
			expect(decodeBasicAuthorization(value)).toBeUndefined();
		}
	);
});

describe('finding secrets', () => {
	it('in the Basic header and in the body', () => {
		expect(findSecrets(basicRequest)).toEqual([secret]);
		expect(findSecrets(bodyRequest)).toEqual([secret]);
		expect(carriesClientSecret(basicRequest)).toBe(true);
		expect(carriesClientSecret(bodyRequest)).toBe(true);
	});

	it('none in PKCE or Web API requests', () => {
		const pkce = buildPkceTokenRequest({
			accountsBase,
			clientId: 'c',
			code: 'AQ',
			redirectUri: 'http://127.0.0.1/cb',
			codeVerifier: 'v'.repeat(43)
		});
		const api = buildWebApiRequest({
			apiBase: 'https://api.spotify.com',
			path: '/v1/me',
			accessToken: 't'
		});
		for (const request of [pkce, api]) {
			expect(findSecrets(request)).toEqual([]);
			expect(carriesClientSecret(request)).toBe(false);
		}
	});
});

describe('redactRequest', () => {
	it('re-encodes the Basic header around the placeholder', () => {
		const redacted = redactRequest(basicRequest);
		expect(redacted.headers.Authorization).toBe(
			basicAuthorization('client123', SECRET_PLACEHOLDER)
		);
		expect(JSON.stringify(redacted)).not.toContain(secret);
		expect(JSON.stringify(redacted)).not.toContain(basicRequest.headers.Authorization);
		// The original is untouched.
		expect(basicRequest.headers.Authorization).toBe(basicAuthorization('client123', secret));
	});

	it('replaces client_secret in the body', () => {
		const redacted = redactRequest(bodyRequest, '<secret>');
		expect(redacted.body!.fields).toContainEqual(['client_secret', '<secret>']);
		expect(JSON.stringify(redacted)).not.toContain(secret);
	});

	it('hides the secret wherever else it was pasted, and an undecodable Basic header', () => {
		const sloppy: HttpRequestDescription = {
			method: 'POST',
			url: `https://accounts.spotify.com/api/token?s=${secret}`,
			headers: { authorization: `Basic not-base64:${secret}`, 'X-Note': secret },
			body: {
				type: 'form',
				fields: [
					['client_secret', secret],
					['note', `was ${secret}`]
				]
			}
		};
		const redacted = redactRequest(sloppy);
		expect(JSON.stringify(redacted)).not.toContain(secret);
		expect(redacted.headers.authorization).toBe(`Basic ${SECRET_PLACEHOLDER}`);
		expect(redacted.body!.fields[1]).toEqual(['note', `was ${SECRET_PLACEHOLDER}`]);
	});
});
