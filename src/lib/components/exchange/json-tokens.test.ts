import { describe, expect, it } from 'vitest';
import { prettyJson, tokenizeJson } from './json-tokens';

describe('tokenizeJson', () => {
	it('tells keys from string values and keeps every character', () => {
		const text = '{"error":"invalid_grant","expires_in":3600,"ok":true,"x":null}';
		const tokens = tokenizeJson(text);
		expect(tokens.map((t) => t.text).join('')).toBe(text);
		expect(tokens.filter((t) => t.kind === 'key').map((t) => t.text)).toEqual([
			'"error"',
			'"expires_in"',
			'"ok"',
			'"x"'
		]);
		expect(tokens.find((t) => t.kind === 'string')?.text).toBe('"invalid_grant"');
		expect(tokens.find((t) => t.kind === 'number')?.text).toBe('3600');
		expect(tokens.filter((t) => t.kind === 'literal').map((t) => t.text)).toEqual(['true', 'null']);
	});

	it('handles escaped quotes inside strings', () => {
		const tokens = tokenizeJson('{"a":"say \\"hi\\""}');
		expect(tokens.find((t) => t.kind === 'string')?.text).toBe('"say \\"hi\\""');
	});

	it('passes text that is not JSON through unchanged', () => {
		const text = 'INVALID_CLIENT: Invalid redirect URI';
		expect(
			tokenizeJson(text)
				.map((t) => t.text)
				.join('')
		).toBe(text);
	});
});

describe('prettyJson', () => {
	it('indents JSON with two spaces and refuses other text', () => {
		expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
		expect(prettyJson('not json')).toBeUndefined();
	});
});
