import { describe, expect, it } from 'vitest';
import {
	checkRedirectUri,
	findMatchingRedirectUri,
	redirectUriMatches,
	splitUri
} from './redirect-uri';

const current = { security: 'secure-only' } as const;
const legacy = { security: 'any' } as const;

describe('checkRedirectUri under the 2025 rules', () => {
	it.each([
		['https://example.com/callback', 'https'],
		['http://127.0.0.1/callback', 'loopback-http'],
		['http://127.0.0.1:8080/callback', 'loopback-http'],
		['http://[::1]:3000/cb', 'loopback-http'],
		['com.example.app://callback', 'custom-scheme']
	])('accepts %s', (uri, kind) => {
		expect(checkRedirectUri(uri, current)).toEqual({ ok: true, kind });
	});

	it.each([
		['http://localhost:8888/callback', 'localhost'],
		['https://localhost/callback', 'localhost'],
		['http://app.localhost/callback', 'localhost'],
		['http://127.0.0.2/callback', 'loopback-alias'],
		['http://192.168.1.100:8080/callback', 'private-network'],
		['http://10.0.0.5/callback', 'private-network'],
		['http://example.com/callback', 'public-http']
	])('refuses %s as insecure (%s)', (uri, reason) => {
		expect(checkRedirectUri(uri, current)).toEqual({ ok: false, problem: 'insecure', reason });
	});

	it.each([
		['None', 'not-a-uri'],
		['"http://127.0.0.1/callback"', 'not-a-uri'],
		['', 'not-a-uri'],
		['http://', 'not-a-uri'],
		['javascript:alert(1)', 'dangerous-scheme'],
		['data:text/html,hi', 'dangerous-scheme'],
		['https://example.com/cb#frag', 'fragment'],
		['https://example.com/cb\r\nSet-Cookie: x=1', 'not-a-uri'],
		['https://example.com/caf\u00e9', 'not-a-uri'],
		['https://example.com/a b', 'not-a-uri']
	])('calls %s illegal (%s)', (uri, reason) => {
		expect(checkRedirectUri(uri, current)).toEqual({ ok: false, problem: 'illegal', reason });
	});

	it('can treat custom schemes as insecure, as one Android report saw', () => {
		expect(
			checkRedirectUri('my-app://callback', {
				security: 'secure-only',
				customSchemesInsecure: true
			})
		).toEqual({ ok: false, problem: 'insecure', reason: 'custom-scheme' });
	});
});

describe('checkRedirectUri under the classic rules', () => {
	it('accepts http://localhost and public http', () => {
		expect(checkRedirectUri('http://localhost:8888/callback', legacy).ok).toBe(true);
		expect(checkRedirectUri('http://example.com/cb', legacy).ok).toBe(true);
	});
	it('still refuses dangerous schemes', () => {
		expect(checkRedirectUri('javascript:alert(1)', legacy).ok).toBe(false);
	});
});

describe('redirectUriMatches', () => {
	it('matches identical strings', () => {
		expect(redirectUriMatches('https://example.com/cb', 'https://example.com/cb')).toBe(true);
	});
	it.each([
		['https://example.com/cb', 'https://example.com/cb/'],
		['https://example.com/cb', 'https://Example.com/cb'],
		['https://example.com/cb', 'https://example.com:443/cb'],
		['https://example.com/cb', 'https%3A%2F%2Fexample.com%2Fcb'],
		['http://127.0.0.1:8080/cb', 'http://127.0.0.1:9090/cb'],
		['http://localhost/cb', 'http://localhost:8080/cb']
	])('does not match %s with %s', (registered, requested) => {
		expect(redirectUriMatches(registered, requested)).toBe(false);
	});
	it.each([
		['http://127.0.0.1/callback', 'http://127.0.0.1:4173/callback'],
		['http://[::1]/callback', 'http://[::1]:8080/callback'],
		['http://127.0.0.1', 'http://127.0.0.1:80']
	])('lets loopback literal %s registered without a port match %s', (registered, requested) => {
		expect(redirectUriMatches(registered, requested)).toBe(true);
	});
	it.each([
		'http://127.0.0.1:0/callback',
		'http://127.0.0.1:65536/callback',
		'http://127.0.0.1:/callback',
		'http://127.0.0.1:80x/callback',
		'http://127.0.0.1:4173/callback/',
		'http://127.0.0.1:4173/other'
	])('refuses %s for http://127.0.0.1/callback', (requested) => {
		expect(redirectUriMatches('http://127.0.0.1/callback', requested)).toBe(false);
	});
	it('finds the registered entry a request matches', () => {
		const registered = ['https://example.com/cb', 'http://127.0.0.1/callback'];
		expect(findMatchingRedirectUri(registered, 'http://127.0.0.1:5173/callback')).toBe(
			'http://127.0.0.1/callback'
		);
		expect(findMatchingRedirectUri(registered, 'http://127.0.0.1:5173/cb')).toBeUndefined();
	});
});

describe('splitUri', () => {
	it('keeps the raw host and port', () => {
		expect(splitUri('http://[::1]:8080/a?b#c')).toEqual({
			scheme: 'http',
			authority: '[::1]:8080',
			host: '[::1]',
			port: '8080',
			path: '/a',
			query: 'b',
			fragment: 'c'
		});
	});
});
