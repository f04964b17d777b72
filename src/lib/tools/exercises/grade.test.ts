import { describe, expect, it } from 'vitest';
import { maskSecrets } from '$lib/core/masking';
import { refill, spotifyAnswer } from './grade';

const mask = (t: string) => maskSecrets(t).text;

describe('refill', () => {
	const own = 'a'.repeat(8) + '0123456789abcdef0123456789abcdef'.slice(8);
	it('gives the answer back whole when it holds only the attempt’s own values', () => {
		const answer = `curl -d client_secret=${own} -d grant_type=client_credentials`;
		expect(refill(answer, [own], mask)).toBe(answer);
	});
	it('masks the whole answer when it holds a secret the attempt did not give', () => {
		const answer = `curl -d client_secret=${own} -d client_secret=ffffffffffffffffffffffffffffffff`;
		const shown = refill(answer, [own], mask);
		expect(shown).not.toContain('ffffffffffffffff');
		expect(shown).toContain('REDACTED');
	});
});

describe('spotifyAnswer', () => {
	it('is the exact body, with an echoed value filled in', () => {
		expect(spotifyAnswer('grant-type-unsupported', 'authorization-code').text).toBe(
			'{"error":"unsupported_grant_type","error_description":"grant_type authorization-code is not supported"}'
		);
		expect(spotifyAnswer('illegal-scope')).toEqual({
			slug: 'illegal-scope',
			status: 400,
			text: 'Illegal scope'
		});
	});
});
