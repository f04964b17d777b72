/**
 * Redirect URI tampering (RFC 9700 §4.1): the attacker sends the victim an authorize link whose
 * redirect_uri only starts like the app's. A server that matches by prefix
 * (`prefixRedirectUris`, lab sandboxes only) sends the token to the attacker's host; exact
 * matching shows Spotify's page `INVALID_CLIENT: Invalid redirect URI` and never redirects.
 */
import type { LabScript } from '../script';
import { attackerOrigin, tokenVerdict, victimAppOrigin } from '../world';
import { fromCallback, startSignIn } from './common';

const attackerRedirect = 'https://victim-app.example.attacker.example/steal';

export const redirectUriTampering: LabScript = {
	laxities: (defence) => (defence === 'exact-redirect-match' ? [] : ['prefixRedirectUris']),
	async run(world, defence) {
		const exact = defence === 'exact-redirect-match';
		// Without the defence, the developer registered the app's base URL and the server matches
		// by prefix; with it, the full callback URL, compared as an exact string.
		const registered = exact ? `${victimAppOrigin}/callback` : victimAppOrigin;
		const app = world.registerApp('Victim’s single-page app', 'classic', [registered]);
		const { url } = await startSignIn(world, world.attacker, app, {
			state: true,
			pkce: false,
			responseType: 'token',
			redirectUri: attackerRedirect
		});
		world.site.stored.push(url);
		world.site.delivered.push(`A link: “Connect Spotify to get your year in music” → ${url}`);
		world.note(
			'attacker-crafts-link',
			'attacker',
			`The attacker builds the app’s own authorize link with redirect_uri=${attackerRedirect}`,
			`The app registered ${registered}.`,
			'victim'
		);
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			'The victim opens the link and agrees: it is the app they know',
			url
		);
		if ('refusal' in answer) return tokenVerdict(world, null, answer.refusal);
		const token = fromCallback(answer.location, 'access_token');
		world.site.accessLog.push(`GET /steal (its page reads ${answer.location})`);
		world.note(
			'token-reaches-attacker',
			'victim',
			'The browser follows the redirect to the attacker’s host, whose page reads the token from the fragment',
			`${attackerOrigin}'s server receives it.`,
			'attacker-site'
		);
		world.attacker.storage.set('access_token', token);
		world.refresh();
		return tokenVerdict(world, token, null);
	}
};
