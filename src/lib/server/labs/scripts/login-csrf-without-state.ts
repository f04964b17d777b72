/**
 * Login CSRF (RFC 6749 §10.12, RFC 9700 §4.7): the attacker starts a sign-in to the victim's app
 * with their own Spotify account, stops before the callback, and makes the victim's browser load
 * it. Without state the app links the attacker's account to the victim's session. `state` makes
 * the app refuse the callback; PKCE (shown separately) makes the emulator refuse the exchange.
 */
import type { LabScript } from '../script';
import { emulatorRefusal, linkVerdict } from '../world';
import { backendExchange, checkCallback, fromCallback, startSignIn } from './common';

export const loginCsrf: LabScript = {
	laxities: () => [],
	async run(world, defence) {
		const options = { state: defence === 'state', pkce: defence === 'pkce' };
		const app = world.registerApp('Victim’s web app', '2026', [
			'https://victim-app.example/callback'
		]);
		const victim = await startSignIn(world, world.victim, app, options);
		world.note(
			'victim-starts',
			'victim',
			'The victim clicks “Connect Spotify” in the app, and leaves the consent page open',
			options.state || options.pkce
				? `The app keeps ${options.state ? 'a state' : 'a code_verifier'} in the victim’s session.`
				: 'The app keeps nothing: no state, no PKCE.',
			'victim-app'
		);
		const attacker = await startSignIn(world, world.attacker, app, options);
		const answer = world.authorize(
			'attacker-authorizes',
			'attacker',
			'The attacker signs in to the same app with their own Spotify account, and stops at the callback',
			attacker.url
		);
		if ('refusal' in answer) return linkVerdict(world, null, answer.refusal);
		world.site.stored.push(`<img src="${answer.location}">`);
		world.site.delivered.push('A link to the attacker’s page, which loads that image');
		world.note(
			'attacker-plants-callback',
			'attacker-site',
			'The attacker puts their own callback URL in an image on their site, and sends the victim a link',
			undefined,
			'victim'
		);
		world.victim.visit(answer.location);
		const refused = checkCallback(answer.location, victim.pending, 'app-receives-callback');
		world.note(
			'app-receives-callback',
			'victim',
			'The victim’s browser loads the attacker’s callback, with the victim’s session cookie',
			refused
				? `The app compares the state with the victim’s session and refuses: ${refused.by === 'app' ? refused.message : ''}.`
				: 'The app takes the code as the answer to the victim’s sign-in.',
			'victim-app'
		);
		if (refused) return linkVerdict(world, null, refused);
		const { token, response } = backendExchange(
			world,
			'app-exchanges',
			'The app exchanges the attacker’s code for the victim’s session',
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
