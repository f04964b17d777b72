/**
 * Targets: the built-in emulator (default) or live Spotify. Resolves a machine's input into the
 * base URLs, client and redirect URI its requests use (DESIGN.md, contracts).
 */
import { demoAppCredentials, legacyAppCredentials } from '$lib/spotify/demo-apps';
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

/**
 * The emulator's seeded app that follows an era's rules, as a step link's `era=` picks it: the
 * demo app (today's rules) or the legacy app (the classic rules). Undefined for an era no seeded
 * app follows; the flow then runs on its usual app.
 */
export function emulatorAppForEra(
	era: EraId
): { clientId: string; clientSecret: string } | undefined {
	if (era === defaultEraId) return emulatorDemoApp;
	if (era === 'classic') return emulatorLegacyApp;
	return undefined;
}

/** The machine input a step link asks for on the emulator: its switches, seed and era's app. */
export function linkInput(link: Pick<StepLink, 'breaks' | 'seed' | 'era'>): FlowInput {
	const input: FlowInput = { mistakes: mistakesOf(link.breaks) };
	if (link.seed) input.seed = link.seed;
	const app = link.era ? emulatorAppForEra(link.era) : undefined;
	if (app) {
		input.clientId = app.clientId;
		input.clientSecret = app.clientSecret;
	}
	return input;
}
