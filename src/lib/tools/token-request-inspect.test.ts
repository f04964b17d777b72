import { describe, expect, it } from 'vitest';
import { parsePastedRequest, shellWords } from './http-paste';
import { inspectTokenRequest, type TokenRequestInspection } from './token-request-inspect';

const id = 'deadbeefcafe4bad8badf00d5eed1e55';
const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const basic = b64(`${id}:${secret}`);
const token = 'https://accounts.spotify.com/api/token';
const redirect = 'http://127.0.0.1:8888/callback';
// RFC 7636 appendix B.
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const authorize = `https://accounts.spotify.com/authorize?client_id=${id}&response_type=code&redirect_uri=${encodeURIComponent(redirect)}&code_challenge_method=S256&code_challenge=${challenge}`;
const codeBody = `grant_type=authorization_code&code=AQDx&redirect_uri=${encodeURIComponent(redirect)}`;

async function inspect(input: string, authorizeUrl?: string): Promise<TokenRequestInspection> {
	const r = await inspectTokenRequest(input, authorizeUrl);
	if (r.kind !== 'inspected') throw new Error(r.kind);
	return r;
}

async function fails(input: string, authorizeUrl?: string) {
	return (await inspect(input, authorizeUrl)).findings
		.filter((f) => f.level === 'fail')
		.map((f) => [f.rule, f.error]);
}

describe('reading pasted requests', () => {
	it('splits shell words with quotes and continuations', () => {
		expect(shellWords(`curl -X POST \\\n  -H 'A: b c' -d "x=\\"y\\"" $'n\\n'`)).toEqual([
			'curl',
			'-X',
			'POST',
			'-H',
			'A: b c',
			'-d',
			'x="y"',
			'n\n'
		]);
	});

	it('reads curl like curl: -d means POST with a form content type', () => {
		const r = parsePastedRequest(
			`$ curl ${token} -H "Authorization: Basic ${basic}" -d grant_type=client_credentials`
		);
		expect(r).toMatchObject({
			source: 'curl',
			method: 'POST',
			url: token,
			bodyKind: 'data',
			body: 'grant_type=client_credentials'
		});
	});

	it('reads a raw HTTP request with a Host header', () => {
		const r = parsePastedRequest(
			`POST /api/token HTTP/1.1\r\nHost: accounts.spotify.com\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ngrant_type=client_credentials`
		);
		expect(r).toMatchObject({
			source: 'http',
			method: 'POST',
			url: token,
			body: 'grant_type=client_credentials'
		});
	});

	it('refuses what is neither, and empty or huge input', async () => {
		expect((await inspectTokenRequest('grant_type=client_credentials')).kind).toBe('refused');
		expect((await inspectTokenRequest('   ')).kind).toBe('empty');
		expect((await inspectTokenRequest(`curl ${'x'.repeat(30000)}`)).kind).toBe('refused');
	});
});

