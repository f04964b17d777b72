import { describe, expect, it } from 'vitest';
import { base64, base64Utf8, base64url, decodeBase64Utf8 } from './encoding';

describe('encodings', () => {
	it('base64 pads, base64url does not and swaps + and /', () => {
		const bytes = Uint8Array.from([0xfb, 0xff, 0xfe]);
		expect(base64(bytes)).toBe('+//+');
		expect(base64url(bytes)).toBe('-__-');
		expect(base64(Uint8Array.from([1]))).toBe('AQ==');
		expect(base64url(Uint8Array.from([1]))).toBe('AQ');
	});

	it('round-trips UTF-8', () => {
		expect(base64Utf8('id:sécret')).toBe('aWQ6c8OpY3JldA==');
		expect(decodeBase64Utf8('aWQ6c8OpY3JldA==')).toBe('id:sécret');
	});

	it.each(['not base64!', 'abc', '/w=='])('decodeBase64Utf8 refuses %s', (value) => {
		expect(decodeBase64Utf8(value)).toBeUndefined();
	});
});
