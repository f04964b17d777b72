// A single-page app's login with Spotify: authorization code with PKCE, no secret, no server.
// It talks to Spotify unless its URL names other base URLs (?accounts=…&api=…&client_id=…), which
// is how pkce-page.spec.ts points it at the emulator. They are kept in sessionStorage across the
// redirect, with the verifier and the state.
const storageKey = 'pkce-example';
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const login = /** @type {HTMLButtonElement} */ (document.getElementById('login'));
const query = new URLSearchParams(location.search);
const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
const config = {
	clientId: query.get('client_id') ?? saved?.config.clientId ?? 'YOUR_CLIENT_ID',
	accounts: query.get('accounts') ?? saved?.config.accounts ?? 'https://accounts.spotify.com',
	api: query.get('api') ?? saved?.config.api ?? 'https://api.spotify.com'
};
const redirectUri = `${location.origin}${location.pathname}`;

/** @param {Uint8Array} bytes */
function base64url(bytes) {
	return btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** RFC 7636 §4.1–4.2: a 86-character verifier and its S256 challenge. */
async function pkcePair() {
	const verifier = base64url(crypto.getRandomValues(new Uint8Array(64)));
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
	return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

async function startLogin() {
	const { verifier, challenge } = await pkcePair();
	const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
	sessionStorage.setItem(storageKey, JSON.stringify({ config, verifier, state }));
	const params = new URLSearchParams({
		response_type: 'code',
		client_id: config.clientId,
		redirect_uri: redirectUri,
		scope: 'user-read-private',
		state,
		code_challenge_method: 'S256',
		code_challenge: challenge
	});
	location.assign(`${config.accounts}/authorize?${params}`);
}

/** The redirect back: the code for a token (with the verifier), then the profile. */
async function finishLogin() {
	history.replaceState(null, '', location.pathname);
	sessionStorage.removeItem(storageKey);
	if (query.get('state') !== saved?.state) throw new Error('state mismatch');
	const code = query.get('code');
	if (!code) throw new Error(`login refused: ${query.get('error')}`);
	const tokenResponse = await fetch(`${config.accounts}/api/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: config.clientId,
			code_verifier: saved.verifier
		})
	});
	const token = await tokenResponse.json();
	if (!tokenResponse.ok) throw new Error(`token request refused: ${token.error}`);
	const meResponse = await fetch(`${config.api}/v1/me`, {
		headers: { authorization: `Bearer ${token.access_token}` }
	});
	const me = await meResponse.json();
	if (!meResponse.ok) throw new Error(`profile refused: ${me.error?.message}`);
	status.textContent = `Logged in as ${me.display_name}`;
	login.hidden = true;
}

login.addEventListener('click', () => void startLogin());
if (query.has('code') || query.has('error'))
	finishLogin().catch((error) => (status.textContent = error.message));
