/**
 * Masks credentials in pasted text — a client secret, a Basic header, tokens — before anything is
 * echoed on a page or put in a shareable link (DESIGN.md, security rules: a secret never appears
 * in a URL, a log line or storage).
 */

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
