/**
 * The token-request inspector: a pasted request to POST /api/token checked against Spotify's
 * token rules (tutorials/code-flow, code-pkce-flow, client-credentials-flow, refreshing-tokens;
 * RFC 6749 §2.3.1, §4.1.3; RFC 7636 §4.5; shared/spotify-reference.md §3). The client secret is
 * decoded to be checked, and only its length ever leaves this module.
 */
import { clientAuthFindings, type BasicSummary } from './basic-auth-check';
import { bySeverity, MAX_INPUT_LENGTH, tooLong, worstLevel, type Finding } from './findings';
import { parsePastedRequest, type PastedRequest } from './http-paste';
import { readTokenAnswer } from './exercises/read-answer';
import { known, recognise, type KnownMistake } from './mistakes/catalog';
import { grantFindings } from './token-grant-check';
import { isSecretName, MASK, maskSecrets } from '$lib/core/masking';

export interface TokenRequestInspection {
	kind: 'inspected';
	source: PastedRequest['source'];
	/** For code: the library whose defaults were followed. */
	library?: string;
	method: string;
	/** The URL as sent, credentials in its query (client_secret=…) masked. */
	url: string;
	/** Headers as sent, the Authorization credentials and any credential-named header masked. */
	headers: [string, string][];
	/** Body fields, the secret, the tokens and the PKCE verifier masked (isSecretName). */
	fields: [string, string][];
	contentType: string;
	basic?: BasicSummary;
	grantType?: string;
	findings: Finding[];
	/** The catalog's mistakes found in the request, most fundamental first. */
	mistakes: KnownMistake[];
	level: Finding['level'];
}

export type TokenInspectResult =
	TokenRequestInspection | { kind: 'empty' } | { kind: 'refused'; message: string };

/** The Content-Type the server will see: the header, or what curl adds for the body option. */
function effectiveContentType(headers: readonly [string, string][], bodyKind: string): string {
	const header = headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
	if (header) return header;
	if (bodyKind === 'data') return 'application/x-www-form-urlencoded';
	if (bodyKind === 'multipart') return 'multipart/form-data';
	return '';
}

/** Reads the body into fields: form encoding, or JSON (to go on checking after the first error). */
function bodyFields(body: string | undefined, kind: string): [string, string][] {
	if (body === undefined) return [];
	const trimmed = body.trim();
	if (trimmed.startsWith('{'))
		try {
			const json: unknown = JSON.parse(trimmed);
			if (json && typeof json === 'object')
				return Object.entries(json).map(([k, v]) => [
					k,
					typeof v === 'string' ? v : JSON.stringify(v)
				]);
		} catch {
			return [];
		}
	if (kind === 'multipart')
		return trimmed.split('\n').map((line) => {
			const at = line.indexOf('=');
			return [line.slice(0, Math.max(at, 0)), line.slice(at + 1)];
		});
	return [...new URLSearchParams(trimmed).entries()];
}

/** Inspects a pasted token request; `authorizeUrl` (optional) is the URL that started the flow. */
export async function inspectTokenRequest(
	raw: string,
	authorizeUrl?: string
): Promise<TokenInspectResult> {
	const input = raw.trim();
	if (input === '') return { kind: 'empty' };
	if (input.length > MAX_INPUT_LENGTH) return { kind: 'refused', message: tooLong(input.length) };
	const req = parsePastedRequest(input);
	if (!req)
		return {
			kind: 'refused',
			message:
				'This is not a request this inspector can read. Paste a curl command, a raw request starting with POST /api/token HTTP/1.1, or the code that sends it: Python requests or httpx, JavaScript fetch or axios.'
		};
	let authorize: URLSearchParams | undefined;
	try {
		if (authorizeUrl?.trim()) authorize = new URL(authorizeUrl.trim()).searchParams;
	} catch {
		authorize = undefined;
	}
	const contentType = effectiveContentType(req.headers, req.bodyKind);
	const fields = bodyFields(req.body, req.bodyKind);
	const findings: Finding[] = [
		...req.notes.map((note): Finding => ({
			rule: 'unreadable',
			level: 'info',
			title: 'Not checked',
			reason: note
		})),
		...endpointFindings(req.method, req.url),
		...encodingFindings(contentType, req.body, req.bodyKind)
	];
	const auth = clientAuthFindings(req.headers, req.user, fields, authorize);
	findings.push(...auth.findings);
	findings.push(...(await grantFindings(fields, auth.confidential, authorize)));
	if (authorizeUrl?.trim() && !authorize)
		findings.push({
			rule: 'authorize-url',
			level: 'info',
			title: 'The authorize URL could not be read',
			reason: 'It is not an absolute URL, so redirect_uri and PKCE were not compared with it.'
		});
	return {
		kind: 'inspected',
		source: req.source,
		...(req.library && { library: req.library }),
		method: req.method,
		url: maskSecrets(req.url).text,
		headers: req.headers.map(([n, v]) => [
			n,
			n.toLowerCase() === 'authorization'
				? v.replace(/^(\S+\s+).*$/, `$1${MASK}`)
				: isSecretName(n.replace(/-/g, '_'))
					? MASK
					: v
		]),
		fields: fields.map(([n, v]) => [n, isSecretName(n) ? MASK : v]),
		contentType,
		basic: auth.basic,
		grantType: fields.find(([n]) => n === 'grant_type')?.[1],
		findings: bySeverity(findings),
		mistakes: catalogMistakes(input),
		level: worstLevel(findings)
	};
}

