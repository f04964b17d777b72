import { describe, expect, it } from 'vitest';
import type { HttpRequestDescription } from '$lib/oauth/http';
import { basicAuthorization } from '$lib/oauth/token-request';
import { HIDDEN, maskBody, maskRequest, maskUrl } from './masking';

const secret = '0123456789abcdef0123456789abcdef';

describe('mask', () => {
	it('never shows the client secret, in the Basic header or the body', () => {
		const request: HttpRequestDescription = {
			method: 'POST',
			url: 'http://127.0.0.1/emulator/accounts/api/token',
			headers: { Authorization: basicAuthorization('client', secret) },
			body: {
				type: 'form',
				fields: [
					['grant_type', 'client_credentials'],
					['client_secret', secret]
				]
			}
		};
		const shown = JSON.stringify(maskRequest(request));
		expect(shown).not.toContain(secret);
		expect(shown).not.toContain(basicAuthorization('client', secret));
		expect(shown).toContain(HIDDEN);
		// Not base64 of `client:••••••••`, which would look like a real header that was never sent.
		expect(maskRequest(request).headers.Authorization).toBe(`Basic ${HIDDEN}`);
	});

	it('cuts bearer tokens, refresh tokens and tokens in JSON bodies and fragments short', () => {
		const token = 'BQDxTOKENTOKENTOKENTOKEN';
		const request: HttpRequestDescription = {
			method: 'POST',
			url: 'http://x/api/token',
			headers: { Authorization: `Bearer ${token}` },
			body: { type: 'form', fields: [['refresh_token', token]] }
		};
		expect(JSON.stringify(maskRequest(request))).not.toContain(token);
		expect(maskBody(`{"access_token":"${token}","expires_in":3600}`)).toBe(
			`{"access_token":"BQDx…${HIDDEN}","expires_in":3600}`
		);
		expect(maskUrl(`http://127.0.0.1/callback#access_token=${token}&token_type=Bearer`)).toBe(
			`http://127.0.0.1/callback#access_token=BQDx…${HIDDEN}&token_type=Bearer`
		);
	});
});
