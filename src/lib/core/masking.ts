/**
 * Masking secrets, once, for every part of the site (DESIGN.md, security rules: a secret never
 * appears in a URL, a log line, a persisted snapshot or an export unless the user asks).
 *
 * Three placeholders, each for one audience:
 * - `MASK` (`REDACTED`): pasted input echoed by the debug tools and the exercises, refilled forms,
 *   share links and log lines;
 * - `HIDDEN` (`••••••••`): the exchange view while secrets are hidden (tokens keep a prefix);
 * - `SECRET_PLACEHOLDER` (`YOUR_CLIENT_SECRET`): exported curl/fetch/Python, to be filled in.
 *
 * Like encoding.ts it sits below every other folder: requests are described structurally.
 */
import { basicAuthorization, decodeBase64Utf8 } from './encoding';

// --- Pasted text: debug tools, exercises, logs ---

export const MASK = 'REDACTED';

/** The names whose values are credentials, in any case, snake or camel: client_secret, clientSecret. */
const secretKey = '(?:client_?secret|refresh_?token|access_?token|code_?verifier)';

/** Whether a field, parameter or header name holds a credential (SPOTIFY_CLIENT_SECRET, accessToken). */
export function isSecretName(name: string): boolean {
	return new RegExp(`^\\w*${secretKey}$`, 'i').test(name.trim());
}

const patterns: readonly [RegExp, string][] = [
	// Authorization: Basic <base64>, also the broken b'…' form and quoted values.
	// Long enough not to catch prose such as "Basic auth" or "bearer authentication".
	[/(\bBasic\s+)(b?['"]?)(?!REDACTED)[A-Za-z0-9+/=_\-.:]{12,}(\\n)?(['"]?)/gi, `$1$2${MASK}$3$4`],
	[/(\bBearer\s+)(?!REDACTED)[A-Za-z0-9._~+/=-]{20,}/g, `$1${MASK}`],
	// curl -u id:secret / --user id:secret
	[/((?:^|\s)(?:-u\s*|--user[\s=]+)['"]?[^\s:'"]*:)(?!REDACTED)[^\s'"]+/g, `$1${MASK}`],
	// key=value and key: value, bare or quoted: form fields, query parameters, .env lines, shell
	// exports, JSON (also escaped inside a shell string), Python dicts, JS objects, YAML. Any case,
	// any prefix (SPOTIFY_CLIENT_SECRET), snake or camel case (clientSecret). A quoted value is
	// masked up to its closing quote, a bare one up to a separator.
	[
		new RegExp(
			`(\\b\\w*${secretKey}\\\\?['"]?[ \\t]*[:=][ \\t]*)` +
				`(?:(b?\\\\?['"])(?!${MASK}|null\\b)[^'"\\\\\\r\\n]+|(?!${MASK}|null\\b)[^\\s'"\\\\&#,;}]+)`,
			'gi'
		),
		`$1$2${MASK}`
	]
];

/** The text with every credential value replaced by REDACTED, and whether anything was. */
export function maskSecrets(text: string): { text: string; masked: boolean } {
	let out = text;
	for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
	return { text: out, masked: out !== text };
}

/**
 * Bare values shaped like Spotify credentials, with no name beside them to tell what they are:
 * 32 hex digits (a client secret, or a client id) and long runs of token characters with letters
 * and digits (access and refresh tokens, codes, PKCE verifiers).
 */
const hexSecret = /(?<![\w-])[0-9a-f]{32}(?![\w-])/gi;
const tokenRun = /[\w.~-]{40,}/g;

/**
 * For text that goes to a log where nobody reads it first, such as a requested path: everything
 * maskSecrets() masks, and bare secret-shaped values too. Prose and paths keep their shape.
 */
export function maskSecretShapes(text: string): string {
	return maskSecrets(text)
		.text.replace(hexSecret, MASK)
		.replace(tokenRun, (run) => (/\d/.test(run) && /[a-z]/i.test(run) ? MASK : run));
}

// --- Requests: exports and persisted runs ---

/** The shape of a request description (oauth/http.ts's HttpRequestDescription fits it). */
export interface MaskableRequest {
	method: string;
	url: string;
	headers: Readonly<Record<string, string>>;
	body?: { type: string; fields: readonly (readonly [string, string])[] };
}

function getHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers))
		if (key.toLowerCase() === wanted) return value;
	return undefined;
}

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
export function findSecrets(request: MaskableRequest): string[] {
	const secrets: string[] = [];
	const authorization = getHeader(request.headers, 'authorization');
	const basic = decodeBasicAuthorization(authorization);
	if (basic) secrets.push(basic.clientSecret);
	for (const [name, value] of request.body?.fields ?? [])
		if (name === 'client_secret') secrets.push(value);
	return secrets.filter((secret) => secret !== '');
}

/** True when the request carries a client secret (such requests go through the relay in live mode). */
export function carriesClientSecret(request: MaskableRequest): boolean {
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
export function redactRequest<T extends MaskableRequest>(
	request: T,
	placeholder = SECRET_PLACEHOLDER
): T {
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
	const redacted: MaskableRequest = {
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
	return redacted as T;
}

// --- The exchange view ---

export const HIDDEN = '••••••••';
const tokenFields = ['access_token', 'refresh_token'];

/** A token cut to its first characters, e.g. `BQDx…••••••••`. */
export function maskToken(value: string): string {
	return value.length <= 8 ? HIDDEN : `${value.slice(0, 4)}…${HIDDEN}`;
}

/** The request as shown: the secret replaced, bearer and refresh tokens cut short. */
export function maskRequest<T extends MaskableRequest>(request: T): T {
	const redacted = redactRequest(request, HIDDEN);
	const headers: Record<string, string> = {};
	// A Basic header re-encoded around the placeholder would look real and be nothing that was
	// sent: it is shown hidden whole, and the exchange view says what it holds.
	for (const [name, value] of Object.entries(redacted.headers))
		headers[name] = /^basic\s/i.test(value)
			? `Basic ${HIDDEN}`
			: value.replace(/^(Bearer\s+)(\S+)$/i, (_, prefix, token) => prefix + maskToken(token));
	const shown: MaskableRequest = {
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
	return shown as T;
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

// --- Presenter mode (streamer mode) ---

/**
 * Whether a shown name/value pair carries the client secret (a `client_secret` field, the
 * `client_id:client_secret` pair, an `Authorization: Basic` header): presenter mode blurs these
 * on screen, revealed or not. Codes and tokens are not included: on the emulator they are the
 * values the room compares with the projector.
 */
export function isClientSecretField(name: string, value: string): boolean {
	return (
		/client_?secret/i.test(name) ||
		(/^authorization$/i.test(name.trim()) && /^basic\s/i.test(value))
	);
}
