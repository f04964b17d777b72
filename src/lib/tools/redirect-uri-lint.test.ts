import { describe, expect, it } from 'vitest';
import { diffRedirectUris } from './redirect-uri-diff';
import {
	checkOrigin,
	lintRedirectSetup,
	lintRedirectUri,
	type UriVerdict
} from './redirect-uri-lint';

// Expected verdicts typed out from shared/spotify-reference.md §5 and issue 6, not from the code:
// [uri, verdict today, the rule that decides it, accepted before the 2025 rules?]
const table: [string, UriVerdict, string, boolean][] = [
	['http://localhost:8888/callback', 'insecure', 'localhost', true],
	['http://127.0.0.1:8888/callback', 'ok', 'loopback', true],
	['http://[::1]/cb', 'ok', 'loopback', true],
	['http://192.168.1.10/cb', 'insecure', 'private-network', true],
	['https://example.com/cb/', 'ok', 'https', true],
	['com.example.app://callback', 'discouraged', 'custom-scheme', true],
	['https://example.com/cb#x', 'illegal', 'fragment', false],
	['http://localhost/callback', 'insecure', 'localhost', true],
	['https://localhost:8443/callback', 'insecure', 'localhost', true],
	['http://LOCALHOST:3000/callback', 'insecure', 'localhost', true],
	['http://app.localhost/callback', 'insecure', 'localhost', true],
	['http://127.0.0.1/callback', 'ok', 'loopback', true],
	['http://127.0.0.1:5173/callback', 'ok', 'loopback', true],
	['http://[::1]:3000/callback', 'ok', 'loopback', true],
	['http://127.0.0.2/callback', 'insecure', 'loopback-alias', true],
	['http://[0:0:0:0:0:0:0:1]/callback', 'insecure', 'loopback-alias', true],
	['http://10.0.0.5:8080/callback', 'insecure', 'private-network', true],
	['http://172.16.4.2/callback', 'insecure', 'private-network', true],
	['http://172.31.255.1/callback', 'insecure', 'private-network', true],
	['http://192.168.0.100:8888/callback', 'insecure', 'private-network', true],
	['http://169.254.1.1/callback', 'insecure', 'private-network', true],
	['http://172.32.0.1/callback', 'insecure', 'public-http', true],
	['http://example.com/callback', 'insecure', 'public-http', true],
	['http://my-app.herokuapp.com/callback', 'insecure', 'public-http', true],
	['http://8.8.8.8/callback', 'insecure', 'public-http', true],
	['https://example.com/callback', 'ok', 'https', true],
	['https://example.com:8443/callback', 'ok', 'https', true],
	['https://example.com/callback?from=spotify', 'ok', 'https', true],
	['https://192.168.1.10/callback', 'ok', 'https', true],
	['https://127.0.0.1/callback', 'ok', 'https', true],
	['my-awesome-app-login://callback', 'discouraged', 'custom-scheme', true],
	['spotify-ios-quick-start://spotify-login-callback', 'discouraged', 'custom-scheme', true],
	['http://127.0.0.1:8888/callback#done', 'illegal', 'fragment', false],
	['javascript:alert(1)', 'illegal', 'dangerous-scheme', false],
	['data:text/html,hi', 'illegal', 'dangerous-scheme', false],
	['file:///tmp/callback.html', 'illegal', 'dangerous-scheme', false],
	['None', 'illegal', 'placeholder', false],
	['undefined', 'illegal', 'placeholder', false],
	['', 'illegal', 'placeholder', false],
	['"http://127.0.0.1:8888/callback"', 'illegal', 'quoted', false],
	["'https://example.com/callback'", 'illegal', 'quoted', false],
	['http%3A%2F%2F127.0.0.1%3A8888%2Fcallback', 'illegal', 'encoded', false],
	['/callback', 'illegal', 'not-a-uri', false],
	['127.0.0.1:8888/callback', 'illegal', 'not-a-uri', false],
	['http://', 'illegal', 'not-a-uri', false],
	['https://*.example.com/callback', 'illegal', 'wildcard', false]
];

