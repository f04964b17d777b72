/**
 * The implicit grant's token in the URL fragment (RFC 9700 §2.1.2, §4.3.2): a third-party script
 * on the callback page reads it and sends it home. On the legacy (classic) rules the token leaks;
 * on today's rules Spotify answers `response_type must be code` and there is no token to leak.
 */
import type { LabScript } from '../script';
import { attackerOrigin, tokenVerdict } from '../world';
import { fromCallback, startSignIn } from './common';

export const implicitTokenLeak: LabScript = {
	laxities: () => [],
	async run(world, defence) {
		const today = defence === 'code-instead-of-implicit';
		const app = world.registerApp('Victim’s single-page app', today ? '2026' : 'classic', [
			'https://victim-app.example/callback'
		]);
		const { url } = await startSignIn(world, world.victim, app, {
			state: true,
			pkce: false,
			responseType: 'token'
		});
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			today
				? 'The victim signs in: the app asks for response_type=token, on today’s rules'
				: 'The victim signs in: the app asks for response_type=token (the implicit grant, legacy rules)',
			url
		);
		if ('refusal' in answer) {
			world.note(
				'no-token',
				'victim-app',
				'No token exists, so none can leak: the app must move to the code with PKCE',
				'A leaked callback then carries a code that is useless without the verifier (see the code interception lab).'
			);
			return tokenVerdict(world, null, answer.refusal);
		}
		const token = fromCallback(answer.location, 'access_token');
		world.site.accessLog.push(`POST /collect {"page":"${answer.location}"}`);
		world.note(
			'script-reads-fragment',
			'victim',
			'The callback page’s third-party analytics script reads location.href, fragment and all, and sends it to its server',
			`The script is served from ${attackerOrigin}; the token is also in the victim’s history.`,
			'attacker-site'
		);
		world.attacker.storage.set('access_token', token);
		world.refresh();
		return tokenVerdict(world, token, null);
	}
};
