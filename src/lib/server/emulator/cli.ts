/**
 * The emulator alone, on node:http: `grantwalk-emulator --port 8080` (the package's bin) and
 * `npm run emulator -- --port 8080` both run `main` below. Configured by the same EMULATOR_*
 * variables as the site; --seed and --era override EMULATOR_SEED and EMULATOR_ERA. One sandbox
 * (the default one) for everything: a developer's own app, its server and its browser all see the
 * same apps and tokens. Prints no secret but the presenter key it generates when it listens beyond
 * loopback.
 */
import { parseArgs } from 'node:util';
import { eraIds, eras, isEraId, type EraId } from '../../spotify/eras';
import { ensurePresenterKey, listensBeyondLoopback } from '../hosting.js';
import { configFromEnv, consentModeFromEnv, type EmulatorConfig } from './config';
import { createEmulator } from './index';
import { listenEmulator, type Listening } from './serve';

export const usage = `Usage: grantwalk-emulator [--port 8080] [--host 127.0.0.1] [--seed TEXT] [--era ERA]

A local imitation of accounts.spotify.com and a slice of api.spotify.com (Grantwalk's emulator):
  https://accounts.spotify.com -> http://HOST:PORT/emulator/accounts
  https://api.spotify.com      -> http://HOST:PORT/emulator/api

Options:
  --port PORT   port to listen on, 0 for a free one (default: $PORT or 8080)
  --host HOST   address to listen on (default: $HOST or 127.0.0.1)
  --seed TEXT   derive codes and tokens from TEXT, the same on every run (default: $EMULATOR_SEED)
  --era ERA     the demo app's rules: ${eraIds.map((id) => `${id} (${eras[id].name})`).join(', ')}
                (default: $EMULATOR_ERA or ${eraIds[0]})
  --help        print this and exit

Other settings: EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET, EMULATOR_REDIRECT_URIS,
EMULATOR_CONTROL=off, EMULATOR_CONSENT=every-time, GRANTWALK_PRESENTER_KEY (see the README).
`;

export interface CliOptions {
	port: number;
	host: string;
	seed: string | null;
	era: EraId | null;
}

export type ParsedCli = { help: true } | { error: string } | { options: CliOptions };

/** The command line and the environment, read; a bad value is an error message, never a throw. */
export function parseCli(argv: string[], env: Record<string, string | undefined>): ParsedCli {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				port: { type: 'string' },
				host: { type: 'string' },
				seed: { type: 'string' },
				era: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (error) {
		return { error: (error as Error).message };
	}
	if (values.help) return { help: true };
	const rawPort = (values.port as string | undefined) ?? env.PORT ?? '8080';
	const port = Number(rawPort);
	if (rawPort.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
		return { error: `--port must be a port number (0 to 65535), not "${rawPort}"` };
	const host = ((values.host as string | undefined) ?? env.HOST ?? '127.0.0.1').trim();
	if (!host) return { error: '--host must name an address, such as 127.0.0.1' };
	const seed = values.seed as string | undefined;
	if (seed !== undefined && !seed.trim()) return { error: '--seed must not be empty' };
	const era = values.era as string | undefined;
	if (era !== undefined && !isEraId(era))
		return { error: `--era must be one of ${eraIds.join(', ')}, not "${era}"` };
	return { options: { port, host, seed: seed?.trim() ?? null, era: era ?? null } };
}

/**
 * The emulator's configuration alone: the site's EMULATOR_* variables with the command line's
 * overrides, one sandbox, and approvals remembered as on Spotify (a developer's own app), beyond
 * loopback or seeded too, unless EMULATOR_CONSENT says otherwise.
 */
export function cliConfig(
	options: CliOptions,
	env: Record<string, string | undefined>,
	presenterKey: string | null
): EmulatorConfig {
	const { host, seed, era } = options;
	const config = configFromEnv({
		...env,
		HOST: host,
		...(seed !== null && { EMULATOR_SEED: seed }),
		...(era !== null && { EMULATOR_ERA: era })
	});
	config.sandboxes = false;
	config.consent = consentModeFromEnv(env, false);
	config.presenterKeyRequired = presenterKey !== null || listensBeyondLoopback(host);
	return config;
}

export interface CliIo {
	log(line: string): void;
	error(line: string): void;
}

/**
 * Parses, then listens: the running server, or the exit code (0 after --help, 2 for bad
 * arguments, 1 when it cannot listen).
 */
export async function runCli(
	argv: string[],
	env: Record<string, string | undefined>,
	io: CliIo = console
): Promise<Listening | number> {
	const parsed = parseCli(argv, env);
	if ('help' in parsed) {
		io.log(usage);
		return 0;
	}
	if ('error' in parsed) {
		io.error(`grantwalk-emulator: ${parsed.error}\nRun grantwalk-emulator --help for the options.`);
		return 2;
	}
	const { port, host } = parsed.options;
	const presenter = ensurePresenterKey(env, host);
	const config = cliConfig(parsed.options, env, presenter.key);
	const emulator = createEmulator({ config });
	let listening: Listening;
	try {
		listening = await listenEmulator(emulator, port, host, env);
	} catch (error) {
		io.error(`grantwalk-emulator: cannot listen on ${host}:${port}: ${(error as Error).message}`);
		return 1;
	}
	const { base } = listening;
	const demo = config.apps[0];
	io.log(`Spotify emulator (Grantwalk) on ${base}`);
	io.log(`  https://accounts.spotify.com -> ${base}/accounts`);
	io.log(`  https://api.spotify.com      -> ${base}/api`);
	io.log(`  demo app client_id ${demo.clientId} (rules: ${demo.era}); dashboard ${base}/dashboard`);
	io.log(`  control API ${config.control ? `${base}/control` : 'off'}`);
	if (config.seed !== null) io.log(`  seeded: codes and tokens derive from the seed`);
	if (presenter.generated) io.log(`  presenter key (shared settings): ${presenter.key}`);
	return listening;
}

/** The process around runCli: exits with its code, or closes the server on SIGINT and SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
	const result = await runCli(argv, process.env);
	if (typeof result === 'number') process.exit(result);
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.on(signal, () => void result.close().then(() => process.exit(0)));
}
