import { expect, test } from '@playwright/test';
import { tokenErrorBody } from '../../src/lib/spotify/errors';
import { authorize, createApp, tokenPath } from '../../src/lib/server/emulator/testing-http';

const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const standardBase64 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=';

async function pkceExchange(
	request: Parameters<typeof createApp>[0],
	baseURL: string,
	codeChallenge: string,
	form: Record<string, string>
) {
	const app = await createApp(request);
	const redirectUri = `${baseURL}/callback`;
	const back = await authorize(request, {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		code_challenge: codeChallenge,
		code_challenge_method: 'S256'
	});
	return request.post(tokenPath, {
		form: {
			grant_type: 'authorization_code',
			code: back.searchParams.get('code')!,
			redirect_uri: redirectUri,
			client_id: app.client_id,
			...form
		}
	});
}

test('RFC 7636 appendix B: the verifier is accepted for its S256 challenge, without a secret', async ({
	request,
	baseURL
}) => {
	const response = await pkceExchange(request, baseURL!, challenge, { code_verifier: verifier });
	expect(response.status()).toBe(200);
	expect((await response.json()).refresh_token).toMatch(/^AQ/);
});

test('RFC 7636 appendix B: the standard-base64 challenge is rejected, code_verifier was incorrect', async ({
	request,
	baseURL
}) => {
	const response = await pkceExchange(request, baseURL!, standardBase64, {
		code_verifier: verifier
	});
	expect(response.status()).toBe(400);
	expect(await response.json()).toEqual(tokenErrorBody('code-verifier-incorrect'));
});

test('PKCE without code_verifier is code_verifier required', async ({ request, baseURL }) => {
	const response = await pkceExchange(request, baseURL!, challenge, {});
	expect(await response.json()).toEqual(tokenErrorBody('code-verifier-required'));
});
