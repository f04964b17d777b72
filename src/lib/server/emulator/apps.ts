/** Creating and editing apps (dashboard and control API), with Spotify's redirect-URI validation. */
import { getEra, type EraId } from '../../spotify/eras';
import { getSpotifyError } from '../../spotify/errors';
import { checkRedirectUri } from '../../spotify/redirect-uri';
import { newHex32, type EmulatorContext } from './context';
import type { App } from './types';

export function createApp(
	ctx: EmulatorContext,
	name: string,
	era: EraId,
	redirectUris: string[]
): App {
	// Make room without ever evicting a seeded app.
	if (ctx.store.apps.size >= ctx.store.apps.cap) {
		for (const [id, app] of ctx.store.apps.entries()) {
			if (!app.seeded) {
				ctx.store.apps.delete(id);
				break;
			}
		}
	}
	const app: App = {
		clientId: newHex32(ctx),
		clientSecret: newHex32(ctx),
		name: name.trim().slice(0, 100) || 'My app',
		redirectUris,
		era,
		seeded: false,
		createdAt: ctx.clock.now()
	};
	ctx.store.apps.set(app.clientId, app);
	return app;
}

/**
 * Why the dashboard refuses a redirect URI, as its message, or null if it is accepted: the
 * dashboard says "This redirect URI is not secure." for the 2025 rules (reference §2.4).
 */
export function redirectUriProblem(ctx: EmulatorContext, era: EraId, uri: string): string | null {
	const verdict = checkRedirectUri(uri, {
		security: getEra(era).redirectUriSecurity,
		customSchemesInsecure: ctx.config.customSchemesInsecure
	});
	if (verdict.ok) return null;
	return verdict.problem === 'insecure'
		? getSpotifyError('redirect-uri-not-secure').text!
		: getSpotifyError('illegal-redirect-uri').text!;
}

/** At most this many redirect URIs per app, and this long each: the dashboard is not storage. */
export const maxRedirectUris = 20;
export const maxRedirectUriLength = 512;

/** A new client secret (what rotating it in the dashboard does): the old one stops working now. */
export function rotateClientSecret(ctx: EmulatorContext, clientId: string): string | null {
	const app = ctx.store.apps.get(clientId);
	if (!app) return null;
	app.clientSecret = newHex32(ctx);
	return app.clientSecret;
}
