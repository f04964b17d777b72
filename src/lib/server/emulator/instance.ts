/** The site's one emulator, created on first use from EMULATOR_* environment variables. */
import { configFromEnv } from './config';
import { createEmulator, type Emulator } from './index';

let instance: Emulator | undefined;

/** EMULATOR_SEED seeds codes and tokens (config.seed); the random source stays the CSPRNG. */
export function emulatorFromEnv(env: Record<string, string | undefined>): Emulator {
	return createEmulator({ config: configFromEnv(env) });
}

export function getEmulator(): Emulator {
	instance ??= emulatorFromEnv(process.env);
	return instance;
}
