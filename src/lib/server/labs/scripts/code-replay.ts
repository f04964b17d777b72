/**
 * Code replay (RFC 6749 §4.1.2): the victim's callback URL is opened again, here by the attacker
 * who found it in a shared computer's history, and the app exchanges the same code a second time.
 * A server with reusable codes (`reusableCodes`, lab sandboxes only) signs the attacker in as the
 * victim; the emulator's single-use codes answer `invalid_grant` / `Invalid authorization code`.
 * With the lab-only `revokeTokensOnCodeReplay`, the replay also revokes what the first exchange
 * issued: the victim's app then asks with its own tokens, and the answers show whether they died.
 */
import { buildRefreshTokenRequest } from '../../../oauth/token-request';
import type { App } from '../../emulator/types';
import type { LabScript } from '../script';
import { emulatorRefusal, tokenVerdict, type LabWorld } from '../world';
import { backendExchange, fromCallback, refreshToken, startSignIn } from './common';

export const codeReplay: LabScript = {
	laxities: (defence) => (defence === null ? ['reusableCodes'] : []),
	strict: (defence) => (defence === 'revoke-on-code-replay' ? ['revokeTokensOnCodeReplay'] : []),
	async run(world) {
		const app = world.registerApp('Victim’s web app', '2026', [
			'https://victim-app.example/callback'
		]);
		const { url } = await startSignIn(world, world.victim, app, { state: false, pkce: false });
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			'The victim signs in to the app',
			url
		);
		if ('refusal' in answer) return tokenVerdict(world, null, answer.refusal);
		const code = fromCallback(answer.location, 'code');
		const first = backendExchange(
			world,
			'app-exchanges',
			'The app exchanges the code, once',
			app,
			code
		);
		if (first.token) world.victim.storage.set('app session: Spotify token', first.token);
		world.refresh();
		world.attacker.visit(answer.location);
		world.note(
			'attacker-reopens-callback',
			'attacker',
			'The attacker opens the victim’s callback URL, found in the history of a shared computer',
			'The app, seeing a code, exchanges it for the attacker’s session.',
			'victim-app'
		);
		const again = backendExchange(
			world,
			'app-exchanges-again',
			'The app exchanges the same code again, for the attacker’s session',
			app,
			code
		);
		if (!again.token) {
			const refusal = emulatorRefusal('app-exchanges-again', again.response);
			if (first.token)
				victimSessionAfterReplay(world, app, first.token, refreshToken(first.response));
			return tokenVerdict(world, null, refusal);
		}
		world.attacker.storage.set('app session: Spotify token', again.token);
		world.refresh();
		return tokenVerdict(world, again.token, null, "the attacker's session");
	}
};

/** The victim's session after the refused replay: do the first exchange's tokens still work? */
function victimSessionAfterReplay(
	world: LabWorld,
	app: App,
	accessToken: string,
	refresh: string | null
): void {
	const owner = world.whoIs(
		'victim-app-uses-token',
		'victim-app',
		accessToken,
		'The victim’s session calls GET /v1/me with the token of the first exchange'
	);
	if (owner === null) world.victim.storage.delete('app session: Spotify token');
	if (refresh === null) return;
	world.send(
		'victim-app-refreshes',
		'victim-app',
		'The app refreshes with the refresh token of the first exchange',
		buildRefreshTokenRequest({
			accountsBase: world.bases.accounts,
			client: { method: 'basic', clientId: app.clientId, clientSecret: app.clientSecret },
			refreshToken: refresh
		})
	);
	world.refresh();
}
