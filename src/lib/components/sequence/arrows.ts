/**
 * The messages of each flow's sequence diagram, in order, each tied to the step (content id) that
 * sends it. Drawn by SequenceDiagram.svelte; the current step's arrows are highlighted.
 */
import type { FlowSlug, Party } from '$lib/spotify/flows';

export interface Arrow {
	step: string;
	from: Party;
	to: Party;
	label: string;
}

const a = (step: string, from: Party, to: Party, label: string): Arrow => ({
	step,
	from,
	to,
	label
});

export const sequences: Record<FlowSlug, readonly Arrow[]> = {
	'authorization-code': [
		a('request-authorization', 'app-server', 'browser', '302 to /authorize'),
		a('request-authorization', 'browser', 'accounts', 'GET /authorize?response_type=code&state…'),
		a('user-consents', 'accounts', 'browser', 'Log in, consent: Agree'),
		a('user-consents', 'accounts', 'browser', '302 to redirect_uri?code&state'),
		a('receive-callback', 'browser', 'app-server', 'GET /callback?code&state'),
		a('exchange-code', 'app-server', 'accounts', 'POST /api/token (Basic, code)'),
		a('exchange-code', 'accounts', 'app-server', '200 access + refresh token'),
		a('call-web-api', 'app-server', 'web-api', 'GET /v1/me (Bearer)'),
		a('call-web-api', 'web-api', 'app-server', '200 profile'),
		a('refresh-token', 'app-server', 'accounts', 'POST /api/token (refresh_token)'),
		a('refresh-token', 'accounts', 'app-server', '200 new access token')
	],
	'authorization-code-pkce': [
		a('create-verifier', 'app', 'app', 'verifier, S256 challenge'),
		a('request-authorization', 'app', 'browser', 'navigate to /authorize'),
		a('request-authorization', 'browser', 'accounts', 'GET /authorize?code_challenge…'),
		a('user-consents', 'accounts', 'browser', 'Log in, consent: Agree'),
		a('user-consents', 'accounts', 'browser', '302 to redirect_uri?code&state'),
		a('receive-callback', 'browser', 'app', 'callback?code&state'),
		a('exchange-code', 'app', 'accounts', 'POST /api/token (code_verifier)'),
		a('exchange-code', 'accounts', 'app', '200 access + refresh token'),
		a('call-web-api', 'app', 'web-api', 'GET /v1/me (Bearer)'),
		a('call-web-api', 'web-api', 'app', '200 profile'),
		a('refresh-token', 'app', 'accounts', 'POST /api/token (refresh_token, client_id)'),
		a('refresh-token', 'accounts', 'app', '200 new access token')
	],
	'client-credentials': [
		a('request-token', 'app-server', 'accounts', 'POST /api/token (Basic, client_credentials)'),
		a('request-token', 'accounts', 'app-server', '200 access token'),
		a('call-web-api', 'app-server', 'web-api', 'GET /v1/artists/{id} (Bearer)'),
		a('call-web-api', 'web-api', 'app-server', '200 artist')
	],
	'implicit-grant': [
		a('request-authorization', 'app', 'browser', 'navigate to /authorize'),
		a('request-authorization', 'browser', 'accounts', 'GET /authorize?response_type=token'),
		a('user-consents', 'accounts', 'browser', 'Log in, consent: Agree'),
		a('token-in-fragment', 'accounts', 'browser', '302 to redirect_uri#access_token=…'),
		a('token-in-fragment', 'browser', 'app', 'token read from the fragment'),
		a('call-web-api', 'app', 'web-api', 'GET /v1/me (Bearer)'),
		a('call-web-api', 'web-api', 'app', '200 profile')
	]
};

/** The lifelines of a flow's diagram, left to right: the user acts through the browser. */
export function lifelines(parties: readonly Party[]): Party[] {
	return parties.filter((p) => p !== 'user');
}
