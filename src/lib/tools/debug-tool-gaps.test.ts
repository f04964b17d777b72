/** The gaps of issue 13, each as developers met them: the tools now answer where they arrive. */
import { describe, expect, it } from 'vitest';
import { decodeSpotifyError } from './error-decoder';
import { inspectAuthorizeUrl } from './authorize-url-inspect';
import { lintRedirectSetup } from './redirect-uri-lint';
import { routePaste, toolLink } from './paste-router';
import { inspectTokenRequest } from './token-request-inspect';

const T = 'https://accounts.spotify.com/api/token';
const id = 'deadbeefcafe4bad8badf00d5eed1e55';
const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';

async function inspected(text: string) {
	const r = await inspectTokenRequest(text);
	if (r.kind !== 'inspected') throw new Error(`not inspected: ${JSON.stringify(r)}`);
	return r;
}

describe('the token-request inspector reads code', () => {
	it("Python requests with str(base64.b64encode(…)): the b'…' header is named", async () => {
		const r = await inspected(`import base64, requests
CLIENT_ID = '${id}'
CLIENT_SECRET = '${secret}'
r = requests.post('${T}', data={'grant_type': 'client_credentials'},
    headers={'Authorization': 'Basic ' + str(base64.b64encode(f'{CLIENT_ID}:{CLIENT_SECRET}'.encode()))})`);
		expect(r.source).toBe('python');
		expect(r.library).toBe('requests');
		expect(r.method).toBe('POST');
		expect(r.findings.map((f) => f.rule)).toContain('basic-bytes');
		expect(r.mistakes.map((m) => m.id)).toContain('basic-bytes-repr');
		// The secret is decoded to be checked and never shown.
		expect(JSON.stringify(r)).not.toContain(secret);
	});
	it('Python httpx with auth=(id, secret) and a form body passes', async () => {
		const r = await inspected(
			`httpx.post("${T}", data={"grant_type": "client_credentials"}, auth=("${id}", "${secret}"))`
		);
		expect(r.library).toBe('httpx');
		expect(r.findings.filter((f) => f.level === 'fail')).toEqual([]);
		expect(r.mistakes).toEqual([]);
	});
	it('JavaScript fetch with URLSearchParams is form-encoded', async () => {
		const r = await inspected(`await fetch('${T}', {
  method: 'POST',
  headers: { Authorization: 'Basic ' + btoa('${id}:${secret}') },
  body: new URLSearchParams({ grant_type: 'client_credentials' })
});`);
		expect(r.source).toBe('javascript');
		expect(r.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(r.findings.filter((f) => f.level === 'fail')).toEqual([]);
	});
	it('axios with an object body sends JSON, as axios does', async () => {
		const r = await inspected(
			`axios.post('${T}', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, { headers: { Authorization: \`Basic \${btoa(id + ':' + secret)}\` } })`
		);
		expect(r.library).toBe('axios');
		expect(r.contentType).toBe('application/json');
		expect(r.mistakes.map((m) => m.id)).toContain('body-as-json');
	});
	it('still refuses what is no request, naming what it reads', async () => {
		const r = await inspectTokenRequest('hello there');
		expect(r.kind).toBe('refused');
		expect(r.kind === 'refused' && r.message).toMatch(
			/Python requests or httpx, JavaScript fetch or axios/
		);
	});
});

describe('the error decoder knows the browser’s CORS message', () => {
	it.each([
		"Access to fetch at 'https://accounts.spotify.com/api/token' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
		'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://accounts.spotify.com/authorize?client_id=x.'
	])('%s', (text) => {
		const r = decodeSpotifyError(text);
		expect(r.kind).toBe('recognised');
		expect(r.kind === 'recognised' && r.matches[0].entry.slug).toBe('cors-blocked');
	});
});

describe('the credentials warning says why', () => {
	it('32 characters each, but not hexadecimal', async () => {
		const basic = btoa('client-id-of-thirty-two-chars-xx:secret-of-thirty-two-characters');
		const r = await inspected(
			`curl -X POST ${T} -H 'Authorization: Basic ${basic}' -d grant_type=client_credentials`
		);
		const shape = r.findings.find((f) => f.rule === 'basic-shape');
		expect(shape?.reason).toMatch(/ID has 32 characters but is not hexadecimal/);
	});
});

describe('the redirect-URI linter', () => {
	const uri = 'http://localhost:8888/callback';
	const report = lintRedirectSetup({ registered: [uri], sent: uri });
	it('counts a URI registered and sent once', () => {
		expect(report.sentIsRegistered).toBe(true);
	});
	it('does not call a URI Spotify will not save a match', () => {
		expect(report.match?.finding.level).toBe('fail');
		expect(report.match?.finding.title).toMatch(/will not let you save/);
	});
	it('offers the rewritten URI, not a pattern with PORT', () => {
		const finding = report.registered[0].findings.find((f) => f.rule === 'localhost');
		expect(finding?.fix).toContain('http://127.0.0.1:8888/callback');
		expect(finding?.fix).not.toContain('PORT');
		expect(finding?.mistake).toBe('localhost-redirect-uri');
	});
});

describe('the authorize-URL inspector reads the catalog too', () => {
	it('names the misspelt parameter as the grader does', () => {
		const r = inspectAuthorizeUrl(
			`https://accounts.spotify.com/authorize?client_id=${id}&response_type=code&redirect_uri=http://127.0.0.1:8888/callback&code_challange=x&code_challenge_method=S256`
		);
		expect(
			r.kind === 'inspected' && r.mistakes.find((m) => m.id === 'misspelt-parameter')?.didYouMean
		).toBe('code_challenge');
	});
});

describe('one paste box routes to the right tool', () => {
	it.each([
		[`curl -X POST ${T} -d grant_type=client_credentials`, 'token-request'],
		[
			`POST /api/token HTTP/1.1\nHost: accounts.spotify.com\n\ngrant_type=client_credentials`,
			'token-request'
		],
		[`requests.post("${T}", data={"grant_type": "client_credentials"})`, 'token-request'],
		[`https://accounts.spotify.com/authorize?client_id=${id}&response_type=code`, 'authorize-url'],
		['http://localhost:8888/callback\nhttps://example.com/callback', 'redirect-uri'],
		['{"error":"invalid_grant","error_description":"Invalid authorization code"}', 'errors'],
		['INVALID_CLIENT: Invalid redirect URI', 'errors']
	])('%s → %s', (text, tool) => {
		expect(routePaste(text).tool).toBe(tool);
	});
	it('says how it read code', () => {
		expect(routePaste(`axios.post('${T}', {})`).why).toBe('JavaScript axios code');
	});
	it('links GET tools with the text in their query', () => {
		expect(toolLink('redirect-uri', 'http://localhost/cb')).toBe(
			'/debug/redirect-uri?registered=http%3A%2F%2Flocalhost%2Fcb#result'
		);
	});
});

describe('a secret written inside request code is masked too', () => {
	it('b64encode(b"id:secret"), and a client_secret variable', async () => {
		const { maskPasted } = await import('./mask-pasted');
		const code = `requests.post('${T}', data={'grant_type': 'client_credentials'}, headers={'Authorization': 'Basic ' + str(base64.b64encode(b'${id}:${secret}'))})`;
		const shown = maskPasted(code);
		expect(shown.masked).toBe(true);
		expect(shown.text).not.toContain(secret);
		expect(shown.text).toContain(id);
	});
});
