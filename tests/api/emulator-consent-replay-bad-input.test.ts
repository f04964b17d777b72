import { expect, test } from '@playwright/test';
import { defaultClientId } from '../../src/lib/server/emulator/config';
import { authorizeUrl } from '../../src/lib/server/emulator/testing-http';

test('control/authorize refuses what is not an authorize URL of this emulator, a bad decision or an unknown user', async ({
	request,
	baseURL
}) => {
	const url = authorizeUrl(baseURL, {
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: `${baseURL}/callback`
	});
	const bodies = [
		{ decision: 'agree' },
		{ url: 'https://accounts.spotify.com/authorize?client_id=x', decision: 'agree' },
		{ url, decision: 'maybe' },
		{ url, decision: 'agree', username: 'nobody' }
	];
	for (const data of bodies) {
		const response = await request.post('/emulator/control/authorize', { data });
		expect(response.status(), JSON.stringify(data)).toBe(400);
		const body = await response.json();
		expect(body.error).toBe('invalid_request');
		expect(typeof body.error_description).toBe('string');
	}
});

test('control/authorize takes only JSON, so no cross-site form can drive it', async ({
	request,
	baseURL
}) => {
	const response = await request.post('/emulator/control/authorize', {
		form: { url: `${baseURL}/emulator/accounts/authorize`, decision: 'agree' }
	});
	expect(response.status()).toBe(400);
});
