/**
 * PKCE downgrade (RFC 9700 §4.8): the victim's app uses PKCE but no state. The attacker removes
 * code_challenge from their own authorization request and plants the code it brings in the
 * victim's browser; a server that ignores a verifier when the code had no challenge
 * (`ignoreVerifierWithoutChallenge`, lab sandboxes only) lets the app link the attacker's account.
 */
import type { LabScript } from '../script';
import { emulatorRefusal, linkVerdict } from '../world';
import { backendExchange, checkCallback, fromCallback, startSignIn } from './common';

export const pkceDowngrade: LabScript = {
	laxities: (defence) =>
		defence === 'verifier-needs-challenge' ? [] : ['ignoreVerifierWithoutChallenge'],
	async run(world, defence) {
		const options = { state: defence === 'state', pkce: true };
		const app = world.registerApp('Victim’s web app', '2026', [
			'https://victim-app.example/callback'
		]);
		const victim = await startSignIn(world, world.victim, app, options);
		world.note(
			'victim-starts',
			'victim',
			'The victim clicks “Connect Spotify”: the app keeps a code_verifier in the victim’s session',
			options.state ? 'It keeps a state too.' : 'It keeps no state: PKCE is its only protection.',
			'victim-app'
		);
		const attacker = await startSignIn(world, world.attacker, app, options);
		const stripped = new URL(attacker.url);
		stripped.searchParams.delete('code_challenge');
		stripped.searchParams.delete('code_challenge_method');
		world.note(
			'attacker-strips-challenge',
			'attacker',
			'The attacker starts a sign-in too, and deletes code_challenge and code_challenge_method from the authorize URL'
		);
		const answer = world.authorize(
			'attacker-authorizes',
			'attacker',
			'The attacker signs in with their own account: a code issued without a challenge',
			stripped.toString()
		);
		if ('refusal' in answer) return linkVerdict(world, null, answer.refusal);
		world.site.stored.push(`<img src="${answer.location}">`);
		world.site.delivered.push('A link to the attacker’s page, which loads that image');
		world.victim.visit(answer.location);
		const refused = checkCallback(answer.location, victim.pending, 'app-receives-callback');
		world.note(
			'app-receives-callback',
			'victim',
			'The victim’s browser loads the attacker’s callback, with the victim’s session cookie',
			refused
				? `The app compares the state with the victim’s session and refuses.`
				: 'The app sends the code with the verifier from the victim’s session.',
			'victim-app'
		);
		if (refused) return linkVerdict(world, null, refused);
		const { token, response } = backendExchange(
			world,
			'app-exchanges',
			'The app exchanges the attacker’s code with the victim’s code_verifier',
			app,
			fromCallback(answer.location, 'code'),
			victim.pending.verifier
		);
		if (!token) return linkVerdict(world, null, emulatorRefusal('app-exchanges', response));
		world.victim.storage.set('app session: linked Spotify token', token);
		world.refresh();
		return linkVerdict(world, token, null);
	}
};
