/** The site's one emulator, created on first use from EMULATOR_* environment variables. */
import { configFromEnv } from './config';
import { createEmulator, type Emulator } from './index';
import { seededRandom } from './random';

let instance: Emulator | undefined;

export function emulatorFromEnv(env: Record<string, string | undefined>): Emulator {
	const seed = env.EMULATOR_SEED?.trim();
	return createEmulator({
		config: configFromEnv(env),
		random: seed ? seededRandom(seed) : undefined
	});
}

export function getEmulator(): Emulator {
	instance ??= emulatorFromEnv(process.env);
	return instance;
}