describe('inspectTokenRequest over the classic mistakes', () => {
	it('passes a correct confidential code exchange, showing the secret only as its length', async () => {
		const r = await inspect(
			`curl -X POST ${token} -H "Authorization: Basic ${basic}" -H "Content-Type: application/x-www-form-urlencoded" -d "${codeBody}"`,
			authorize.replace(/&code_challenge.*$/, '')
		);
		expect(r.level).toBe('pass');
		expect(r.basic).toEqual({ clientId: id, secretLength: 32, from: 'Authorization header' });
		expect(JSON.stringify(r)).not.toContain(secret);
		expect(JSON.stringify(r)).not.toContain(basic);
	});

	it('passes a correct PKCE exchange and verifies the verifier against the challenge', async () => {
		const r = await inspect(
			`curl ${token} -d "${codeBody}&client_id=${id}&code_verifier=${verifier}"`,
			authorize
		);
		expect(r.level).toBe('pass');
		expect(r.findings.find((f) => f.rule === 'pkce')?.title).toContain('matches');
	});

	it.each([
		[
			'a JSON body (axios default)',
			`curl ${token} -H "Content-Type: application/json" -d '{"grant_type":"client_credentials"}' -u ${id}:${secret}`,
			'body-encoding',
			'grant-type-missing'
		],
		[
			'curl --json',
			`curl ${token} --json '{"grant_type":"client_credentials"}' -u ${id}:${secret}`,
			'body-encoding',
			'grant-type-missing'
		],
		[
			'multipart -F',
			`curl ${token} -F grant_type=client_credentials -u ${id}:${secret}`,
			'body-encoding',
			'grant-type-missing'
		],
		[
			'parameters in the query string',
			`curl -X POST "${token}?grant_type=client_credentials" -u ${id}:${secret}`,
			'query-string',
			'grant-type-missing'
		],
		[
			'GET',
			`curl -G ${token} -d grant_type=client_credentials -u ${id}:${secret}`,
			'method',
			'token-method-not-allowed'
		],
		[
			'no grant_type',
			`curl ${token} -d code=abc -u ${id}:${secret}`,
			'grant-type',
			'grant-type-missing'
		],
		[
			'an unknown grant_type',
			`curl ${token} -d grant_type=password -u ${id}:${secret}`,
			'grant-type',
			'grant-type-unsupported'
		],
		[
			'the wrong host',
			`curl https://api.spotify.com/api/token -d grant_type=client_credentials -u ${id}:${secret}`,
			'endpoint',
			undefined
		],
		[
			'Basic not base64',
			`curl ${token} -H "Authorization: Basic ${id}:${secret}" -d grant_type=client_credentials`,
			'basic-not-encoded',
			'invalid-client-malformed'
		],
		[
			"Basic b'…'",
			`curl ${token} -H "Authorization: Basic b'${basic}'" -d grant_type=client_credentials`,
			'basic-bytes',
			'invalid-client-malformed'
		],
		[
			'a trailing newline (echo without -n)',
			`curl ${token} -H "Authorization: Basic ${b64(`${id}:${secret}\n`)}" -d grant_type=client_credentials`,
			'basic-newline',
			'invalid-client-malformed'
		],
		[
			'a wrong separator',
			`curl ${token} -H "Authorization: Basic ${b64(`${id};${secret}`)}" -d grant_type=client_credentials`,
			'basic-separator',
			'invalid-client-malformed'
		],
		[
			'Bearer at the token endpoint',
			`curl ${token} -H "Authorization: Bearer BQDxyzxyzxyzxyzxyzxyz" -d grant_type=client_credentials`,
			'basic-scheme',
			'invalid-client-malformed'
		],
		[
			'client credentials without a secret',
			`curl ${token} -d grant_type=client_credentials -d client_id=${id}`,
			'client-auth',
			'invalid-client-malformed'
		],
		[
			'no code',
			`curl ${token} -d grant_type=authorization_code -d redirect_uri=${redirect} -u ${id}:${secret}`,
			'code',
			'code-must-be-supplied'
		],
		[
			'a double-encoded redirect_uri',
			`curl ${token} -d "grant_type=authorization_code&code=x&redirect_uri=${encodeURIComponent(encodeURIComponent(redirect))}" -u ${id}:${secret}`,
			'redirect-uri',
			'invalid-redirect-uri-token'
		],
		[
			'a refresh token saved as null',
			`curl ${token} -d grant_type=refresh_token -d refresh_token=null -u ${id}:${secret}`,
			'refresh-token',
			'refresh-token-must-be-supplied'
		],
		[
			'a PKCE refresh without client_id',
			`curl ${token} -d grant_type=refresh_token -d refresh_token=AQx`,
			'client-id',
			'invalid-client-malformed'
		]
	])('%s', async (_name, input, rule, error) => {
		expect(await fails(input)).toContainEqual([rule, error]);
	});

	it('finds id and secret swapped, using the authorize URL', async () => {
		const swapped = b64(`${secret}:${id}`);
		expect(
			await fails(
				`curl ${token} -H "Authorization: Basic ${swapped}" -d "${codeBody}"`,
				authorize.replace(/&code_challenge.*$/, '')
			)
		).toContainEqual(['basic-swapped', 'invalid-client-secret']);
	});

	it('compares redirect_uri with the authorize step', async () => {
		const body = codeBody.replace('callback', 'callback%2F');
		const f = (
			await inspect(
				`curl ${token} -d "${body}" -u ${id}:${secret}`,
				authorize.replace(/&code_challenge.*$/, '')
			)
		).findings.find((x) => x.rule === 'redirect-uri');
		expect(f?.error).toBe('invalid-redirect-uri-token');
		expect(f?.reason).toContain('slash');
	});

	it('needs the verifier when the authorize URL had a challenge', async () => {
		expect(await fails(`curl ${token} -d "${codeBody}&client_id=${id}"`, authorize)).toContainEqual(
			['pkce', 'code-verifier-required']
		);
	});

	it('tells a wrong verifier, a standard-base64 challenge and a malformed verifier apart', async () => {
		const wrong = await inspect(
			`curl ${token} -d "${codeBody}&client_id=${id}&code_verifier=${verifier.replace('d', 'e')}"`,
			authorize
		);
		expect(wrong.findings.find((f) => f.rule === 'pkce')?.error).toBe('code-verifier-incorrect');
		const std = authorize.replace(
			challenge,
			encodeURIComponent('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=')
		);
		const base64 = await inspect(
			`curl ${token} -d "${codeBody}&client_id=${id}&code_verifier=${verifier}"`,
			std
		);
		expect(base64.findings.find((f) => f.rule === 'pkce')?.reason).toContain('standard base64');
		expect(
			await fails(`curl ${token} -d "${codeBody}&client_id=${id}&code_verifier=short"`)
		).toContainEqual(['pkce-verifier', 'code-verifier-invalid']);
	});

	it('masks client_secret and refresh_token in the body it shows', async () => {
		const r = await inspect(
			`curl ${token} -d grant_type=refresh_token -d refresh_token=AQsecretrefresh -d client_id=${id} -d client_secret=${secret}`
		);
		expect(r.fields).toContainEqual(['client_secret', 'REDACTED']);
		expect(r.fields).toContainEqual(['refresh_token', 'REDACTED']);
		expect(JSON.stringify(r)).not.toContain(secret);
		expect(JSON.stringify(r)).not.toContain('AQsecretrefresh');
	});

	it('masks a secret in the query string of the URL it shows', async () => {
		const r = await inspect(
			`curl -X POST '${token}?client_id=abc&client_secret=${secret}' -d grant_type=client_credentials`
		);
		expect(r.url).toBe(`${token}?client_id=abc&client_secret=REDACTED`);
		expect(r.findings.map((f) => f.rule)).toContain('query-string');
		expect(JSON.stringify(r)).not.toContain(secret);
		// Also when the URL is not the token endpoint, and a finding quotes it.
		const elsewhere = await inspect(
			`curl -X POST 'https://api.spotify.com/api/token?CLIENT_SECRET=${secret}' -d grant_type=client_credentials`
		);
		expect(elsewhere.findings.find((f) => f.rule === 'endpoint')?.reason).toContain(
			'CLIENT_SECRET=REDACTED'
		);
		expect(JSON.stringify(elsewhere)).not.toContain(secret);
	});

	it('masks code_verifier and access_token fields, as maskSecrets does', async () => {
		const r = await inspect(
			`curl ${token} -d "${codeBody}&client_id=${id}&code_verifier=${verifier}&access_token=BQDsecretaccess"`
		);
		expect(r.fields).toContainEqual(['code_verifier', 'REDACTED']);
		expect(r.fields).toContainEqual(['access_token', 'REDACTED']);
		expect(JSON.stringify(r)).not.toContain(verifier);
		expect(JSON.stringify(r)).not.toContain('BQDsecretaccess');
	});

	it('masks a header that carries a credential by name', async () => {
		const r = await inspect(
			`curl ${token} -H "Client-Secret: ${secret}" -H "X-Client_Secret: ${secret}" -d grant_type=client_credentials`
		);
		expect(JSON.stringify(r)).not.toContain(secret);
	});

	it('reads a raw request with a JSON body and still checks its fields', async () => {
		const r = await inspect(
			`POST /api/token HTTP/1.1\nHost: accounts.spotify.com\nContent-Type: application/json\n\n{"grant_type":"authorization_code","code":"x"}`
		);
		expect(r.grantType).toBe('authorization_code');
		expect(r.findings.filter((f) => f.level === 'fail').map((f) => f.rule)).toEqual(
			expect.arrayContaining(['body-encoding', 'redirect-uri'])
		);
	});
});
