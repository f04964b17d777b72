/** POST /attacks/<slug>/run: a lab run as JSON, its refusals of bad input, and no side effects. */
import { expect, test } from '@playwright/test';

test('runs a lab and answers every step and the verdict', async ({ request }) => {
	const answer = await request.post('/attacks/code-replay/run', {
		data: { defence: 'single-use-codes' }
	});
	expect(answer.status()).toBe(200);
	expect(answer.headers()['cache-control']).toBe('no-store');
	const run = await answer.json();
	expect(run.verdict.outcome).toBe('blocked');
	expect(run.verdict.refusal.body).toBe(
		'{"error":"invalid_grant","error_description":"Invalid authorization code"}'
	);
	expect(run.laxities).toEqual([]);
	for (const step of run.steps)
		if (step.exchange)
			expect(step.exchange.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emulator\//);
});

test('refuses an unknown lab or defence', async ({ request }) => {
	expect(
		(await request.post('/attacks/no-such-lab/run', { data: { defence: null } })).status()
	).toBe(404);
	expect(
		(await request.post('/attacks/code-replay/run', { data: { defence: 'pkce' } })).status()
	).toBe(400);
});

test('a lab run leaves the default sandbox strict: a code there is still single use', async ({
	request,
	baseURL
}) => {
	// A lab with reusable codes runs first…
	const lab = await (
		await request.post('/attacks/code-replay/run', { data: { defence: null } })
	).json();
	expect(lab.laxities).toEqual(['reusableCodes']);
	// …then an ordinary client, in the default sandbox, exchanges one code twice.
	const id = 'deadbeefcafe4bad8badf00d5eed1e55';
	const redirect = `${baseURL}/callback`;
	const url = `${baseURL}/emulator/accounts/authorize?${new URLSearchParams({ client_id: id, response_type: 'code', redirect_uri: redirect, state: 's' })}`;
	const consent = await (
		await request.post('/emulator/control/authorize', { data: { url, decision: 'agree' } })
	).json();
	const code = new URL(consent.location).searchParams.get('code')!;
	const exchange = () =>
		request.post('/emulator/accounts/api/token', {
			headers: {
				authorization: `Basic ${Buffer.from(`${id}:a11ce5ec2e7a11ce5ec2e7a11ce5ec2e`).toString('base64')}`
			},
			form: { grant_type: 'authorization_code', code, redirect_uri: redirect }
		});
	expect((await exchange()).status()).toBe(200);
	const again = await exchange();
	expect(again.status()).toBe(400);
	expect(await again.json()).toEqual({
		error: 'invalid_grant',
		error_description: 'Invalid authorization code'
	});
});
