/**
 * A client secret in a single-page app's JavaScript (RFC 6749 §10.1): anyone can read it and
 * mint tokens as the app. With the app on PKCE and the leaked secret rotated, the emulator
 * answers `invalid_client` / `Invalid client secret`.
 */
import { buildClientCredentialsRequest } from '../../../oauth/token-request';
import { rotateClientSecret } from '../../emulator/apps';
import type { LabScript } from '../script';
import { emulatorRefusal, victimAppOrigin } from '../world';
import { accessToken, appTokenVerdict } from './common';

export const secretInSpaBundle: LabScript = {
	laxities: () => [],
	async run(world, defence) {
		const app = world.registerApp('Victim’s single-page app', '2026', [
			`${victimAppOrigin}/callback`
		]);
		const leaked = app.clientSecret;
		world.site.accessLog.push(`GET ${victimAppOrigin}/assets/app.js (fetched by the attacker)`);
		world.attacker.storage.set('client_secret', leaked);
		world.attacker.visit(`${victimAppOrigin}/assets/app.js`);
		world.note(
			'attacker-reads-bundle',
			'attacker',
			'The attacker opens the app’s JavaScript bundle and finds the client secret',
			`const SPOTIFY = { clientId: "${app.clientId}", clientSecret: "${leaked.slice(0, 4)}…" }`
		);
		if (defence === 'rotate-secret') {
			rotateClientSecret(world.lab.ctx, app.clientId);
			world.note(
				'developer-rotates',
				'victim-app',
				'The developer moves the app to PKCE (no secret in the bundle) and rotates the leaked secret in the dashboard',
				'The old secret stops working at once.'
			);
		}
		const response = world.send(
			'attacker-mints-token',
			'attacker',
			'The attacker asks for a token as the app, with the leaked secret',
			buildClientCredentialsRequest({
				accountsBase: world.bases.accounts,
				client: { method: 'basic', clientId: app.clientId, clientSecret: leaked }
			})
		);
		const token = accessToken(response);
		if (token) {
			world.attacker.storage.set('access_token', token);
			world.refresh();
		}
		return appTokenVerdict(
			world,
			token,
			token ? null : emulatorRefusal('attacker-mints-token', response)
		);
	}
};
