/**
 * A real redis-server for the tests that share the emulator's state on Redis (the Redis suites,
 * redis.test.ts and rooms/redis-rooms.test.ts, and the two-instance walk in tests/e2e): Debian's package, which .ci/run
 * installs. Locally a missing redis-server skips them; under CI=true it fails them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;

export const missingRedis = 'redis-server is missing: apt-get install redis-server (.ci/run does)';

/** Under CI a test that needs Redis must not skip quietly. */
export const redisRequired = process.env.CI === 'true';

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/**
 * A redis-server on `port`, without persistence, once it answers PING. `password`, when given,
 * is required of every client (log lines must never show it).
 */
export async function startRedis(port: number, password?: string): Promise<ChildProcess> {
	const auth = password ? ['--requirepass', password] : [];
	const child = spawn(
		'redis-server',
		['--port', String(port), '--save', '', '--appendonly', 'no', ...auth],
		{ stdio: 'ignore' }
	);
	const cliAuth = password ? ['-a', password, '--no-auth-warning'] : [];
	for (let i = 0; i < 100; i++) {
		const ping = spawnSync('redis-cli', ['-p', String(port), ...cliAuth, 'ping'], {
			encoding: 'utf8'
		});
		if (ping.stdout?.trim() === 'PONG') return child;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	child.kill('SIGKILL');
	throw new Error('redis-server did not start');
}