describe('lintRedirectUri over the table of redirect URIs', () => {
	it('has at least 40 rows', () => expect(table.length).toBeGreaterThanOrEqual(40));

	it.each(table)('%s is %s (%s)', (uri, verdict, rule, before) => {
		const lint = lintRedirectUri(uri);
		expect(lint.verdict).toBe(verdict);
		expect(lint.findings.map((f) => f.rule)).toContain(rule);
		expect(lint.acceptedBefore2025).toBe(before);
	});

	it('gives every failing rule a reason, a fix and the error Spotify shows', () => {
		for (const [uri] of table)
			for (const f of lintRedirectUri(uri).findings.filter((f) => f.level === 'fail')) {
				expect(f.reason, uri).not.toBe('');
				expect(f.fix, uri).toBeTruthy();
				expect(f.error, uri).toBeTruthy();
			}
	});

	it('names the dates the insecure rules apply from', () => {
		const [f] = lintRedirectUri('http://localhost:8888/callback').findings;
		expect(f.reason).toContain('2025-04-09');
		expect(f.reason).toContain('2025-11-27');
		expect(f.error).toBe('insecure-redirect-uri');
	});

	it('flags whitespace around a URI as a mismatch even when the URI is fine', () => {
		const lint = lintRedirectUri('http://127.0.0.1:8888/callback\n');
		expect(lint.verdict).toBe('illegal');
		expect(lint.findings.map((f) => f.rule)).toEqual([
			'whitespace',
			'loopback',
			'loopback-fixed-port'
		]);
	});

	it('explains the loopback port exception', () => {
		expect(lintRedirectUri('http://127.0.0.1/callback').findings.map((f) => f.rule)).toContain(
			'loopback-any-port'
		);
		expect(lintRedirectUri('http://[::1]:8080/cb').findings.map((f) => f.rule)).toContain(
			'loopback-fixed-port'
		);
	});

	it('answers input of any shape without throwing', () => {
		for (const uri of ['\u0000', '::::', 'http://[', '#', '?', 'x'.repeat(5000), 'http://a b/'])
			expect(() => lintRedirectUri(uri)).not.toThrow();
	});
});

describe('exact match', () => {
	it.each([
		['https://example.com/cb', 'https://example.com/cb/', ['trailing-slash']],
		['https://example.com/callback', 'https://example.com/Callback', ['case']],
		['https://example.com/cb', 'https://Example.com/cb', ['case']],
		['http://127.0.0.1:8888/callback', 'http://127.0.0.1:8080/callback', ['port']],
		['http://127.0.0.1:8888/callback', 'http://localhost:8888/callback', ['loopback-name']],
		['https://example.com/cb', 'https://example.com/callback', ['path']],
		['https://example.com/cb?a=1', 'https://example.com/cb?a=2', ['query']],
		['https://example.com/my%20cb', 'https://example.com/my cb', ['percent-encoding']],
		['https://example.com/cb', 'http://example.com/cb', ['scheme']],
		['https://example.com/cb', 'https://example.org/cb', ['host']],
		['https://example.com/cb', 'https://example.com/cb ', ['whitespace']],
		['http://127.0.0.1/callback', 'http://127.0.0.1:4173/callback/', ['trailing-slash']]
	])('registered %s, sent %s: %j', (registered, sent, differences) => {
		expect(diffRedirectUris(registered, sent)).toEqual(differences);
	});

	it('accepts any port on a loopback literal registered without one', () => {
		const report = lintRedirectSetup({
			registered: ['http://127.0.0.1/callback'],
			sent: 'http://127.0.0.1:53682/callback'
		});
		expect(report.match?.matched).toBe('http://127.0.0.1/callback');
		expect(report.match?.anyPort).toBe(true);
		expect(report.level).not.toBe('fail');
		// Port notes belong to the registered URI, not to the one sent.
		expect(report.sent?.findings.map((f) => f.rule)).toEqual(['loopback']);
		expect(report.registered[0].findings.map((f) => f.rule)).toContain('loopback-any-port');
	});

	it('names the nearest registered URI and the Spotify error when nothing matches', () => {
		const report = lintRedirectSetup({
			registered: ['https://other.example/x', 'https://example.com/callback'],
			sent: 'https://example.com/callback/'
		});
		expect(report.match?.closest).toBe('https://example.com/callback');
		expect(report.match?.differences).toEqual(['trailing-slash']);
		expect(report.match?.finding.error).toBe('invalid-redirect-uri-authorize');
		expect(report.level).toBe('fail');
	});

	it('fails when nothing is registered', () => {
		const report = lintRedirectSetup({ registered: [], sent: 'https://example.com/cb' });
		expect(report.match?.finding.level).toBe('fail');
	});
});

describe('the origin trap', () => {
	it('fails when the app runs on localhost and the redirect returns to 127.0.0.1', () => {
		const f = checkOrigin('http://localhost:5173/', 'http://127.0.0.1:5173/callback');
		expect(f.level).toBe('fail');
		expect(f.reason).toContain('verifier');
		expect(f.fix).toContain('http://127.0.0.1:5173');
	});

	it('fails when the port differs on the same host', () => {
		expect(checkOrigin('http://127.0.0.1:3000/', 'http://127.0.0.1:8888/callback').level).toBe(
			'fail'
		);
	});

	it('passes when the app and the redirect share an origin', () => {
		expect(checkOrigin('http://127.0.0.1:5173/app', 'http://127.0.0.1:5173/callback').level).toBe(
			'pass'
		);
	});

	it('warns for two different public origins', () => {
		expect(checkOrigin('https://app.example.com/', 'https://api.example.com/callback').level).toBe(
			'warn'
		);
	});

	it('skips custom schemes and bad input', () => {
		expect(checkOrigin('https://example.com', 'my-app://cb').level).toBe('info');
		expect(checkOrigin('not a url', 'http://127.0.0.1/cb').level).toBe('info');
	});
});
