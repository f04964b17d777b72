/**
 * Masks credentials in pasted text — a client secret, a Basic header, tokens — before anything is
 * echoed on a page or put in a shareable link (DESIGN.md, security rules: a secret never appears
 * in a URL, a log line or storage).
 */

export const MASK = 'REDACTED';

const patterns: readonly [RegExp, string][] = [
	// Authorization: Basic <base64>, also the broken b'…' form and quoted values.
	// Long enough not to catch prose such as "Basic auth" or "bearer authentication".
	[/(\bBasic\s+)(b?['"]?)(?!REDACTED)[A-Za-z0-9+/=_\-.:]{12,}(\\n)?(['"]?)/gi, `$1$2${MASK}$3$4`],
	[/(\bBearer\s+)(?!REDACTED)[A-Za-z0-9._~+/=-]{20,}/g, `$1${MASK}`],
	// curl -u id:secret / --user id:secret
	[/((?:^|\s)(?:-u\s*|--user[\s=]+)['"]?[^\s:'"]*:)(?!REDACTED)[^\s'"]+/g, `$1${MASK}`],
	// form fields and query parameters
	[
		/(\b(?:client_secret|refresh_token|access_token|code_verifier)=)(?!REDACTED)[^&\s'"#]+/g,
		`$1${MASK}`
	],
	// JSON fields
	[
		/("(?:client_secret|refresh_token|access_token|code_verifier)"\s*:\s*")(?!REDACTED)[^"]*/g,
		`$1${MASK}`
	]
];

/** The text with every credential value replaced by REDACTED, and whether anything was. */
export function maskSecrets(text: string): { text: string; masked: boolean } {
	let out = text;
	for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
	return { text: out, masked: out !== text };
}
