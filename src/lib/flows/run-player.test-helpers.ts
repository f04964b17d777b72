/**
 * Test-only: a consent player that walks the emulator's real login and consent pages in-process
 * (Agree or Cancel as the demo user), and forges a callback as an attacker would: the attacker's
 * own authorization (user alex, in another browser) without the victim's state.
 */
import { TestClient } from '$lib/server/emulator/testing';
import type { Emulator } from '$lib/server/emulator';
import type { ConsentPlayer } from './run-player';

export function pageConsent(emulator: Emulator): ConsentPlayer {
	const victim = new TestClient(emulator);
	return async (authorizeUrl, decision) => {
		const forged = decision === 'forge';
		const browser = forged ? new TestClient(emulator) : victim;
		const url = new URL(authorizeUrl);
		if (forged) url.searchParams.delete('state');
		let page = browser.call('GET', url.toString());
		if (page.status >= 400)
			return {
				refused: {
					purpose: 'authorize',
					route: 'browser',
					request: { method: 'GET', url: authorizeUrl, headers: {} },
					response: { status: page.status, statusText: '', headers: page.headers, body: page.body },
					startedAt: 0,
					durationMs: 0
				}
			};
		if (page.status === 200 && page.body.includes('name="password"'))
			page = browser.follow(browser.login(page, forged ? 'alex' : 'demo'));
		if (page.status === 200)
			page = browser.consent(page, decision === 'cancel' ? 'cancel' : 'agree');
		const location = page.headers.location;
		if (!location) throw new Error(`no redirect back: ${page.status} ${page.body.slice(0, 200)}`);
		return { callbackUrl: location };
	};
}
