/** Reading request parameters the way Spotify's endpoints do. */
import type { EmuRequest } from './types';

/** A parameter: the first value if repeated, null when absent or empty (Spotify treats both alike). */
export function param(params: URLSearchParams, name: string): string | null {
	const value = params.get(name);
	return value === null || value === '' ? null : value;
}

/**
 * The form fields of a POST. Only an application/x-www-form-urlencoded body counts: a JSON body
 * yields no fields, which is why Spotify answers it with `grant_type parameter is missing`.
 */
export function formParams(request: EmuRequest): URLSearchParams {
	const type = request.header('content-type') ?? '';
	// The usual spelling first, without the string work of the general case.
	const form = 'application/x-www-form-urlencoded';
	if (type !== form && type.split(';')[0].trim().toLowerCase() !== form)
		return new URLSearchParams();
	return new URLSearchParams(request.body);
}

/** The JSON object of a control request, or null. */
export function jsonObject(request: EmuRequest): Record<string, unknown> | null {
	const type = (request.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') return null;
	try {
		const value: unknown = JSON.parse(request.body || '{}');
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}
