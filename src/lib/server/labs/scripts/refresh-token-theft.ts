/**
 * A stolen refresh token (RFC 9700 §4.14): the thief refreshes at once, before the app's next
 * hourly refresh. On Spotify's 2026 rules a refresh returns no new refresh token and the old one
 * lasts six months, so both keep refreshing. With rotation alone (the 2025-11 rules for PKCE
 * apps) the thief's refresh rotates the token: the app's refresh is then refused and the thief
 * keeps the live one. With reuse detection (a lab sandbox's strict behaviour) the app's refresh
 * with the rotated token revokes the whole grant, the thief's tokens included.
 */
import { buildAuthorizeRequest } from '../../../oauth/authorize-request';
import type { HttpResponseDescription } from '../../../oauth/http';
import { computeCodeChallenge, generateCodeVerifier } from '../../../oauth/pkce';
import { generateState } from '../../../oauth/state';
import { buildPkceTokenRequest, buildRefreshTokenRequest } from '../../../oauth/token-request';
import type { App } from '../../emulator/types';
import type { LabScript } from '../script';
import { emulatorRefusal, tokenVerdict, victimAppOrigin, type LabWorld } from '../world';
import { accessToken, callbackUrl, fromCallback, refreshToken, scopes } from './common';

export const refreshTokenTheft: LabScript = {
	laxities: () => [],
	strict: (defence) =>
		defence === 'refresh-reuse-detection' ? ['refreshTokenReuseDetection'] : [],
	async run(world, defence) {
		// Rotation alone is the 2025-11 rules; reuse detection is strictness on the 2026 rules.
		const app = world.registerApp(
			'Victim’s single-page app',
			defence === 'refresh-rotation' ? '2025-11' : '2026',
			[`${victimAppOrigin}/callback`]
		);
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
		world.attacker.storage.set('refresh_token', stolen);
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
		// The thief refreshes at once, and keeps whatever the answer holds.
		let held = stolen;
		const theft = refresh(world, app, 'attacker-refreshes', 'attacker', held, {
			title:
				'The attacker refreshes at once, with the stolen refresh token and the app’s public client_id'
		});
		held = keep(world.attacker.storage, theft, held, 'refresh_token');
		const routine = refresh(world, app, 'app-refreshes', 'victim-app', stolen, {
			title: 'An hour later the app refreshes, as it does every hour, with the token it holds'
		});
		if (routine.status === 200)
			keep(world.victim.storage, routine, stolen, 'localStorage: refresh_token');
		else {
			world.victim.storage.delete('localStorage: refresh_token');
			world.note(
				'victim-signed-out',
				'victim-app',
				'The app’s refresh was refused: it forgets its tokens and must send the victim through consent again'
			);
		}
		world.refresh();
		const again = refresh(world, app, 'attacker-refreshes-again', 'attacker', held, {
			title: 'The attacker refreshes again, with the newest refresh token it holds'
		});
		const token = accessToken(again);
		if (token) {
			keep(world.attacker.storage, again, held, 'refresh_token');
			world.attacker.storage.set('access_token', token);
			world.refresh();
			return tokenVerdict(world, token, null);
		}
		const refusal = emulatorRefusal('attacker-refreshes-again', again);
		// The access token of the first theft: does it still open the victim's account?
		const first = accessToken(theft);
		if (first)
			world.whoIs(
				'attacker-checks-old-token',
				'attacker',
				first,
				'The attacker calls GET /v1/me with the access token of its first refresh'
			);
		return tokenVerdict(world, null, refusal);
	}
};

function refresh(
	world: LabWorld,
	app: App,
	id: string,
	lane: 'attacker' | 'victim-app',
	token: string,
	text: { title: string }
): HttpResponseDescription {
	return world.send(
		id,
		lane,
		text.title,
		buildRefreshTokenRequest({
			accountsBase: world.bases.accounts,
			client: { method: 'none', clientId: app.clientId },
			refreshToken: token
		})
	);
}

/** The refresh token to use next: the rotated one when the answer has one, else the same. */
function keep(
	storage: Map<string, string>,
	response: HttpResponseDescription,
	current: string,
	key: string
): string {
	const next = refreshToken(response) ?? current;
	if (response.status === 200) storage.set(key, next);
	return next;
}
