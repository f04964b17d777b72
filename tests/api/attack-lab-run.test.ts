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
	expect(run.strict).toEqual([]);
	for (const step of run.steps)
		if (step.exchange)
			expect(step.exchange.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emulator\//);
});

test('a strict defence is named in the run, and the replayed code’s first token dies with it', async ({
	request
}) => {
	const run = await (
		await request.post('/attacks/code-replay/run', { data: { defence: 'revoke-on-code-replay' } })
	).json();
	expect(run.strict).toEqual(['revokeTokensOnCodeReplay']);
	expect(run.laxities).toEqual([]);
	const step = run.steps.find((s: { id: string }) => s.id === 'victim-app-uses-token');
	expect(step.exchange.response.status).toBe(401);
});

test('refuses an unknown lab or defence', async ({ request }) => {
	expect(
		(await request.post('/attacks/no-such-lab/run', { data: { defence: null } })).status()
	).toBe(404);
	expect(
		(await request.post('/attacks/code-replay/run', { data: { defence: 'pkce' } })).status()
	).toBe(400);
});

test('a lab run leaves the default sandbox as Spotify is: a code there is single use, and its tokens outlive a replay', async ({
	request,
	baseURL
}) => {
	// A lab with reusable codes runs first, and one that revokes on replay…
	const lab = await (
		await request.post('/attacks/code-replay/run', { data: { defence: null } })
	).json();
	expect(lab.laxities).toEqual(['reusableCodes']);
	await request.post('/attacks/code-replay/run', { data: { defence: 'revoke-on-code-replay' } });
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
	const first = await exchange();
	expect(first.status()).toBe(200);
	const { access_token: token } = await first.json();
	const again = await exchange();
	expect(again.status()).toBe(400);
	expect(await again.json()).toEqual({
		error: 'invalid_grant',
		error_description: 'Invalid authorization code'
	});
	// …and the default sandbox does not revoke on replay (Spotify is not known to): the token works.
	const me = await request.get('/emulator/api/v1/me', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(me.status()).toBe(200);
});
