/** The site's one emulator, created on first use from EMULATOR_* environment variables. */
import { configFromEnv } from './config';
import { createEmulator, type Emulator } from './index';
import { createRedisStore } from './shared/redis-store';

let instance: Emulator | undefined;

/**
 * EMULATOR_SEED seeds codes and tokens (config.seed); the random source stays the CSPRNG.
 * EMULATOR_STORE=redis://host:port/db shares all state with every instance on the same Redis.
 */
export function emulatorFromEnv(env: Record<string, string | undefined>): Emulator {
	const config = configFromEnv(env);
	const url = env.EMULATOR_STORE;
	if (!url) return createEmulator({ config });
	if (!/^rediss?:\/\//.test(url))
		throw new Error('EMULATOR_STORE must be a redis://host:port/db URL (or unset: in memory)');
	const shared = createRedisStore(url, { sandboxTtlMs: config.sandboxIdleSeconds * 1000 });
	return createEmulator({ config, shared });
}

export function getEmulator(): Emulator {
	instance ??= emulatorFromEnv(process.env);
	return instance;
}
