/**
 * The grant-specific rules of a token request: what each grant_type needs, the redirect URI
 * compared with the authorize step, and PKCE checked against the challenge when it is known
 * (RFC 6749 §4.1.3, §6; RFC 7636 §4.5–4.6; shared/spotify-reference.md §3.2–3.5).
 */
import {
	base64,
	base64url,
	NON_VERIFIER_CHARACTER,
	sha256,
	VERIFIER_PATTERN
} from '$lib/core/encoding';
import { editDistance } from './edit-distance';
import type { Finding } from './findings';
import { differenceText, diffRedirectUris } from './redirect-uri-diff';

const grants = ['authorization_code', 'refresh_token', 'client_credentials'] as const;

/** The findings for the body fields of one grant. */
export async function grantFindings(
	fields: readonly [string, string][],
	confidential: boolean,
	authorize: URLSearchParams | undefined
): Promise<Finding[]> {
	if (fields.length === 0) return [];
	const get = (name: string) => fields.find(([n]) => n === name)?.[1];
	const grant = get('grant_type');
	const out: Finding[] = [];
	for (const [name, value] of fields)
		if (value !== value.trim())
			out.push({
				rule: 'field-whitespace',
				level: 'warn',
				title: `${name} has spaces or a newline around it`,
				reason:
					'Spotify compares values exactly; a stray newline from a file or environment variable changes them.',
				fix: 'Trim the value where it is read.'
			});
	if (grant === undefined || grant === '')
		return [
			...out,
			{
				rule: 'grant-type',
				level: 'fail',
				title: 'grant_type is missing',
				reason: 'Spotify cannot tell what is being exchanged.',
				fix: 'Add grant_type=authorization_code, refresh_token or client_credentials.',
				error: 'grant-type-missing'
			}
		];
	const g = grant.trim();
	if (!(grants as readonly string[]).includes(grant)) {
		const meant = grants.find((k) => editDistance(g.toLowerCase().replace(/-/g, '_'), k) <= 3);
		return [
			...out,
			{
				rule: 'grant-type',
				level: 'fail',
				title: `grant_type “${grant}” is not supported`,
				reason: `Spotify answers grant_type ${grant} is not supported; it offers authorization_code, refresh_token and client_credentials only${g === 'password' || g === 'implicit' ? ' (no password grant, and the implicit grant never used the token endpoint)' : ''}.`,
				fix: meant ? `Send grant_type=${meant}.` : 'Use one of the three grants.',
				error: 'grant-type-unsupported'
			}
		];
	}
	out.push({
		rule: 'grant-type',
		level: 'pass',
		title: `grant_type=${grant}`,
		reason: 'A grant Spotify supports.'
	});
	if (grant === 'authorization_code')
		out.push(...(await codeFindings(get, confidential, authorize)));
	else if (grant === 'refresh_token') {
		const rt = get('refresh_token');
		if (rt === undefined || /^(|null|undefined|none)$/i.test(rt.trim()))
			out.push({
				rule: 'refresh-token',
				level: 'fail',
				title: 'No refresh token',
				reason: rt
					? `The refresh_token is “${rt}”: a refresh response without a new refresh_token was probably saved over the old one.`
					: 'The refresh_token parameter is missing.',
				fix: 'Keep the refresh token you have when a response carries none.',
				error: 'refresh-token-must-be-supplied'
			});
		if (!confidential && !get('client_id'))
			out.push({
				rule: 'client-id',
				level: 'fail',
				title: 'A PKCE refresh without client_id',
				reason: 'Without a secret, Spotify needs client_id in the body to know the app.',
				fix: 'Add client_id to the body.',
				error: 'invalid-client-malformed'
			});
	} else {
		if (!confidential)
			out.push({
				rule: 'client-auth',
				level: 'fail',
				title: 'Client credentials without a secret',
				reason: 'This grant authenticates the app itself, so it needs the client secret.',
				fix: "Send Authorization: Basic base64('<client_id>:<client_secret>').",
				error: 'invalid-client-malformed'
			});
		for (const name of ['code', 'redirect_uri', 'code_verifier', 'scope'])
			if (get(name) !== undefined)
				out.push({
					rule: 'ignored-field',
					level: 'info',
					title: `${name} is ignored here`,
					reason: 'The client-credentials grant has no user, code or scopes.'
				});
	}
	return out;
}

