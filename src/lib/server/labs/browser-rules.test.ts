import { describe, expect, it } from 'vitest';
import { accessTokenIn, redirectTarget, refererFor, withoutFragment } from './browser-rules';

const callback = 'https://victim-app.example/callback#access_token=BQabc&token_type=Bearer';

describe('what the simulated browsers send', () => {
	it('a Referer never carries the fragment, and no-referrer sends none', () => {
		expect(
			refererFor(callback, 'strict-origin-when-cross-origin', 'https://attacker.example/tag.js')
		).toBe('https://victim-app.example/');
		expect(
			refererFor(callback, 'strict-origin-when-cross-origin', 'https://victim-app.example/app.js')
		).toBe('https://victim-app.example/callback');
		expect(
			refererFor(callback, 'strict-origin-when-cross-origin', 'http://attacker.example/tag.js')
		).toBeNull();
		expect(refererFor(callback, 'no-referrer', 'https://victim-app.example/app.js')).toBeNull();
		expect(
			refererFor(
				'https://victim-app.example/callback?code=AQxyz',
				'strict-origin-when-cross-origin',
				'https://victim-app.example/next'
			)
		).toBe('https://victim-app.example/callback?code=AQxyz');
	});

	it('a redirect without a fragment inherits the one of the URL redirected', () => {
		const redirector = 'https://victim-app.example/out?to=x#access_token=BQabc';
		expect(redirectTarget(redirector, 'https://attacker.example/land')).toBe(
			'https://attacker.example/land#access_token=BQabc'
		);
		expect(redirectTarget(redirector, 'https://attacker.example/land#own')).toBe(
			'https://attacker.example/land#own'
		);
	});

	it('finds a token in a URL, and none once the fragment is gone', () => {
		expect(accessTokenIn(callback)).toBe('BQabc');
		expect(accessTokenIn(withoutFragment(callback))).toBeNull();
		expect(accessTokenIn(null)).toBeNull();
	});
});
