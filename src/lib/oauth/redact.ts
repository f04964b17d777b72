/**
 * Finding and hiding the client secret in a request description. A secret never leaves in an
 * export, a log line or a persisted snapshot unless the user asks for it (DESIGN.md, security).
 */
import { basicAuthorization, decodeBase64Utf8 } from '$lib/core/encoding';
import { getHeader, type HttpRequestDescription } from './http';

export const SECRET_PLACEHOLDER = 'YOUR_CLIENT_SECRET';

export interface BasicCredentials {
	clientId: string;
	clientSecret: string;
}

/**
 * The id and secret in an `Authorization: Basic` header, when it is exactly
 * base64(`id:secret`) as basicAuthorization() makes it; undefined otherwise.
 */
export function decodeBasicAuthorization(value: string | undefined): BasicCredentials | undefined {
	const match = value?.match(/^Basic ([A-Za-z0-9+/=]+)$/);
	const decoded = match ? decodeBase64Utf8(match[1]) : undefined;
	const colon = decoded?.indexOf(':') ?? -1;
	if (decoded === undefined || colon < 0) return undefined;
	const credentials = { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
	// Only when re-encoding gives back the same header can an export rebuild it from the parts.
	return basicAuthorization(credentials.clientId, credentials.clientSecret) === value
		? credentials
		: undefined;
}

/** The client secrets a request carries, in the Basic header or the `client_secret` field. */
export function findSecrets(request: HttpRequestDescription): string[] {
	const secrets: string[] = [];
	const authorization = getHeader(request.headers, 'authorization');
	const basic = decodeBasicAuthorization(authorization);
	if (basic) secrets.push(basic.clientSecret);
	for (const [name, value] of request.body?.fields ?? [])
		if (name === 'client_secret') secrets.push(value);
	return secrets.filter((secret) => secret !== '');
}

/** True when the request carries a client secret (such requests go through the relay in live mode). */
export function carriesClientSecret(request: HttpRequestDescription): boolean {
	const authorization = getHeader(request.headers, 'authorization');
	return (
		/^basic\s/i.test(authorization ?? '') ||
		(request.body?.fields.some(([name]) => name === 'client_secret') ?? false)
	);
}

/**
 * A copy with the client secret replaced by `placeholder`: in the `client_secret` field, inside
 * the Basic header (re-encoded, so exports can show `id:placeholder`), and anywhere else it appears.
 */
export function redactRequest(
	request: HttpRequestDescription,
	placeholder = SECRET_PLACEHOLDER
): HttpRequestDescription {
	const secrets = findSecrets(request);
	// Short strings would match innocently elsewhere; real Spotify secrets are 32 characters.
	const widespread = secrets.filter((secret) => secret.length >= 8);
	const hide = (text: string): string =>
		widespread.reduce((out, secret) => out.split(secret).join(placeholder), text);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (name.toLowerCase() === 'authorization' && /^basic\s/i.test(value)) {
			const basic = decodeBasicAuthorization(value);
			headers[name] = basic
				? basicAuthorization(basic.clientId, placeholder)
				: `Basic ${placeholder}`;
		} else headers[name] = hide(value);
	}
	const redacted: HttpRequestDescription = {
		method: request.method,
		url: hide(request.url),
		headers
	};
	if (request.body)
		redacted.body = {
			type: request.body.type,
			fields: request.body.fields.map(([name, value]) =>
				name === 'client_secret' ? [name, placeholder] : [name, hide(value)]
			)
		};
	return redacted;
}
