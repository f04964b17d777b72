/**
 * A public client without PKCE (RFC 7636 §1): the attacker reads the callback URL and redeems the
 * code with the public client_id alone. The lab sandbox lets a public client do that
 * (`publicClientWithoutPkce`); with PKCE the same request lacks the verifier.
 */
import { buildAuthorizeRequest } from '../../../oauth/authorize-request';
import { computeCodeChallenge, generateCodeVerifier } from '../../../oauth/pkce';
import { generateState } from '../../../oauth/state';
import { buildPkceTokenRequest } from '../../../oauth/token-request';
import type { LabScript } from '../script';
import { emulatorRefusal, tokenVerdict, victimAppOrigin } from '../world';

export const codeInterception: LabScript = {
	laxities: () => ['publicClientWithoutPkce'],
	async run(world, defence) {
		const pkce = defence === 'pkce';
		const redirectUri = `${victimAppOrigin}/callback`;
		const app = world.registerApp('Victim’s single-page app', '2026', [redirectUri]);
		const state = generateState();
		world.victim.storage.set('state', state);
		let challenge: string | undefined;
		if (pkce) {
			const verifier = generateCodeVerifier();
			world.victim.storage.set('code_verifier', verifier);
			challenge = await computeCodeChallenge(verifier);
		}
		const authorize = buildAuthorizeRequest({
			accountsBase: world.bases.accounts,
			clientId: app.clientId,
			redirectUri,
			state,
			scope: ['user-read-private', 'user-read-email'],
			codeChallenge: challenge
		});
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			pkce
				? 'The victim signs in to the app, which sends a PKCE code_challenge'
				: 'The victim signs in to the app, which sends no code_challenge',
			authorize.url
		);
		if ('refusal' in answer) return tokenVerdict(world, null, answer.refusal);
		const code = new URL(answer.location).searchParams.get('code') ?? '';
		world.site.accessLog.push(`GET /support-ticket (screenshot of ${answer.location})`);
		world.attacker.storage.set('stolen code', code);
		world.note(
			'callback-leaks',
			'victim',
			'The callback URL leaks to the attacker',
			'It is in the victim’s history and in a screenshot sent with a support ticket to the attacker’s site.',
			'attacker-site'
		);
		const response = world.send(
			'attacker-redeems',
			'attacker',
			'The attacker redeems the code with the app’s public client_id and no verifier',
			buildPkceTokenRequest({
				accountsBase: world.bases.accounts,
				clientId: app.clientId,
				code,
				redirectUri,
				codeVerifier: '',
				mistakes: { omitVerifier: true }
			})
		);
		if (response.status !== 200)
			return tokenVerdict(world, null, emulatorRefusal('attacker-redeems', response));
		const token = (JSON.parse(response.body) as { access_token: string }).access_token;
		world.attacker.storage.set('access_token', token);
		world.refresh();
		return tokenVerdict(world, token, null);
	}
};
