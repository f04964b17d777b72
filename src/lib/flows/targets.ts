/**
 * Targets: the built-in emulator (default) or live Spotify. Resolves a machine's input into the
 * base URLs, client and redirect URI its requests use (DESIGN.md, contracts).
 */
import {
	demoAppCredentials,
	legacyAppCredentials,
	noPremiumAppCredentials,
	unregisteredUserAppCredentials
} from '$lib/spotify/demo-apps';
import type { Mistakes } from '$lib/oauth/mistakes';
import { emulatorBaseUrls, joinUrl, spotifyBaseUrls } from '$lib/oauth/endpoints';
import { defaultEraId, type EraId } from '$lib/spotify/eras';
import type { FlowSlug } from '$lib/spotify/flows';
import { profileOf } from './profiles';
import { mistakesOf, type StepLink } from './run-record';
import type { FlowInput, TargetSettings } from './types';

/** The emulator's seeded apps' published credentials (the page passes the configured ones). */
export const emulatorDemoApp = demoAppCredentials;
export const emulatorLegacyApp = legacyAppCredentials;

export const defaultOrigin = 'http://127.0.0.1:5173';
/** DESIGN.md: the live default, registered by the developer in Spotify's dashboard. */
export const defaultLiveRedirectUri = 'http://127.0.0.1:5173/callback';
export const defaultScopes: readonly string[] = ['user-read-private', 'user-read-email'];

/** An artist Spotify's docs use; the emulator's invented catalog has its own ids. */
const liveArtistPath = '/v1/artists/0TnOYISbd1XYRBk9myaseg';
const emulatorArtistPath = '/v1/artists/0GrantwaLkArtist000001';

/** Resolves a machine input into target settings (pure: no window, no env). */
export function resolveTarget(flow: FlowSlug, input: FlowInput): TargetSettings {
	const live = input.target === 'spotify';
	const origin = input.origin ?? defaultOrigin;
	const bases = live ? spotifyBaseUrls : emulatorBaseUrls(origin);
	const profile = profileOf(flow);
	const app = profile.emulatorApp === 'legacy' ? emulatorLegacyApp : emulatorDemoApp;
	const forApp = profile.actsFor === 'app';
	return {
		kind: live ? 'spotify' : 'emulator',
		accountsBase: bases.accounts,
		apiBase: bases.api,
		controlBase: live ? null : joinUrl(origin, '/emulator/control'),
		clientId: input.clientId ?? (live ? '' : app.clientId),
		secretMode: input.secretMode ?? 'basic',
		redirectUri:
			input.redirectUri ?? (live ? defaultLiveRedirectUri : joinUrl(origin, '/callback')),
		scopes: [...(input.scopes ?? (forApp ? [] : defaultScopes))],
		showDialog: input.showDialog ?? false,
		apiPath: forApp ? (live ? liveArtistPath : emulatorArtistPath) : '/v1/me'
	};
}

/** The secret a confidential flow uses: the caller's, else the emulator demo app's. */
export function resolveSecret(flow: FlowSlug, input: FlowInput): string | undefined {
	if (!profileOf(flow).confidential) return undefined;
	if (input.clientSecret !== undefined) return input.clientSecret;
	// The demo secret belongs to the demo client id only.
	if (input.target === 'spotify' || input.clientId !== undefined) return undefined;
	return emulatorDemoApp.clientSecret;
}

/** The emulator's seeded apps a run can use. */
export type EmulatorAppKey = 'demo' | 'legacy' | 'unregisteredUser' | 'noPremium';

export const emulatorAppCredentials: Record<
	EmulatorAppKey,
	{ clientId: string; clientSecret: string }
> = {
	demo: demoAppCredentials,
	legacy: legacyAppCredentials,
	unregisteredUser: unregisteredUserAppCredentials,
	noPremium: noPremiumAppCredentials
};

/**
 * The emulator app a run uses: a development-mode app when a switch asks for one, else the app
 * that follows the link's era (the demo app for today's rules, the legacy app for the classic
 * ones), else the flow's usual app. An era no seeded app follows leaves the flow's usual app.
 */
export function emulatorAppKey(
	flow: FlowSlug,
	run: { era?: EraId; mistakes?: Mistakes }
): EmulatorAppKey {
	if (run.mistakes?.ownerWithoutPremium) return 'noPremium';
	if (run.mistakes?.userNotAllowlisted) return 'unregisteredUser';
	if (run.era === defaultEraId) return 'demo';
	if (run.era === 'classic') return 'legacy';
	return profileOf(flow).emulatorApp;
}

/** The machine input a step link asks for on the emulator: its switches, seed and app. */
export function linkInput(link: Pick<StepLink, 'flow' | 'breaks' | 'seed' | 'era'>): FlowInput {
	const mistakes = mistakesOf(link.breaks);
	const input: FlowInput = { mistakes };
	if (link.seed) input.seed = link.seed;
	const key = emulatorAppKey(link.flow, { era: link.era, mistakes });
	if (key !== profileOf(link.flow).emulatorApp) {
		input.clientId = emulatorAppCredentials[key].clientId;
		input.clientSecret = emulatorAppCredentials[key].clientSecret;
	}
	return input;
}