async function codeFindings(
	get: (name: string) => string | undefined,
	confidential: boolean,
	authorize: URLSearchParams | undefined
): Promise<Finding[]> {
	const out: Finding[] = [];
	if (!get('code'))
		out.push({
			rule: 'code',
			level: 'fail',
			title: 'code is missing',
			reason: 'The authorization code from the callback must be sent.',
			fix: 'Send the code from the callback’s query.',
			error: 'code-must-be-supplied'
		});
	const redirect = get('redirect_uri');
	const sentAtAuthorize = authorize?.get('redirect_uri') ?? undefined;
	if (redirect === undefined)
		out.push({
			rule: 'redirect-uri',
			level: 'fail',
			title: 'redirect_uri is missing',
			reason:
				'Spotify requires the same redirect_uri as at /authorize, to check the code goes back where it was issued.',
			fix: 'Send the same redirect_uri string as in the authorize URL.',
			error: 'invalid-redirect-uri-token'
		});
	else if (/^[a-z][a-z0-9+.-]*%3a/i.test(redirect) || /%2[56f]/i.test(redirect))
		out.push({
			rule: 'redirect-uri',
			level: 'fail',
			title: 'redirect_uri is encoded twice',
			reason: `After form decoding it still reads ${redirect}: it was encoded before the form encoder encoded it again.`,
			fix: 'Give the plain URI to URLSearchParams (or curl --data-urlencode) and nothing else.',
			error: 'invalid-redirect-uri-token'
		});
	else if (sentAtAuthorize !== undefined && sentAtAuthorize !== redirect)
		out.push({
			rule: 'redirect-uri',
			level: 'fail',
			title: 'redirect_uri differs from the authorize step',
			reason: `The authorize URL sent ${sentAtAuthorize}; this request sends ${redirect}: ${diffRedirectUris(
				sentAtAuthorize,
				redirect
			)
				.map((d) => differenceText[d])
				.join('; ')}.`,
			fix: 'Send the identical string at both steps, from one constant.',
			error: 'invalid-redirect-uri-token'
		});
	else
		out.push({
			rule: 'redirect-uri',
			level: 'pass',
			title: 'redirect_uri',
			reason: sentAtAuthorize
				? 'Identical to the authorize step.'
				: 'Present; it must equal the one sent to /authorize (paste that URL to compare).'
		});
	const verifier = get('code_verifier');
	const challenge = authorize?.get('code_challenge') ?? undefined;
	if (verifier === undefined) {
		if (challenge !== undefined)
			out.push({
				rule: 'pkce',
				level: 'fail',
				title: 'code_verifier is missing',
				reason:
					'The authorize URL sent a code_challenge, so the code can only be redeemed with its verifier.',
				fix: 'Send code_verifier (kept since the redirect) and client_id.',
				error: 'code-verifier-required'
			});
		else if (!confidential)
			out.push({
				rule: 'client-auth',
				level: 'fail',
				title: 'No client authentication',
				reason:
					'The request has neither a client secret (Basic header) nor PKCE (code_verifier and client_id).',
				fix: 'A server app sends its Basic credentials; an app without a secret uses PKCE.',
				error: 'invalid-client-malformed'
			});
		return out;
	}
	if (!confidential && !get('client_id'))
		out.push({
			rule: 'client-id',
			level: 'fail',
			title: 'A PKCE exchange without client_id',
			reason: 'Without a secret, Spotify needs client_id in the body.',
			fix: 'Add client_id to the body.',
			error: 'invalid-client-malformed'
		});
	if (!VERIFIER_PATTERN.test(verifier))
		out.push({
			rule: 'pkce-verifier',
			level: 'fail',
			title: 'code_verifier is malformed',
			reason: `It has ${verifier.length} characters${NON_VERIFIER_CHARACTER.test(verifier) ? ' and characters outside A-Z a-z 0-9 - . _ ~' : ''}; RFC 7636 asks for 43 to 128 unreserved characters.`,
			fix: 'Generate 43 to 128 characters from the unreserved set (64 like Spotify’s example).',
			error: 'code-verifier-invalid'
		});
	if (challenge === undefined) return out;
	const digest = sha256(new TextEncoder().encode(verifier));
	if (base64url(digest) === challenge)
		out.push({
			rule: 'pkce',
			level: 'pass',
			title: 'code_verifier matches the code_challenge',
			reason: 'base64url(sha256(verifier)) equals the challenge sent to /authorize.'
		});
	else
		out.push({
			rule: 'pkce',
			level: 'fail',
			title: 'code_verifier does not match the code_challenge',
			reason: [base64(digest), base64(digest).replace(/=+$/, '')].includes(
				challenge.replace(/ /g, '+')
			)
				? 'The challenge was made with standard base64 (+ / =) instead of base64url.'
				: 'The challenge sent to /authorize was made from another verifier, from the random bytes or a hex digest, or the verifier was regenerated after the redirect.',
			fix: 'Keep the verifier from before the redirect (sessionStorage) and derive the challenge as base64url(sha256(verifier)) without padding.',
			error: 'code-verifier-incorrect'
		});
	return out;
}