function endpointFindings(method: string, rawUrl: string): Finding[] {
	const out: Finding[] = [];
	let url: URL | undefined;
	try {
		url = new URL(rawUrl);
	} catch {
		url = undefined;
	}
	const path = url?.pathname ?? rawUrl;
	const okHost =
		url?.hostname === 'accounts.spotify.com' || path.endsWith('/emulator/accounts/api/token');
	if (
		okHost &&
		/\/api\/token\/?$/.test(path) &&
		(url?.protocol === 'https:' || url?.hostname !== 'accounts.spotify.com')
	)
		out.push({
			rule: 'endpoint',
			level: 'pass',
			title: 'The token endpoint',
			reason: `${url?.origin ?? ''}${path}`
		});
	else
		out.push({
			rule: 'endpoint',
			level: 'fail',
			title: 'Not Spotify’s token endpoint',
			reason: `The request goes to ${maskSecrets(rawUrl).text || 'no URL'}. The token endpoint is https://accounts.spotify.com/api/token (not api.spotify.com, not /authorize).`,
			fix: 'POST to https://accounts.spotify.com/api/token.'
		});
	if (method !== 'POST')
		out.push({
			rule: 'method',
			level: 'fail',
			title: `${method} instead of POST`,
			reason: 'The token endpoint takes only POST with a form body.',
			fix: 'Send POST (curl -X POST, or any -d option).',
			error: 'token-method-not-allowed'
		});
	const query = url?.searchParams;
	if (
		query &&
		[...query.keys()].some((k) =>
			['grant_type', 'code', 'client_secret', 'refresh_token'].includes(k)
		)
	)
		out.push({
			rule: 'query-string',
			level: 'fail',
			title: 'Parameters in the query string',
			reason: `Spotify reads the parameters from the body only, so it sees no grant_type${query.has('client_secret') ? ', and the client secret is now in a URL, where logs and proxies keep it' : ''}.`,
			fix: `Move them into an application/x-www-form-urlencoded body${query.has('client_secret') ? ', and rotate the secret' : ''}.`,
			error: 'grant-type-missing'
		});
	return out;
}

function encodingFindings(contentType: string, body: string | undefined, kind: string): Finding[] {
	const type = contentType.split(';')[0].trim().toLowerCase();
	const looksJson = body?.trim().startsWith('{') ?? false;
	if (type === 'application/json' || looksJson)
		return [
			{
				rule: 'body-encoding',
				level: 'fail',
				title: 'The body is JSON',
				reason:
					'Spotify reads only form-encoded bodies; a JSON body (the axios default, curl --json) arrives as no fields at all, so Spotify says grant_type parameter is missing.',
				fix: 'Send Content-Type: application/x-www-form-urlencoded with a body such as grant_type=authorization_code&code=… (URLSearchParams in JavaScript, data= in Python requests).',
				error: 'grant-type-missing'
			}
		];
	if (type === 'multipart/form-data' || kind === 'multipart')
		return [
			{
				rule: 'body-encoding',
				level: 'fail',
				title: 'The body is multipart/form-data',
				reason:
					'curl -F (or a FormData object) sends multipart; Spotify expects application/x-www-form-urlencoded and will not find grant_type.',
				fix: 'Use curl -d (or URLSearchParams instead of FormData).',
				error: 'grant-type-missing'
			}
		];
	if (body === undefined || body.trim() === '')
		return [
			{
				rule: 'body-encoding',
				level: 'fail',
				title: 'No body',
				reason: 'The token request carries its parameters in a form body; there is none.',
				fix: 'Send grant_type and the other parameters in an application/x-www-form-urlencoded body.',
				error: 'grant-type-missing'
			}
		];
	if (type !== 'application/x-www-form-urlencoded')
		return [
			{
				rule: 'content-type',
				level: type === '' ? 'warn' : 'fail',
				title: type === '' ? 'No Content-Type' : `Content-Type ${type}`,
				reason: 'Spotify’s docs mark Content-Type: application/x-www-form-urlencoded as required.',
				fix: 'Add the header Content-Type: application/x-www-form-urlencoded.',
				error: 'grant-type-missing'
			}
		];
	return [
		{
			rule: 'content-type',
			level: 'pass',
			title: 'A form-encoded body',
			reason: 'application/x-www-form-urlencoded, as Spotify requires.'
		}
	];
}

/** The catalog of mistakes read on the same request: what the grader would name, here too. */
function catalogMistakes(input: string): KnownMistake[] {
	const read = readTokenAnswer(input);
	return read.ok ? known(recognise(read.value.subject)) : [];
}
