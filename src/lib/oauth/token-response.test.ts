import { describe, expect, it } from 'vitest';
import { tokenErrorBody } from '$lib/spotify/errors';
import { MalformedResponseError, TokenResponseError } from './errors';
import type { HttpResponseDescription } from './http';
import { mergeRefreshedTokens, parseTokenResponse } from './token-response';
import { caught } from './testing';
import { explainError } from './explain';

function response(status: number, body: unknown): HttpResponseDescription {
	return {
		status,
		statusText: status === 200 ? 'OK' : 'Bad Request',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	};
}

describe('parseTokenResponse: success', () => {
	it('reads the five fields of a code exchange', () => {
		expect(
			parseTokenResponse(
				response(200, {
					access_token: 'BQa',
					token_type: 'Bearer',
					expires_in: 3600,
					refresh_token: 'AQr',
					scope: 'user-read-private user-read-email'
				})
			)
		).toEqual({
			accessToken: 'BQa',
			tokenType: 'Bearer',
			expiresIn: 3600,
			refreshToken: 'AQr',
			scope: 'user-read-private user-read-email'
		});
	});

	it('client credentials: no refresh token, no scope, lower-case bearer accepted', () => {
		expect(
			parseTokenResponse(
				response(200, { access_token: 'NgC', token_type: 'bearer', expires_in: 3600 })
			)
		).toEqual({ accessToken: 'NgC', tokenType: 'bearer', expiresIn: 3600 });
	});

	it('keeps an empty scope', () => {
		expect(
			parseTokenResponse(
				response(200, { access_token: 'a', token_type: 'Bearer', expires_in: 1, scope: '' })
			).scope
		).toBe('');
	});
});

describe('parseTokenResponse: Spotify errors', () => {
	it.each([
		'invalid-authorization-code',
		'authorization-code-expired',
		'invalid-redirect-uri-token',
		'code-verifier-incorrect',
		'code-verifier-required',
		'refresh-token-revoked',
		'invalid-client-secret',
		'invalid-client-malformed',
		'grant-type-missing'
	] as const)('%s: code, description, status and catalog entry', (slug) => {
		const body = tokenErrorBody(slug);
		const error = caught(() => parseTokenResponse(response(400, body)));
		expect(error).toBeInstanceOf(TokenResponseError);
		expect(error.kind).toBe('token-response');
		expect(error.error).toBe(body.error);
		expect(error.error_description).toBe(body.error_description);
		expect(error.status).toBe(400);
		expect(explainError(error)?.slug).toBe(slug);
		expect(explainError(error)?.causes.length).toBeGreaterThan(0);
		expect(explainError(error)?.fix).toBeTruthy();
	});

	it('an echoed grant type matches its template entry', () => {
		const error = caught(() =>
			parseTokenResponse(response(400, tokenErrorBody('grant-type-unsupported', 'password')))
		);
		expect(error.error).toBe('unsupported_grant_type');
		expect(explainError(error)?.slug).toBe('grant-type-unsupported');
	});

	it('an unknown error still has its code, without an explanation', () => {
		const error = caught(() =>
			parseTokenResponse(
				response(415, { error: 'server_error', error_description: 'Unexpected status: 415' })
			)
		);
		expect(error).toBeInstanceOf(TokenResponseError);
		expect(error.status).toBe(415);
		expect(explainError(error)).toBeUndefined();
		expect(explainError(error)?.causes ?? []).toEqual([]);
	});

	it('serialises to plain data', () => {
		const error = caught(() =>
			parseTokenResponse(response(400, tokenErrorBody('invalid-authorization-code')))
		);
		const plain = JSON.parse(JSON.stringify(error));
		expect(plain).toEqual({
			kind: 'token-response',
			error: 'invalid_grant',
			error_description: 'Invalid authorization code',
			status: 400
		});
		// The plain data still names its catalog entry, found from the wire values.
		expect(explainError(plain)?.slug).toBe('invalid-authorization-code');
	});
});

describe('parseTokenResponse: malformed', () => {
	it.each([
		[200, '<html>Not here</html>', 'body is not JSON'],
		[502, '<html>Bad gateway</html>', 'body is not JSON'],
		[400, '{"message":"nope"}', 'error answer without an error field'],
		[200, '[]', 'body is not JSON'],
		[200, '{"token_type":"Bearer","expires_in":3600}', 'access_token missing'],
		[200, '{"access_token":"a","expires_in":3600}', 'token_type missing'],
		[
			200,
			'{"access_token":"a","token_type":"mac","expires_in":3600}',
			'token_type mac is not Bearer'
		],
		[200, '{"access_token":"a","token_type":"Bearer"}', 'expires_in missing']
	])('%i %s', (status, body, detail) => {
		const error = caught(() => parseTokenResponse(response(status, body)));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect(error.kind).toBe('malformed-response');
		expect(error.status).toBe(status);
		expect((error as MalformedResponseError).detail).toBe(detail);
		expect(explainError(error)?.slug).toBe('malformed-token-response');
	});
});

describe('mergeRefreshedTokens', () => {
	const previous = {
		accessToken: 'old',
		tokenType: 'Bearer',
		expiresIn: 3600,
		refreshToken: 'AQ1',
		scope: 's'
	};

	it('keeps the old refresh token when the answer has none (Spotify since 2026)', () => {
		expect(
			mergeRefreshedTokens(previous, { accessToken: 'new', tokenType: 'Bearer', expiresIn: 3600 })
		).toEqual({
			accessToken: 'new',
			tokenType: 'Bearer',
			expiresIn: 3600,
			refreshToken: 'AQ1',
			scope: 's'
		});
	});

	it('takes a rotated refresh token', () => {
		expect(
			mergeRefreshedTokens(previous, {
				accessToken: 'new',
				tokenType: 'Bearer',
				expiresIn: 3600,
				refreshToken: 'AQ2',
				scope: 's t'
			})
		).toMatchObject({ refreshToken: 'AQ2', scope: 's t' });
	});
});
