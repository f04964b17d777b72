/**
 * Web API answers: the JSON on 2xx, a WebApiError for Spotify's regular error object
 * `{"error":{"status","message"}}` (Spotify concepts/api-calls; reference §7.3, §7.4).
 */
import { MalformedResponseError, WebApiError } from './errors';
import { getHeader, type HttpResponseDescription } from './http';
import { parseJsonObject } from './token-response';

export interface WebApiResult<T> {
	status: number;
	/** The parsed JSON; undefined for an empty body (204, some 202s). */
	data: T | undefined;
}

/**
 * Parses a Web API response (Spotify concepts/api-calls). `T` is the shape the endpoint
 * documents; it is not validated here beyond being JSON.
 */
export function parseWebApiResponse<T = unknown>(
	response: HttpResponseDescription
): WebApiResult<T> {
	const { status } = response;
	if (status >= 200 && status < 300) {
		if (response.body.trim() === '') return { status, data: undefined };
		try {
			return { status, data: JSON.parse(response.body) as T };
		} catch {
			throw new MalformedResponseError('malformed-web-api-response', status, 'body is not JSON');
		}
	}
	const error = parseJsonObject(response.body)?.error;
	const message =
		error !== null && typeof error === 'object' && 'message' in error
			? String((error as { message: unknown }).message)
			: undefined;
	throw new WebApiError(status, message, retryAfterSeconds(response));
}

/**
 * True when the answer means "refresh and retry": any 401. Branch on the status, never the
 * message, which Spotify changed in 2026 (reference §10, problem 13).
 */
export function isExpiredTokenError(error: unknown): error is WebApiError {
	return error instanceof WebApiError && error.status === 401;
}

function retryAfterSeconds(response: HttpResponseDescription): number | undefined {
	const value = getHeader(response.headers, 'retry-after');
	return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
