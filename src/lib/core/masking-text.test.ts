import { describe, expect, it } from 'vitest';
import { maskSecrets, maskSecretShapes } from './masking';

const basic =
	'ZGVhZGJlZWZjYWZlNGJhZDhiYWRmMDBkNWVlZDFlNTU6YTExY2U1ZWMyZTdhMTFjZTVlYzJlN2ExMWNlNWVjMmU=';

describe('maskSecrets', () => {
	it.each([
		[`-H "Authorization: Basic ${basic}"`, '-H "Authorization: Basic REDACTED"'],
		[`Authorization: Basic b'${basic}'`, "Authorization: Basic b'REDACTED'"],
		['curl -u deadbeef:s3cr3tvalue https://x', 'curl -u deadbeef:REDACTED https://x'],
		['curl --user=deadbeef:s3cr3t https://x', 'curl --user=deadbeef:REDACTED https://x'],
		[
			'grant_type=client_credentials&client_secret=abc123',
			'grant_type=client_credentials&client_secret=REDACTED'
		],
		['{"refresh_token": "AQBxyz", "x": 1}', '{"refresh_token": "REDACTED", "x": 1}'],
		['#access_token=BQDabc&token_type=Bearer', '#access_token=REDACTED&token_type=Bearer'],
		['Authorization: Bearer BQDabcdefghijklmnopqrstuvwxyz', 'Authorization: Bearer REDACTED']
	])('masks %s', (input, expected) => {
		expect(maskSecrets(input)).toEqual({ text: expected, masked: true });
	});

	const hex = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';

	it.each([
		// environment files and shell
		[`SPOTIFY_CLIENT_SECRET=${hex}`, 'SPOTIFY_CLIENT_SECRET=REDACTED'],
		[`CLIENT_SECRET=${hex}`, 'CLIENT_SECRET=REDACTED'],
		[`export SPOTIFY_CLIENT_SECRET="${hex}"`, 'export SPOTIFY_CLIENT_SECRET="REDACTED"'],
		[`client_secret = '${hex}'`, "client_secret = 'REDACTED'"],
		[`SPOTIPY_CLIENT_SECRET=${hex}`, 'SPOTIPY_CLIENT_SECRET=REDACTED'],
		// dicts, objects, YAML
		[`{'client_secret': '${hex}'}`, "{'client_secret': 'REDACTED'}"],
		[`client_secret: ${hex}`, 'client_secret: REDACTED'],
		[`clientSecret: "${hex}"`, 'clientSecret: "REDACTED"'],
		[`{"Client_Secret":"${hex}"}`, '{"Client_Secret":"REDACTED"}'],
		[`-d "{\\"client_secret\\":\\"${hex}\\"}"`, '-d "{\\"client_secret\\":\\"REDACTED\\"}"'],
		[`{"client_secret": "${hex}, with#odd;chars"}`, '{"client_secret": "REDACTED"}'],
		[`?client_id=x&CLIENT_SECRET=${hex}&y=1`, '?client_id=x&CLIENT_SECRET=REDACTED&y=1'],
		// the tokens and the PKCE verifier, in the same forms
		['ACCESS_TOKEN=BQDabc123', 'ACCESS_TOKEN=REDACTED'],
		["{'access_token': 'BQDabc123'}", "{'access_token': 'REDACTED'}"],
		['accessToken: "BQDabc123"', 'accessToken: "REDACTED"'],
		['SPOTIFY_REFRESH_TOKEN=AQBxyz', 'SPOTIFY_REFRESH_TOKEN=REDACTED'],
		['refresh_token: AQBxyz', 'refresh_token: REDACTED'],
		['refreshToken: "AQBxyz"', 'refreshToken: "REDACTED"'],
		['code_verifier=dBjftJeZ4CVP', 'code_verifier=REDACTED'],
		["{'code_verifier': 'dBjftJeZ4CVP'}", "{'code_verifier': 'REDACTED'}"],
		['codeVerifier: "dBjftJeZ4CVP"', 'codeVerifier: "REDACTED"'],
		['"code_verifier":"dBjftJeZ4CVP"', '"code_verifier":"REDACTED"']
	])('masks the key=value, key: value, JSON and dict forms: %s', (input, expected) => {
		expect(maskSecrets(input)).toEqual({ text: expected, masked: true });
		expect(maskSecrets(expected)).toEqual({ text: expected, masked: false });
	});

	it.each([
		'Only valid bearer authentication supported',
		'The Basic header is wrong',
		'{"error":"invalid_client","error_description":"Invalid client secret"}',
		'WWW-Authenticate: Bearer realm="spotify", error="invalid_token"',
		'{"error":"invalid_grant","error_description":"code_verifier was incorrect"}',
		'{"error":"invalid_request","error_description":"refresh_token must be supplied"}',
		"KeyError: 'refresh_token'",
		'https://example.com/callback#error=access_denied&state=xyz',
		'The client_secret is wrong'
	])('leaves prose and error texts alone: %s', (input) => {
		expect(maskSecrets(input)).toEqual({ text: input, masked: false });
	});

	it('is idempotent', () => {
		const once = maskSecrets(`Authorization: Basic ${basic}`).text;
		expect(maskSecrets(once)).toEqual({ text: once, masked: false });
	});
});

describe('maskSecretShapes (log lines)', () => {
	const hex = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
	const token =
		'BQDx3kZ8v_Qm0jY2rT5uWnP9-aLcEf4hGi7oKs1bNd6eXy0zVw2tUq3rSp8oNm5lKj4iHg7fEd0cBa9ZyXwVu';

	it.each([
		[`[404] GET /${hex}`, '[404] GET /REDACTED'],
		[`[404] GET /callback/${hex.toUpperCase()}/x`, '[404] GET /callback/REDACTED/x'],
		[`[404] GET /v1/me/${token}`, '[404] GET /v1/me/REDACTED'],
		[`[404] GET /a;client_secret=s3cr3t`, '[404] GET /a;client_secret=REDACTED'],
		[`[404] GET /x/Bearer ${token}`, '[404] GET /x/Bearer REDACTED']
	])('masks %s', (input, expected) => {
		expect(maskSecretShapes(input)).toBe(expected);
	});

	it.each([
		'[404] GET /errors/invalid-client-invalid-redirect-uri-and-the-rest',
		'[404] GET /flows/authorization-code-pkce',
		`[500] GET /x\nError: boom\n    at load (file:///work/app/build/server/chunks/0-a1b2c3d4.js:12:34)`,
		// 31 and 33 hex digits are not a Spotify secret.
		`/${hex.slice(1)}`,
		`/${hex}0`
	])('leaves %s as it is', (input) => {
		expect(maskSecretShapes(input)).toBe(input);
	});
});
