/**
 * Interoperability: oauth4webapi, an independent and well-kept OAuth client, completes client
 * credentials, authorization code with PKCE (login and consent driven here), refresh and a
 * /v1/me call against the emulator.
 */
import { expect, test } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { createApp, logIn, answerConsent } from '../../src/lib/server/emulator/testing-http';

const insecure = { [oauth.allowInsecureRequests]: true };

test('oauth4webapi: client credentials, PKCE code flow, refresh and /v1/me', async ({
	request,
	baseURL
}) => {
	const created = await createApp(request, { name: 'oauth4webapi', era: '2025-11' });
	const as: oauth.AuthorizationServer = {
		issuer: `${baseURL}/emulator/accounts`,
		authorization_endpoint: `${baseURL}/emulator/accounts/authorize`,
		token_endpoint: `${baseURL}/emulator/accounts/api/token`
	};
	const client: oauth.Client = { client_id: created.client_id };

	// Client credentials, confidential.
	const cc = await oauth.clientCredentialsGrantRequest(
		as,
		client,
		oauth.ClientSecretBasic(created.client_secret),
		{},
		insecure
	);
	const ccTokens = await oauth.processClientCredentialsResponse(as, client, cc);
	expect(ccTokens.token_type).toBe('bearer');
	expect(ccTokens.expires_in).toBe(3600);

	// Authorization code with PKCE, public client.
	const redirectUri = `${baseURL}/callback`;
	const verifier = oauth.generateRandomCodeVerifier();
	const state = oauth.generateRandomState();
	const url = new URL(as.authorization_endpoint!);
	url.search = new URLSearchParams({
		client_id: client.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		scope: 'user-read-private user-read-email',
		state,
		code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256'
	}).toString();
	const login = await request.get(url.toString(), { maxRedirects: 0 });
	const consent = await logIn(request, login);
	const back = await answerConsent(request, consent, 'agree');
	const callback = new URL(back.headers().location);
	const params = oauth.validateAuthResponse(as, client, callback, state);
	const codeResponse = await oauth.authorizationCodeGrantRequest(
		as,
		client,
		oauth.None(),
		params,
		redirectUri,
		verifier,
		insecure
	);
	const tokens = await oauth.processAuthorizationCodeResponse(as, client, codeResponse);
	expect(tokens.scope).toBe('user-read-private user-read-email');
	expect(tokens.refresh_token).toMatch(/^AQ/);

	// Refresh (2025-11 era: PKCE refresh rotates).
	const refreshResponse = await oauth.refreshTokenGrantRequest(
		as,
		client,
		oauth.None(),
		tokens.refresh_token!,
		insecure
	);
	const refreshed = await oauth.processRefreshTokenResponse(as, client, refreshResponse);
	expect(refreshed.refresh_token).toMatch(/^AQ/);
	expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

	// The Web API.
	const me = await oauth.protectedResourceRequest(
		refreshed.access_token,
		'GET',
		new URL(`${baseURL}/emulator/api/v1/me`),
		undefined,
		undefined,
		insecure
	);
	expect(me.status).toBe(200);
	const body = await me.json();
	expect(body.id).toBe('demo');
	expect(body.email).toBe('demo@example.com');
});
