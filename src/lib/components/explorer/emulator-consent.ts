/**
 * Replaying the browser's visit to /authorize without leaving the page: the emulator's
 * control endpoint (`POST /emulator/control/authorize`) runs /authorize's own checks and, as
 * the emulator's demo user, Agree or Cancel, and says where the browser would have been sent.
 * Emulator only: a step link never replays anything against real Spotify.
 */
import type { ConsentPlayer, ConsentResult } from '$lib/flows/run-player';

interface ControlAnswer {
	outcome?: 'page' | 'redirect';
	status?: number;
	text?: string;
	location?: string;
	error_description?: string;
}

/** The attacker's own authorization (another user, no state of ours): a forged callback. */
const attacker = 'alex';

export function emulatorConsent(fetchImpl: typeof fetch, controlBase: string): ConsentPlayer {
	return async (authorizeUrl, decision): Promise<ConsentResult> => {
		const forged = decision === 'forge';
		const url = new URL(authorizeUrl);
		if (forged) url.searchParams.delete('state');
		const startedAt = Date.now();
		const response = await fetchImpl(`${controlBase}/authorize`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				url: url.toString(),
				decision: decision === 'cancel' ? 'cancel' : 'agree',
				...(forged ? { username: attacker } : {})
			})
		});
		const answer = (await response.json().catch(() => ({}))) as ControlAnswer;
		if (!response.ok)
			throw new Error(
				answer.error_description ?? `the emulator's consent replay answered ${response.status}`
			);
		if (answer.outcome === 'page')
			return {
				refused: {
					purpose: 'authorize',
					route: 'browser',
					request: { method: 'GET', url: authorizeUrl, headers: {} },
					response: {
						status: answer.status ?? 400,
						statusText: '',
						headers: { 'content-type': 'text/plain' },
						body: answer.text ?? ''
					},
					startedAt,
					durationMs: Date.now() - startedAt
				}
			};
		if (!answer.location) throw new Error('the emulator did not say where the browser would go');
		return { callbackUrl: answer.location };
	};
}
