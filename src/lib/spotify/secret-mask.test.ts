import { describe, expect, it } from 'vitest';
import { maskSecrets } from './secret-mask';

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

	it.each([
		'Only valid bearer authentication supported',
		'The Basic header is wrong',
		'{"error":"invalid_client","error_description":"Invalid client secret"}',
		'WWW-Authenticate: Bearer realm="spotify", error="invalid_token"'
	])('leaves prose and error texts alone: %s', (input) => {
		expect(maskSecrets(input)).toEqual({ text: input, masked: false });
	});

	it('is idempotent', () => {
		const once = maskSecrets(`Authorization: Basic ${basic}`).text;
		expect(maskSecrets(once)).toEqual({ text: once, masked: false });
	});
});
