/**
 * Plain descriptions of HTTP requests and responses. Builders return them, the UI shows them
 * whole, the transport sends them with fetch, export.ts turns them into curl/fetch/Python, and
 * the relay forwards them: one shape everywhere, plain data so it survives JSON and structuredClone.
 */

/** One form or JSON field, in the order it is sent. */
export type Field = readonly [name: string, value: string];

/**
 * A request body. `form` is what Spotify's token endpoint requires
 * (application/x-www-form-urlencoded); `json` exists for the "body as JSON" teaching mistake.
 */
export interface RequestBody {
	type: 'form' | 'json';
	fields: readonly Field[];
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequestDescription {
	method: HttpMethod;
	/** Absolute URL, query included. */
	url: string;
	/** Header names as Spotify's docs spell them; ordered as they should be shown. */
	headers: Readonly<Record<string, string>>;
	body?: RequestBody;
}

export interface HttpResponseDescription {
	status: number;
	statusText: string;
	/** Lower-case names, as fetch's Headers yields them. */
	headers: Readonly<Record<string, string>>;
	/** The body as text: exactly what came over the wire, for display and for parsing. */
	body: string;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

/** The body exactly as it goes on the wire. Form fields are encoded once, by URLSearchParams. */
export function encodeBody(body: RequestBody): string {
	if (body.type === 'json') return JSON.stringify(Object.fromEntries(body.fields));
	return new URLSearchParams(body.fields.map(([name, value]) => [name, value])).toString();
}

export function contentTypeOf(body: RequestBody): string {
	return body.type === 'json' ? JSON_CONTENT_TYPE : FORM_CONTENT_TYPE;
}

/** Case-insensitive header lookup (HTTP header names are case-insensitive, RFC 9110 §5.1). */
export function getHeader(
	headers: Readonly<Record<string, string>>,
	name: string
): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers))
		if (key.toLowerCase() === wanted) return value;
	return undefined;
}

/** The value of a body field, when the body has it. */
export function getField(body: RequestBody | undefined, name: string): string | undefined {
	return body?.fields.find(([key]) => key === name)?.[1];
}

/** What `fetch(url, init)` needs to send exactly the described request. */
export function toFetchArguments(request: HttpRequestDescription): [string, RequestInit] {
	const init: RequestInit = { method: request.method, headers: { ...request.headers } };
	if (request.body) init.body = encodeBody(request.body);
	return [request.url, init];
}

/** Reads a fetch Response into a plain description (consumes the body). */
export async function describeResponse(response: Response): Promise<HttpResponseDescription> {
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => (headers[name] = value));
	return {
		status: response.status,
		statusText: response.statusText,
		headers,
		body: await response.text()
	};
}
