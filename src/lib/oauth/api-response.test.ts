import { describe, expect, it } from 'vitest';
import { webApiErrorBody } from '$lib/spotify/errors';
import { isExpiredTokenError, parseWebApiResponse } from './api-response';
import { MalformedResponseError, WebApiError } from './errors';
import type { HttpResponseDescription } from './http';
import { caught } from './testing';
import { explainError } from './explain';

function response(
	status: number,
	body: string,
	headers: Record<string, string> = { 'content-type': 'application/json' }
): HttpResponseDescription {
	return { status, statusText: '', headers, body };
}

describe('parseWebApiResponse', () => {
	it('returns the JSON of a success', () => {
		expect(parseWebApiResponse<{ id: string }>(response(200, '{"id":"demo"}'))).toEqual({
			status: 200,
			data: { id: 'demo' }
		});
	});

	it('returns no data for an empty success', () => {
		expect(parseWebApiResponse(response(204, ''))).toEqual({ status: 204, data: undefined });
	});

	it('refuses a success that is not JSON', () => {
		const error = caught(() => parseWebApiResponse(response(200, '<html>')));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect(explainError(error)?.slug).toBe('malformed-web-api-response');
	});

	it.each([
		['access-token-expired', 'invalid_token'],
		['invalid-access-token', 'invalid_token'],
		['no-token-provided', 'invalid_token'],
		['missing-invalid-expired-token', 'invalid_token'],
		['only-bearer-supported', 'invalid_request'],
		['insufficient-client-scope', 'insufficient_scope'],
		['premium-required', 'insufficient_scope']
	] as const)('%s -> %s with its catalog entry', (slug, code) => {
		const body = webApiErrorBody(slug);
		// Spotify pretty-prints Web API errors (reference §7.3).
		const error = caught(() =>
			parseWebApiResponse(response(body.error.status, JSON.stringify(body, null, 2)))
		);
		expect(error).toBeInstanceOf(WebApiError);
		expect(error.kind).toBe('web-api');
		expect(error.error).toBe(code);
		expect(error.status).toBe(body.error.status);
		expect(error.error_description).toBe(body.error.message);
		expect(explainError(error)?.slug).toBe(slug);
	});

	it('a 429 with an empty body carries Retry-After', () => {
		const error = caught(() => parseWebApiResponse(response(429, '', { 'retry-after': '12' })));
		expect(error).toMatchObject({ error: 'rate_limited', status: 429, retryAfter: 12 });
		expect(explainError(error)?.slug).toBe('rate-limited');
	});

	it('an unknown error keeps status and message', () => {
		const error = caught(() =>
			parseWebApiResponse(response(400, '{"error":{"status":400,"message":"Something odd"}}'))
		);
		expect(error).toMatchObject({ error: 'invalid_request', error_description: 'Something odd' });
		expect(explainError(error)).toBeUndefined();
	});

	it('a 5xx HTML page is still a WebApiError', () => {
		expect(caught(() => parseWebApiResponse(response(503, '<html>'))).error).toBe('server_error');
	});
});

describe('isExpiredTokenError', () => {
	it('branches on status 401, whatever the message', () => {
		const expired = caught(() =>
			parseWebApiResponse(
				response(401, JSON.stringify(webApiErrorBody('missing-invalid-expired-token')))
			)
		);
		const scope = caught(() =>
			parseWebApiResponse(
				response(403, JSON.stringify(webApiErrorBody('insufficient-client-scope')))
			)
		);
		expect(isExpiredTokenError(expired)).toBe(true);
		expect(isExpiredTokenError(scope)).toBe(false);
		expect(isExpiredTokenError(new Error('401'))).toBe(false);
	});
});
