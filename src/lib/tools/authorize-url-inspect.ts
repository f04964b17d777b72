/**
 * The authorize-URL inspector: a pasted `https://accounts.spotify.com/authorize?...` checked
 * parameter by parameter against Spotify's code and PKCE tutorials
 * (developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow; RFC 6749 §4.1.1,
 * RFC 7636 §4.3; shared/spotify-reference.md §2, §4, §8).
 */
import { CHALLENGE_PATTERN } from '$lib/core/encoding';
import { known, recognise, type KnownMistake } from './mistakes/catalog';
import { editDistance } from './edit-distance';
import { bySeverity, MAX_INPUT_LENGTH, tooLong, worstLevel, type Finding } from './findings';
import type { FlowSlug } from '$lib/spotify/flows';
import { findParameter, type Parameter } from '$lib/spotify/parameters';
import { lintRedirectUri } from './redirect-uri-lint';
import { checkScopeParameter } from './scope-check';

export const authorizeParameterNames = [
	'client_id',
	'response_type',
	'redirect_uri',
	'state',
	'scope',
	'show_dialog',
	'code_challenge_method',
	'code_challenge'
] as const;

export interface InspectedParameter {
	name: string;
	value: string;
	/** The catalog's explanation, when Spotify documents the parameter. */
	info?: Parameter;
}

export type AuthorizeInspection =
	| { kind: 'empty' }
	| { kind: 'refused'; message: string }
	| {
			kind: 'inspected';
			url: URL;
			params: InspectedParameter[];
			findings: Finding[];
			/** The catalog's mistakes found in the URL, most fundamental first. */
			mistakes: KnownMistake[];
			level: Finding['level'];
			/** The flow the URL starts, as far as its parameters tell. */
			flow: FlowSlug;
	  };

/** The documented name a misspelt one was meant to be (`redirect_url`, `client-id`, `clientId`). */
export function suggestParameter(name: string): string | undefined {
	const snake = name
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.replace(/-/g, '_')
		.toLowerCase();
	return authorizeParameterNames.find(
		(known) => known === snake || editDistance(snake, known) <= 2
	);
}

/** Accepts a full URL, a URL without scheme, or just its query. */
function parseInput(input: string): URL | undefined {
	const candidates = [input];
	if (/^[?&]?[\w-]+=/.test(input))
		candidates.push(`https://accounts.spotify.com/authorize?${input.replace(/^[?&]/, '')}`);
	if (!/^[a-z][a-z0-9+.-]*:/i.test(input)) candidates.push(`https://${input}`);
	for (const c of candidates)
		try {
			const url = new URL(c);
			if (url.search !== '' || url.pathname.endsWith('authorize')) return url;
		} catch {
			// try the next reading
		}
	return undefined;
}

/** Inspects an authorize URL: every parameter explained, every classic mistake named. */
export function inspectAuthorizeUrl(raw: string): AuthorizeInspection {
	const input = raw.trim();
	if (input === '') return { kind: 'empty' };
	if (input.length > MAX_INPUT_LENGTH) return { kind: 'refused', message: tooLong(input.length) };
	const url = parseInput(input);
	if (!url)
		return {
			kind: 'refused',
			message:
				'This is not a URL with parameters. Paste the whole address the app opens, starting with https://accounts.spotify.com/authorize?.'
		};
	const entries = [...url.searchParams.entries()];
	const params = entries.map(([name, value]) => ({ name, value, info: findParameter(name) }));
	const get = (name: string) => url.searchParams.get(name);
	const findings: Finding[] = [
		endpointFinding(url),
		...unknownParameters(entries.map(([n]) => n)),
		...duplicates(entries.map(([n]) => n)),
		...clientIdFindings(get('client_id')),
		...responseTypeFindings(get('response_type')),
		...redirectUriFindings(get('redirect_uri')),
		...checkScopeParameter(get('scope')),
		...pkceFindings(get('code_challenge_method'), get('code_challenge')),
		stateFinding(get('state'))
	];
	const showDialog = get('show_dialog');
	if (showDialog !== null && showDialog !== 'true' && showDialog !== 'false')
		findings.push({
			rule: 'show-dialog',
			level: 'warn',
			title: 'show_dialog is not true or false',
			reason: `Spotify documents only true and false; “${showDialog}” is probably read as false.`,
			fix: 'Send show_dialog=true to force the consent screen, or leave it out.'
		});
	if (url.hash !== '')
		findings.push({
			rule: 'fragment',
			level: 'info',
			title: 'The URL has a fragment',
			reason: 'Everything after # stays in the browser and never reaches Spotify.'
		});
	const flow: FlowSlug =
		get('response_type') === 'token'
			? 'implicit-grant'
			: get('code_challenge') !== null
				? 'authorization-code-pkce'
				: 'authorization-code';
	return {
		kind: 'inspected',
		url,
		params,
		findings: bySeverity(findings),
		mistakes: known(recognise({ kind: 'authorize', url, query: url.searchParams })),
		level: worstLevel(findings),
		flow
	};
}

