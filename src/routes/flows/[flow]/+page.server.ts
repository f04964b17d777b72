import { env } from '$env/dynamic/private';
import type { EmulatorAppKey } from '$lib/flows/targets';
import {
	configFromEnv,
	legacyApp,
	noPremiumApp,
	unregisteredUserApp,
	type AppSeed
} from '$lib/server/emulator/config';
import type { PageServerLoad } from './$types';

/**
 * What the explorer needs from the server: the emulator's apps as configured by EMULATOR_*
 * (their published demo credentials), and whether the relay holds SPOTIFY_CLIENT_SECRET. The
 * server's own Spotify secret itself never leaves the server.
 */
export const load: PageServerLoad = ({ url }) => {
	const config = configFromEnv(env);
	const configured = (seed: AppSeed) =>
		config.apps.find((app) => app.clientId === seed.clientId) ?? seed;
	const redirectUri = new URL('/callback', url.origin).toString();
	const asShown = (app: AppSeed) => ({
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		redirectUri
	});
	// The implicit grant runs on the legacy app, whose rules predate its removal; a run's era
	// or its development-mode switches pick another (flows/targets.ts, emulatorAppKey).
	const emulatorApps: Record<EmulatorAppKey, ReturnType<typeof asShown>> = {
		demo: asShown(config.apps[0]),
		legacy: asShown(configured(legacyApp)),
		unregisteredUser: asShown(configured(unregisteredUserApp)),
		noPremium: asShown(configured(noPremiumApp))
	};
	return {
		emulatorApps,
		serverSecret: Boolean(env.SPOTIFY_CLIENT_SECRET && env.SPOTIFY_CLIENT_ID)
	};
};
