import { expect, test } from '@playwright/test';

// Every response denies the powerful browser features no page uses, and keeps other origins'
// windows out of ours: server-rendered pages (hooks.server.ts), prerendered pages and static
// files (scripts/serve.js, as they bypass the hooks), the emulator's pages.
const responses = [
	['a server-rendered page', '/debug/redirect-uri'],
	['a prerendered page', '/errors/illegal-scope'],
	['a static file', '/favicon.svg'],
	["an emulator's page", '/emulator/dashboard'],
	['an endpoint', '/relay'],
	['a 404', '/no-such-page']
] as const;

for (const [what, path] of responses)
	test(`${what} (${path}) sends Permissions-Policy and Cross-Origin-Opener-Policy`, async ({
		request
	}) => {
		const headers = (await request.get(path)).headers();
		const policy = headers['permissions-policy'] ?? '';
		for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
			expect(policy, feature).toMatch(new RegExp(`(^|, )${feature}=\\(\\)(,|$)`));
		expect(headers['cross-origin-opener-policy']).toBe('same-origin');
		expect(headers['x-content-type-options']).toBe('nosniff');
	});