function endpointFinding(url: URL): Finding {
	const spotify = url.hostname === 'accounts.spotify.com';
	const path = /^\/([a-z]{2}(-[a-z]{2,4})?\/)?authorize$/i.test(url.pathname);
	if ((spotify || url.pathname.endsWith('/emulator/accounts/authorize')) && (path || !spotify)) {
		if (url.protocol === 'https:' || !spotify)
			return {
				rule: 'endpoint',
				level: 'pass',
				title: 'The authorize endpoint',
				reason: `${url.origin}${url.pathname} is where the user approves the app.`
			};
	}
	return {
		rule: 'endpoint',
		level: 'fail',
		title: 'Not Spotify’s authorize endpoint',
		reason: `The URL goes to ${url.origin}${url.pathname}. Spotify's is https://accounts.spotify.com/authorize (api.spotify.com is the Web API; /api/token is the token endpoint, called by the app, not the browser).`,
		fix: 'Send the browser to https://accounts.spotify.com/authorize.'
	};
}

const tolerated = /^(nolinks|nosignup|utm_[a-z]+|locale)$/;

function unknownParameters(names: readonly string[]): Finding[] {
	const out: Finding[] = [];
	for (const name of new Set(names)) {
		if ((authorizeParameterNames as readonly string[]).includes(name)) continue;
		if (name === 'client_secret' || name === 'code_verifier') {
			out.push({
				rule: 'secret-in-url',
				level: 'fail',
				title: `${name} must never be in the authorize URL`,
				reason:
					name === 'client_secret'
						? 'The URL is seen by the browser, its history, proxies and Spotify’s logs: the secret is now exposed.'
						: 'The verifier must stay with the app until the token request; sending it here defeats PKCE.',
				fix:
					name === 'client_secret'
						? 'Rotate the secret in the dashboard now, and send it only in the token request, from a server.'
						: 'Send only code_challenge here, and code_verifier in the token request.'
			});
			continue;
		}
		const meant = suggestParameter(name);
		if (meant)
			out.push({
				rule: 'misspelt-parameter',
				level: 'fail',
				title: `${name}: did you mean ${meant}?`,
				reason: `Spotify ignores ${name}, so it reads the request as if ${meant} were missing.`,
				fix: `Rename it to ${meant}.`
			});
		else if (!tolerated.test(name))
			out.push({
				rule: 'unknown-parameter',
				level: 'info',
				title: `${name} is not a Spotify parameter`,
				reason: 'Spotify ignores parameters it does not know.'
			});
	}
	return out;
}

function duplicates(names: readonly string[]): Finding[] {
	return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))].map((name) => ({
		rule: 'duplicate-parameter',
		level: 'warn',
		title: `${name} appears more than once`,
		reason: 'RFC 6749 §3.1 forbids repeating a parameter; which copy a server reads is undefined.',
		fix: 'Build the query with URLSearchParams from one object, so each name appears once.'
	}));
}

