import { describe, expect, it } from 'vitest';
import { plainPathname } from './node';

describe('plainPathname', () => {
	const hosts = [
		'127.0.0.1:8080',
		'localhost',
		'[::1]:80',
		'Example.COM',
		'',
		'a/b',
		'a@b',
		'x:99999'
	];
	const targets = [
		'/',
		'/emulator/accounts/api/token',
		'/emulator/accounts/api/token?grant_type=x#y',
		'//other.host/',
		'/a/./b',
		'/a/../b',
		'/a/%2e%2e/b',
		'/a\\b',
		'/a.b/c.d',
		'/.well-known/x',
		'/a/..',
		'/a/.',
		'/é',
		'/a b',
		'/a|b',
		'/a..b'
	];

	it('gives what new URL would, or null, for every host and target', () => {
		for (const host of hosts)
			for (const target of targets) {
				const path = plainPathname(host || undefined, target);
				if (path === null) continue;
				let url: URL;
				try {
					url = new URL(`http://${host}${target}`);
				} catch {
					url = new URL(`http://127.0.0.1${target}`);
				}
				expect(path, `${host} ${target}`).toBe(url.pathname);
			}
	});

	it('reads the token endpoint without a URL, and leaves odd hosts and paths to the parser', () => {
		expect(plainPathname('127.0.0.1:8080', '/emulator/accounts/api/token')).toBe(
			'/emulator/accounts/api/token'
		);
		expect(plainPathname(undefined, '/emulator/accounts/api/token')).toBeNull();
		expect(plainPathname('a/b', '/emulator')).toBeNull();
		expect(plainPathname('localhost', '/emulator/../x')).toBeNull();
		expect(plainPathname('localhost', '/emulator/%41')).toBeNull();
	});
});
