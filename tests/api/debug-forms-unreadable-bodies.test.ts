import { expect, test } from '@playwright/test';

// A POST the inspectors cannot read (text/plain, multipart without a boundary) or one sent to
// SvelteKit's reserved `?/default` gets the page back with a 400 or 415 and what was wrong,
// never a 500. Sent as a browser sends a form (Accept: text/html); other clients get SvelteKit's
// JSON form answer, `{ type: 'failure', status }`.
const pages = [
	{ path: '/debug/token-request', field: 'request', heading: 'Token-request inspector' },
	{ path: '/debug/errors', field: 'q', heading: 'Error decoder' }
];

for (const { path, field, heading } of pages) {
	test.describe(path, () => {
		let browser: Record<string, string>;
		test.beforeEach(({ baseURL }) => {
			browser = { origin: new URL(baseURL!).origin, accept: 'text/html' };
		});

		test('text/plain is answered 415 with the page', async ({ request }) => {
			const response = await request.post(path, {
				headers: { ...browser, 'content-type': 'text/plain' },
				data: `${field}=INVALID_CLIENT: Invalid redirect URI\r\n`
			});
			expect(response.status()).toBe(415);
			const html = await response.text();
			expect(html).toContain(heading);
			expect(html).toContain('sent as text/plain');
			expect(html).toContain('application/x-www-form-urlencoded');
			const json = await request.post(path, {
				headers: { origin: browser.origin, 'content-type': 'text/plain' },
				data: `${field}=x`
			});
			expect(await json.json()).toMatchObject({ type: 'failure', status: 415 });
		});

		test('multipart without a boundary is answered 400 with the page', async ({ request }) => {
			const response = await request.post(path, {
				headers: { ...browser, 'content-type': 'multipart/form-data' },
				data: `--x\r\nContent-Disposition: form-data; name="${field}"\r\n\r\nhello\r\n--x--\r\n`
			});
			expect(response.status()).toBe(400);
			const html = await response.text();
			expect(html).toContain(heading);
			expect(html).toContain('without a boundary');
		});

		test('?/default is answered 400 with the form refilled, secrets masked', async ({
			request
		}) => {
			const pasted = 'curl -d client_secret=f00dfeedf00dfeedf00dfeedf00dfeed https://x';
			const response = await request.post(`${path}?/default`, {
				headers: browser,
				form: { [field]: pasted }
			});
			expect(response.status()).toBe(400);
			const html = await response.text();
			expect(html).toContain(heading);
			expect(html).toContain('?/default');
			expect(html).toContain('curl -d client_secret=REDACTED https://x');
			expect(html).not.toContain('f00dfeed');
		});
	});
}