function clientIdFindings(value: string | null): Finding[] {
	if (value === null || value.trim() === '')
		return [
			{
				rule: 'client-id',
				level: 'fail',
				title: 'client_id is missing',
				reason: 'Spotify needs to know which app is asking.',
				fix: "Add client_id with the Client ID from the app's dashboard page.",
				error: 'missing-client-id'
			}
		];
	if (/^[0-9a-f]{32}$/.test(value))
		return [
			{
				rule: 'client-id',
				level: 'pass',
				title: 'client_id',
				reason: 'A 32-character hex Client ID.'
			}
		];
	return [
		{
			rule: 'client-id',
			level: /^(undefined|null|none|\$\{.*\}|process\.env.*)$/i.test(value) ? 'fail' : 'warn',
			title: 'client_id does not look like a Client ID',
			reason: `Spotify Client IDs are 32 hexadecimal characters; “${value}” is not, so Spotify will probably answer INVALID_CLIENT: Invalid client.`,
			fix: 'Check that the value is read from the configuration and copied whole, without quotes or brackets.',
			error: 'invalid-client-authorize'
		}
	];
}

function responseTypeFindings(value: string | null): Finding[] {
	if (value === null || value === '')
		return [
			{
				rule: 'response-type',
				level: 'fail',
				title: 'response_type is missing',
				reason: 'Spotify must be told to return a code.',
				fix: 'Add response_type=code.',
				error: 'missing-response-type'
			}
		];
	if (value === 'code')
		return [
			{
				rule: 'response-type',
				level: 'pass',
				title: 'response_type=code',
				reason: 'The authorization code flow, with or without PKCE.'
			}
		];
	return [
		{
			rule: 'response-type',
			level: 'fail',
			title:
				value === 'token'
					? 'response_type=token: the implicit grant is gone'
					: `response_type=${value} is not supported`,
			reason:
				value === 'token'
					? 'Spotify removed the implicit grant for all apps on 2025-11-27. It answers with the page “response_type must be code” (or, as seen in December 2025, a redirect with #error=unsupported_response_type).'
					: 'Spotify accepts only response_type=code.',
			fix: 'Use response_type=code with PKCE (code_challenge_method=S256 and code_challenge), then exchange the code.',
			error: 'response-type-must-be-code'
		}
	];
}

function redirectUriFindings(value: string | null): Finding[] {
	if (value === null || value === '')
		return [
			{
				rule: 'redirect-uri',
				level: 'fail',
				title: 'redirect_uri is missing',
				reason: 'Spotify needs to know where to send the user back.',
				fix: 'Add the registered redirect URI.',
				error: 'missing-redirect-uri'
			}
		];
	if (/^[a-z][a-z0-9+.-]*%3a/i.test(value) || /%25[0-9a-f]{2}/i.test(value))
		return [
			{
				rule: 'redirect-uri-double-encoded',
				level: 'fail',
				title: 'redirect_uri is encoded twice',
				reason: `Decoded once, it still reads ${value}: the app encoded an already encoded value (encodeURIComponent on top of URLSearchParams). Spotify compares it with the registered URI and finds no match, and the token step then fails with Invalid redirect URI too.`,
				fix: 'Pass the plain URI to URLSearchParams (or encodeURIComponent) once.',
				error: 'invalid-redirect-uri-authorize'
			}
		];
	const lint = lintRedirectUri(value);
	const problems = lint.findings
		.filter((f) => f.level === 'fail' || f.level === 'warn')
		.map((f) => ({ ...f, title: `redirect_uri: ${f.title}` }));
	return problems.length > 0
		? problems
		: [
				{
					rule: 'redirect-uri',
					level: 'pass',
					title: 'redirect_uri is a URI Spotify accepts',
					reason: `It must also be registered, byte for byte: ${value}.`
				}
			];
}

const base64urlChallenge = CHALLENGE_PATTERN;

