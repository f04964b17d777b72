/**
 * A stolen refresh token (RFC 9700 §4.14): on Spotify's 2026 rules a refresh returns no new
 * refresh token and the old one lasts six months, so the thief keeps minting access tokens. With
 * rotation (the 2025-11 rules for PKCE apps) the app's next refresh revokes the stolen token.
 */
import { buildAuthorizeRequest } from '../../../oauth/authorize-request';
import { computeCodeChallenge, generateCodeVerifier } from '../../../oauth/pkce';
import { generateState } from '../../../oauth/state';
import { buildPkceTokenRequest, buildRefreshTokenRequest } from '../../../oauth/token-request';
import type { LabScript } from '../script';
import { emulatorRefusal, tokenVerdict, victimAppOrigin } from '../world';
import { accessToken, callbackUrl, fromCallback, refreshToken, scopes } from './common';

export const refreshTokenTheft: LabScript = {
	laxities: () => [],
	async run(world, defence) {
		const rotation = defence === 'refresh-rotation';
		const app = world.registerApp('Victim’s single-page app', rotation ? '2025-11' : '2026', [
			`${victimAppOrigin}/callback`
		]);
		const verifier = generateCodeVerifier();
		const url = buildAuthorizeRequest({
			accountsBase: world.bases.accounts,
			clientId: app.clientId,
			redirectUri: callbackUrl,
			state: generateState(),
			scope: scopes,
			codeChallenge: await computeCodeChallenge(verifier)
		}).url;
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			'The victim signs in to the app (PKCE)',
			url
		);
		if ('refusal' in answer) return tokenVerdict(world, null, answer.refusal);
		const exchange = world.send(
			'app-exchanges',
			'victim-app',
			'The app exchanges the code and keeps the refresh token in localStorage',
			buildPkceTokenRequest({
				accountsBase: world.bases.accounts,
				clientId: app.clientId,
				code: fromCallback(answer.location, 'code'),
				redirectUri: callbackUrl,
				codeVerifier: verifier
			})
		);
		const stolen = refreshToken(exchange) ?? '';
		world.victim.storage.set('localStorage: refresh_token', stolen);
		world.attacker.storage.set('stolen refresh_token', stolen);
		world.site.accessLog.push(
			'POST /collect (localStorage of victim-app.example, sent by an injected script)'
		);
		world.note(
			'token-stolen',
			'victim',
			'A script injected into the app’s page reads localStorage and sends the refresh token to the attacker',
			undefined,
			'attacker-site'
		);
		const routine = world.send(
			'app-refreshes',
			'victim-app',
			'An hour later the app refreshes, as it does every hour',
			buildRefreshTokenRequest({
				accountsBase: world.bases.accounts,
				client: { method: 'none', clientId: app.clientId },
				refreshToken: stolen
			})
		);
		const rotated = refreshToken(routine);
		if (rotated) world.victim.storage.set('localStorage: refresh_token', rotated);
		world.refresh();
		const theft = world.send(
			'attacker-refreshes',
			'attacker',
			'The attacker refreshes with the stolen refresh token and the app’s public client_id',
			buildRefreshTokenRequest({
				accountsBase: world.bases.accounts,
				client: { method: 'none', clientId: app.clientId },
				refreshToken: stolen
			})
		);
		const token = accessToken(theft);
		if (!token) return tokenVerdict(world, null, emulatorRefusal('attacker-refreshes', theft));
		world.attacker.storage.set('access_token', token);
		world.refresh();
		return tokenVerdict(world, token, null);
	}
};
