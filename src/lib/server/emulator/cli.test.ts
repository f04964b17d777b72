import { describe, expect, it } from 'vitest';
import { cliConfig, parseCli, runCli, usage } from './cli';

function io() {
	const lines: string[] = [];
	const errors: string[] = [];
	return { lines, errors, log: (l: string) => lines.push(l), error: (l: string) => errors.push(l) };
}

describe('grantwalk-emulator (and npm run emulator)', () => {
	it('reads --port, --host, --seed and --era, inline or not, over PORT and HOST', () => {
		expect(
			parseCli(['--port', '9000', '--host=::1', '--seed', 'ci', '--era', 'classic'], {})
		).toEqual({ options: { port: 9000, host: '::1', seed: 'ci', era: 'classic' } });
		expect(parseCli([], { PORT: '7000', HOST: '0.0.0.0' })).toEqual({
			options: { port: 7000, host: '0.0.0.0', seed: null, era: null }
		});
		expect(parseCli([], {})).toEqual({
			options: { port: 8080, host: '127.0.0.1', seed: null, era: null }
		});
		expect(parseCli(['-h'], {})).toEqual({ help: true });
	});

	it.each([
		[['--port', 'eighty'], /--port must be a port number/],
		[['--port', '70000'], /--port must be a port number/],
		[['--era', '1999'], /--era must be one of 2026, 2025-11, classic/],
		[['--seed', ' '], /--seed must not be empty/],
		[['--verbose'], /Unknown option '--verbose'/],
		[['extra'], /positional/i],
		[['--port'], /argument missing/i]
	])('refuses %j with a clear message and exit code 2', async (argv, message) => {
		const out = io();
		expect(await runCli(argv, {}, out)).toBe(2);
		expect(out.errors.join('\n')).toMatch(message);
		expect(out.errors.join('\n')).toContain('--help');
		expect(out.lines).toEqual([]);
	});

	it('remembers approvals as Spotify does, seeded or beyond loopback, unless EMULATOR_CONSENT says', () => {
		const options = { port: 0, host: '0.0.0.0', seed: 'ci', era: null };
		const config = cliConfig(options, {}, 'key');
		expect(config.consent).toBe('remember');
		expect(config.sandboxes).toBe(false);
		expect(config.seed).toBe('ci');
		expect(config.presenterKeyRequired).toBe(true);
		expect(cliConfig(options, { EMULATOR_CONSENT: 'every-time' }, 'key').consent).toBe(
			'every-time'
		);
	});

	it('prints its usage for --help and exits 0', async () => {
		const out = io();
		expect(await runCli(['--help'], {}, out)).toBe(0);
		expect(out.lines).toEqual([usage]);
		expect(usage).toContain('--port PORT');
	});

	it('listens, prints where, and serves the era and seed it was given', async () => {
		const out = io();
		const running = await runCli(['--port', '0', '--era', '2025-11', '--seed', 'ci'], {}, out);
		if (typeof running === 'number') throw new Error(out.errors.join('\n'));
		try {
			expect(out.lines[0]).toBe(`Spotify emulator (Grantwalk) on ${running.base}`);
			expect(out.lines.join('\n')).toContain('(rules: 2025-11)');
			const token = () =>
				fetch(`${running.base}/accounts/api/token`, {
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						authorization: `Basic ${Buffer.from('deadbeefcafe4bad8badf00d5eed1e55:a11ce5ec2e7a11ce5ec2e7a11ce5ec2e').toString('base64')}`
					},
					body: 'grant_type=client_credentials'
				}).then((r) => r.json() as Promise<{ access_token: string }>);
			const [first, second] = [await token(), await token()];
			expect(first.access_token).toMatch(/^BQ/);
			expect(second.access_token).toBe(first.access_token);
		} finally {
			await running.close();
		}
	});

	it('exits 1 with the reason when the port is taken', async () => {
		const first = await runCli(['--port', '0'], {}, io());
		if (typeof first === 'number') throw new Error('did not listen');
		const out = io();
		try {
			expect(await runCli(['--port', String(first.port)], {}, out)).toBe(1);
			expect(out.errors.join('\n')).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
		} finally {
			await first.close();
		}
	});
});
