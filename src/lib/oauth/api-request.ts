/** Web API calls with the access token as a Bearer credential (RFC 6750 §2.1). */
import { joinUrl } from './endpoints';
import type { HttpMethod, HttpRequestDescription } from './http';

export interface WebApiRequestOptions {
	/** `https://api.spotify.com` or the emulator's API base. */
	apiBase: string;
	/** A Web API path under `/v1/`, e.g. `/v1/me` or `/v1/artists/0TnOYISbd1XYRBk9myaseg`. */
	path: string;
	accessToken: string;
	query?: Readonly<Record<string, string>>;
	method?: HttpMethod;
}

/** A Web API request with `Authorization: Bearer` (Spotify concepts/access-token). */
export function buildWebApiRequest(options: WebApiRequestOptions): HttpRequestDescription {
	if (!options.path.startsWith('/v1/'))
		throw new RangeError(`Web API paths start with /v1/, not ${options.path}`);
	const query = options.query ? new URLSearchParams(options.query).toString() : '';
	return {
		method: options.method ?? 'GET',
		url: joinUrl(options.apiBase, options.path) + (query ? `?${query}` : ''),
		headers: { Authorization: `Bearer ${options.accessToken}` }
	};
}
