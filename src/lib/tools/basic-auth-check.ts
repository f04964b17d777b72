/**
 * Client authentication at the token endpoint: the `Authorization: Basic` header decoded and
 * checked for the classic mistakes (RFC 6749 §2.3.1; Spotify tutorials/code-flow;
 * shared/spotify-reference.md §10 row 7). The secret is read only to be checked; what leaves
 * this module is its length.
 */
import { decodeBase64Utf8 } from '$lib/core/encoding';
import type { Finding } from './findings';

export interface BasicSummary {
	clientId: string;
	secretLength: number;
	from: 'Authorization header' | 'curl -u';
}

export interface ClientAuth {
	findings: Finding[];
	basic?: BasicSummary;
	/** Does the request carry a client secret (so it is the confidential flow)? */
	confidential: boolean;
}

const hex32 = /^[0-9a-f]{32}$/i;
const malformed = { level: 'fail', error: 'invalid-client-malformed' } as const;
const exactFix =
	"Send Authorization: Basic base64('<client_id>:<client_secret>'), with no newline: btoa(`${id}:${secret}`) in JavaScript, base64.b64encode(f'{id}:{secret}'.encode()).decode() in Python, printf '%s' 'id:secret' | base64 in a shell.";

/** Decodes the credentials of a Basic header, naming each way it can be broken. */
function decodeBasic(value: string): { decoded?: string; findings: Finding[] } {
	const findings: Finding[] = [];
	const m = /^(\S+)\s*(.*)$/.exec(value.trim());
	const scheme = m?.[1] ?? '';
	let token = (m?.[2] ?? '').trim();
	if (scheme.toLowerCase() === 'bearer')
		return {
			findings: [
				{
					...malformed,
					rule: 'basic-scheme',
					title: 'Bearer instead of Basic',
					reason:
						'A Bearer token is what the Web API takes; the token endpoint authenticates the app with Basic credentials.',
					fix: exactFix
				}
			]
		};
	if (scheme.toLowerCase() !== 'basic' || token === '')
		return {
			findings: [
				{
					...malformed,
					rule: 'basic-scheme',
					title: 'The Authorization header is not Basic credentials',
					reason: `It reads “${scheme} …”.`,
					fix: exactFix
				}
			]
		};
	const bytes = /^b(['"])(.*)\1$/.exec(token);
	if (bytes) {
		findings.push({
			...malformed,
			rule: 'basic-bytes',
			title: "The header carries a Python bytes repr (b'…')",
			reason:
				"base64.b64encode returns bytes; formatting them into a string adds b'…', which is not base64.",
			fix: 'Call .decode() on the result before building the header.'
		});
		token = bytes[2];
	}
	if (/:/.test(token))
		return {
			decoded: token,
			findings: [
				...findings,
				{
					...malformed,
					rule: 'basic-not-encoded',
					title: 'id:secret is not base64-encoded',
					reason: 'The header holds the raw id:secret; Spotify expects its base64 encoding.',
					fix: exactFix
				}
			]
		};
	let decoded = decodeBase64Utf8(token);
	if (decoded === undefined && token.length % 4 !== 0)
		decoded = decodeBase64Utf8(token + '='.repeat((4 - (token.length % 4)) % 4));
	if (decoded === undefined)
		return {
			findings: [
				...findings,
				{
					...malformed,
					rule: 'basic-not-base64',
					title: 'The credentials are not valid base64',
					reason: 'They do not decode (a URL-safe alphabet, a cut-off value, or another encoding).',
					fix: exactFix
				}
			]
		};
	return { decoded, findings };
}

/** Finds the client authentication of a token request and checks it. */
export function clientAuthFindings(
	headers: readonly [string, string][],
	user: string | undefined,
	fields: readonly [string, string][],
	authorize: URLSearchParams | undefined
): ClientAuth {
	const header = headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
	const bodySecret = fields.find(([n]) => n === 'client_secret')?.[1];
	const bodyId = fields.find(([n]) => n === 'client_id')?.[1];
	const findings: Finding[] = [];
	if (bodySecret !== undefined)
		findings.push(
			header || user
				? {
						rule: 'body-secret',
						level: 'warn',
						title: 'Credentials both in the header and in the body',
						reason: 'RFC 6749 §2.3 allows only one method per request.',
						fix: 'Keep the Basic header and drop client_secret from the body.'
					}
				: {
						rule: 'body-secret',
						level: bodySecret === '' ? 'fail' : 'info',
						title: 'client_secret in the body',
						reason:
							'Spotify accepts client_id and client_secret as body fields instead of a Basic header (older docs); Basic is what its tutorials use.',
						...(bodySecret === ''
							? {
									fix: 'The secret is empty: check the environment variable.',
									error: 'invalid-client-secret' as const
								}
							: {})
					}
		);
	if (header === undefined && user === undefined)
		return { findings, confidential: bodySecret !== undefined };
	const from = user !== undefined ? 'curl -u' : 'Authorization header';
	const read = user !== undefined ? { decoded: user, findings: [] } : decodeBasic(header!);
	findings.push(...read.findings);
	let decoded = read.decoded;
	if (decoded === undefined) return { findings, confidential: true };
	if (/\r?\n$/.test(decoded)) {
		findings.push({
			...malformed,
			rule: 'basic-newline',
			title: 'A newline inside the credentials',
			reason:
				'The encoded text ends with a line break: echo without -n (or a value read from a file) added it, so the secret Spotify sees ends in \\n.',
			fix: exactFix
		});
		decoded = decoded.replace(/\r?\n$/, '');
	}
	const colon = decoded.indexOf(':');
	if (colon < 0) {
		const sep = /[;|, ]/.exec(decoded)?.[0];
		findings.push({
			...malformed,
			rule: 'basic-separator',
			title: sep ? `“${sep}” between id and secret` : 'No colon between id and secret',
			reason: 'The id and secret must be joined by a single colon before encoding.',
			fix: exactFix
		});
		return { findings, confidential: true };
	}
	const clientId = decoded.slice(0, colon);
	const secret = decoded.slice(colon + 1);
	const basic: BasicSummary = { clientId, secretLength: secret.length, from };
	const authorizeId = authorize?.get('client_id') ?? undefined;
	if (
		(bodyId && secret === bodyId && clientId !== bodyId) ||
		(authorizeId && secret === authorizeId && clientId !== authorizeId)
	)
		findings.push({
			rule: 'basic-swapped',
			level: 'fail',
			title: 'Client ID and secret are swapped',
			reason: 'The part after the colon is the Client ID; Spotify reads it as the secret.',
			fix: 'Encode <client_id>:<client_secret>, the ID first.',
			error: 'invalid-client-secret'
		});
	else if (authorizeId && clientId !== authorizeId)
		findings.push({
			rule: 'basic-client',
			level: 'fail',
			title: 'Another client than the one that started the flow',
			reason: `The Basic header names ${clientId}, the authorize URL ${authorizeId}; a code is redeemable only by the client it was issued to.`,
			fix: 'Use the same app’s credentials at both steps.',
			error: 'invalid-authorization-code'
		});
	else if (bodyId && bodyId !== clientId)
		findings.push({
			rule: 'basic-client',
			level: 'warn',
			title: 'Two different client IDs',
			reason: `The header names ${clientId} and the body ${bodyId}.`,
			fix: 'Send one client ID.'
		});
	if (secret === '')
		findings.push({
			rule: 'basic-secret',
			level: 'fail',
			title: 'The secret is empty',
			reason: 'Nothing follows the colon: the environment variable was probably not set.',
			fix: exactFix,
			error: 'invalid-client-secret'
		});
	else if (!hex32.test(clientId) || !hex32.test(secret.trim()))
		findings.push({
			rule: 'basic-shape',
			level: 'warn',
			title: 'The credentials do not look like Spotify’s',
			reason: `Spotify’s Client ID and secret are 32 hexadecimal characters (0–9, a–f) each; ${shapeReason('ID', clientId)}, ${shapeReason('secret', secret)}.`,
			fix: 'Copy both again from the dashboard.'
		});
	if (!findings.some((f) => f.level === 'fail' && f.rule.startsWith('basic')))
		findings.push({
			rule: 'basic',
			level: 'pass',
			title: `Basic credentials from the ${from}`,
			reason: `They decode to the Client ID ${clientId} and a secret of ${secret.length} characters (not shown).`
		});
	return { findings, basic, confidential: true };
}

/** Why a credential is not 32 hexadecimal characters: its length, its characters, its spaces. */
function shapeReason(name: string, value: string): string {
	const problems: string[] = [];
	if (value !== value.trim()) problems.push('has spaces around it');
	const v = value.trim();
	if (v.length !== 32) problems.push(`has ${v.length} characters`);
	const other = [...new Set(v.replace(/[0-9a-f]/gi, ''))];
	if (other.length > 0)
		problems.push(
			`${v.length === 32 ? 'has 32 characters but ' : ''}is not hexadecimal (${other
				.slice(0, 5)
				.map((c) => `“${c}”`)
				.join(', ')}${other.length > 5 ? '…' : ''})`
		);
	return problems.length === 0 ? `the ${name} is fine` : `the ${name} ${problems.join(' and ')}`;
}
