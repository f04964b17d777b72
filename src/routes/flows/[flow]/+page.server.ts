import { env } from '$env/dynamic/private';
import { configFromEnv, legacyApp } from '$lib/server/emulator/config';
import type { PageServerLoad } from './$types';

/**
 * What the explorer needs from the server: the emulator's apps as configured by EMULATOR_*
 * (their published demo credentials), and whether the relay holds SPOTIFY_CLIENT_SECRET. The
 * server's own Spotify secret itself never leaves the server.
 */
export const load: PageServerLoad = ({ url }) => {
	const config = configFromEnv(env);
	const [demo] = config.apps;
	const legacy = config.apps.find((app) => app.clientId === legacyApp.clientId) ?? legacyApp;
	const redirectUri = new URL('/callback', url.origin).toString();
	const asShown = (app: typeof demo) => ({
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		redirectUri
	});
	return {
		// The implicit grant runs on the legacy app, whose rules predate its removal; a link's
		// `era` picks the app.
		emulatorApps: { demo: asShown(demo), legacy: asShown(legacy) },
		serverSecret: Boolean(env.SPOTIFY_CLIENT_SECRET && env.SPOTIFY_CLIENT_ID)
	};
};
