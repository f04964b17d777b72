import { expect, test } from '@playwright/test';

// The explanation is in the flow page once, as HTML: not again in its hydration data
// (src/lib/prose-html.ts). A client-side navigation's data request does carry it.
const sentence = 'Nothing secret is in this URL';

test('a flow page carries its explanation once', async ({ request }) => {
	const html = await (await request.get('/flows/authorization-code')).text();
	expect(html.split(sentence).length - 1).toBe(1);
});

test("a flow page's data request carries the explanation", async ({ request }) => {
	const data = await (await request.get('/flows/authorization-code/__data.json')).text();
	expect(data).toContain(sentence);
});
