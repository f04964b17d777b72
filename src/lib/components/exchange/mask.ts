/**
 * What the exchange view shows while secrets are hidden: the client secret never appears
 * (redacted at the source), tokens keep a short prefix so two can be told apart.
 */
import type { HttpRequestDescription } from '$lib/oauth/http';
import { redactRequest } from '$lib/oauth/redact';

export const HIDDEN = '••••••••';
const tokenFields = ['access_token', 'refresh_token'];

/** A token cut to its first characters, e.g. `BQDx…••••••••`. */
export function maskToken(value: string): string {
	return value.length <= 8 ? HIDDEN : `${value.slice(0, 4)}…${HIDDEN}`;
}

/** The request as shown: the secret replaced, bearer and refresh tokens cut short. */
export function maskRequest(request: HttpRequestDescription): HttpRequestDescription {
	const redacted = redactRequest(request, HIDDEN);
	const headers: Record<string, string> = {};
	// A Basic header re-encoded around the placeholder would look real and be nothing that was
	// sent: it is shown hidden whole, and the exchange view says what it holds.
	for (const [name, value] of Object.entries(redacted.headers))
		headers[name] = /^basic\s/i.test(value)
			? `Basic ${HIDDEN}`
			: value.replace(/^(Bearer\s+)(\S+)$/i, (_, prefix, token) => prefix + maskToken(token));
	return {
		...redacted,
		url: maskUrl(redacted.url),
		headers,
		body: redacted.body && {
			...redacted.body,
			fields: redacted.body.fields.map(([name, value]) =>
				tokenFields.includes(name) ? ([name, maskToken(value)] as const) : ([name, value] as const)
			)
		}
	};
}

/** Tokens inside a URL (the implicit grant's fragment) cut short. */
export function maskUrl(url: string): string {
	return url.replace(
		/([#&?](?:access_token|refresh_token)=)([^&#]+)/g,
		(_, prefix, token) => prefix + maskToken(token)
	);
}

/** Token values inside a JSON body cut short; other text is left as it is. */
export function maskBody(body: string): string {
	return body.replace(
		/("(?:access_token|refresh_token)"\s*:\s*")([^"]*)(")/g,
		(_, open, token, close) => open + maskToken(token) + close
	);
}
