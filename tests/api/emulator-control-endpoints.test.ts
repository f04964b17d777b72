import { expect, test } from '@playwright/test';

test('the control API lists its endpoints and refuses form posts', async ({ request }) => {
	const help = await request.get('/emulator/control');
	expect(help.status()).toBe(200);
	expect(Object.keys((await help.json()).endpoints)).toContain('POST control/expire');
	const form = await request.post('/emulator/control/reset', { form: { client_id: 'x' } });
	expect(form.status()).toBe(400);
});

test('control/apps refuses an insecure redirect URI for a 2026 app, accepts it for a classic one', async ({
	request
}) => {
	const refused = await request.post('/emulator/control/apps', {
		data: { redirect_uris: ['http://localhost:3000/callback'] }
	});
	expect(refused.status()).toBe(400);
	const classic = await request.post('/emulator/control/apps', {
		data: { era: 'classic', redirect_uris: ['http://localhost:3000/callback'] }
	});
	expect(classic.status()).toBe(201);
});