function pkceFindings(method: string | null, challenge: string | null): Finding[] {
	if (method === null && challenge === null)
		return [
			{
				rule: 'pkce',
				level: 'info',
				title: 'No PKCE',
				reason:
					'Fine for the authorization code flow of a server that keeps a client secret. An app in a browser, on a phone or on a desktop must use PKCE, since it cannot keep a secret.'
			}
		];
	const out: Finding[] = [];
	if (method !== 'S256')
		out.push({
			rule: 'pkce-method',
			level: 'fail',
			title:
				method === null ? 'code_challenge_method is missing' : `code_challenge_method=${method}`,
			reason: 'Spotify documents only S256; plain or a missing method is refused.',
			fix: 'Send code_challenge_method=S256.',
			error: 'pkce-method-unsupported'
		});
	if (challenge === null)
		out.push({
			rule: 'pkce-challenge',
			level: 'fail',
			title: 'code_challenge is missing',
			reason: 'A method without a challenge is not PKCE.',
			fix: 'Send code_challenge = base64url(sha256(code_verifier)).',
			error: 'pkce-method-unsupported'
		});
	else if (base64urlChallenge.test(challenge))
		out.push({
			rule: 'pkce-challenge',
			level: 'pass',
			title: 'code_challenge',
			reason: '43 base64url characters, no padding: the shape of an S256 challenge.'
		});
	else out.push(challengeProblem(challenge));
	return out;
}

function challengeProblem(challenge: string): Finding {
	const base = { rule: 'pkce-challenge', level: 'fail', error: 'code-verifier-incorrect' } as const;
	const fix =
		'Encode the SHA-256 digest of the verifier string with base64url: - and _ instead of + and /, no = padding.';
	if (/^[0-9a-f]{64}$/i.test(challenge))
		return {
			...base,
			title: 'code_challenge is a hex digest',
			reason:
				'The SHA-256 digest was written as 64 hex characters instead of base64url; the token step will say code_verifier was incorrect.',
			fix
		};
	if (/[+/=]|\s/.test(challenge))
		return {
			...base,
			title: 'code_challenge uses standard base64',
			reason: `It contains ${/=/.test(challenge) ? '= padding' : /\s/.test(challenge) ? 'a space (a + decoded in the URL)' : '+ or /'}: that is standard base64, not base64url, so the hash Spotify computes from the verifier will not match (code_verifier was incorrect).`,
			fix
		};
	return {
		...base,
		title: `code_challenge has ${challenge.length} characters`,
		reason:
			'An S256 challenge is exactly 43 base64url characters; this is not one (was the verifier itself, or the random bytes, sent?).',
		fix
	};
}

/** Rough entropy of a state value: its length times the bits of the alphabet it uses. */
export function stateBits(value: string): number {
	const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
	const alphabet = [26, 26, 10, 20].reduce(
		(sum, n, i) => sum + (classes[i].test(value) ? n : 0),
		0
	);
	const distinct = new Set(value).size;
	return distinct <= 2 ? distinct : value.length * Math.log2(Math.max(alphabet, 2));
}

function stateFinding(value: string | null): Finding {
	if (value === null || value === '')
		return {
			rule: 'state',
			level: 'warn',
			title: 'No state',
			reason:
				'Without state the callback cannot tell its own response from a forged one (CSRF, RFC 6749 §10.12). Spotify calls it strongly recommended.',
			fix: 'Generate a random state (16 bytes or more), keep it in the session, and compare it on the callback.'
		};
	const bits = stateBits(value);
	if (bits < 64 || /^(state|random|test|xyz|abc|123|some-state-of-my-choice)/i.test(value))
		return {
			rule: 'state',
			level: 'warn',
			title: 'state looks guessable',
			reason: `“${value}” carries about ${Math.round(bits)} bits of randomness; an attacker who can guess it can forge a callback.`,
			fix: 'Use at least 128 random bits, e.g. 22+ base64url characters from crypto.getRandomValues.'
		};
	return {
		rule: 'state',
		level: 'pass',
		title: 'state',
		reason: `About ${Math.round(bits)} bits of randomness.`
	};
}

/**
 * The same request for the emulator: identical parameters, but the emulator's demo client and a
 * redirect URI it has registered, so the run shows what Spotify would say about the rest. A
 * missing client_id or redirect_uri stays missing: that is what the run should show.
 */
export function emulatorQuery(
	params: readonly InspectedParameter[],
	clientId: string,
	redirectUri: string
): [string, string][] {
	const out: [string, string][] = params
		.filter((p) => p.name !== 'client_secret' && p.name !== 'code_verifier')
		.map((p) => [
			p.name,
			p.name === 'client_id' ? clientId : p.name === 'redirect_uri' ? redirectUri : p.value
		]);
	return out;
}
