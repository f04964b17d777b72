import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from './emulator/index';
import { nodeListener } from './emulator/node';
import {
	allowedHostNames,
	ensurePresenterKey,
	isAllowedHost,
	listensBeyondLoopback,
	reachableUrls
} from './hosting.js';

describe('where the server listens and whom it answers', () => {
	it('names the addresses a class can open when it listens on every interface', () => {
		const interfaces = {
			lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
			eth0: [
				{ address: '192.168.1.20', family: 'IPv4', internal: false },
				{ address: 'fe80::1', family: 'IPv6', internal: false }
			],
			wlan0: [{ address: '10.0.0.7', family: 4, internal: false }]
		};
		expect(reachableUrls('0.0.0.0', 5173, interfaces)).toEqual([
			'http://192.168.1.20:5173',
			'http://10.0.0.7:5173'
		]);
		expect(reachableUrls('192.168.1.20', 5173, interfaces)).toEqual(['http://192.168.1.20:5173']);
		expect(reachableUrls('127.0.0.1', 5173, interfaces)).toEqual([]);
	});

	it('tells loopback from the rest', () => {
		for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost', undefined])
			expect(listensBeyondLoopback(host), String(host)).toBe(false);
		for (const host of ['0.0.0.0', '::', '192.168.1.20', 'workshop.test'])
			expect(listensBeyondLoopback(host), host).toBe(true);
	});

	it('answers IP literals and the allowed names only', () => {
		const names = allowedHostNames(
			{ GRANTWALK_ALLOWED_HOSTS: 'Workshop.test, class.lan' },
			'0.0.0.0'
		);
		for (const host of [
			'workshop.test:5173',
			'class.lan',
			'localhost:1',
			'10.0.0.7:5173',
			'[::1]:80'
		])
			expect(isAllowedHost(host, names), host).toBe(true);
		for (const host of ['rebind.evil.example', 'workshop.test.evil.example', undefined])
			expect(isAllowedHost(host, names), String(host)).toBe(false);
	});

	it('makes a presenter key beyond loopback when none is given, and keeps a given one', () => {
		const env: Record<string, string | undefined> = {};
		expect(ensurePresenterKey(env, '127.0.0.1')).toEqual({ key: null, generated: false });
		const made = ensurePresenterKey(env, '0.0.0.0');
		expect(made.generated).toBe(true);
		expect(made.key).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(env.GRANTWALK_PRESENTER_KEY).toBe(made.key);
		expect(ensurePresenterKey(env, '0.0.0.0')).toEqual({ key: made.key, generated: false });
		expect(ensurePresenterKey({}, '0.0.0.0').key).not.toBe(made.key);
	});
});

describe('the emulator alone (npm run emulator) refuses unknown host names', () => {
	let server: Server | undefined;
	afterEach(
		() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
	);

	it('answers 421 to a rebound name and serves IP literals', async () => {
		const names = allowedHostNames({}, '127.0.0.1');
		server = createServer(
			nodeListener(createEmulator(), 'http://127.0.0.1', (host) => isAllowedHost(host, names))
		);
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		const get = (host: string) =>
			new Promise<number>((resolve, reject) => {
				const req = request(
					{ port, host: '127.0.0.1', path: '/emulator/dashboard', headers: { host } },
					(res) => {
						res.resume();
						resolve(res.statusCode ?? 0);
					}
				);
				req.on('error', reject);
				req.end();
			});
		expect(await get('rebind.evil.example')).toBe(421);
		expect(await get(`127.0.0.1:${port}`)).toBe(200);
	});
});
