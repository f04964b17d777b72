import { expect, seriousAxeViolations, test, type Page } from '../fixtures';

/** For each exercise, a mistaken answer made from the shown solution, and the mistake it names. */
const mistaken: Record<string, { make: (solution: string) => string; mistake: RegExp }> = {
	'authorize-url-code': {
		make: (s) => s.replace('response_type=code', 'response_type=token'),
		mistake: /^response-type-token$/
	},
	'authorize-url-pkce': {
		make: (s) => s.replace('code_challenge=', 'code_challange='),
		mistake: /^misspelt-parameter$/
	},
	'pkce-challenge': { make: (s) => `${s}=`, mistake: /^challenge-padded$/ },
	'basic-header': {
		make: (s) => s.replace(/Basic (\S+)/, "Basic b'$1'"),
		mistake: /^basic-bytes-repr$/
	},
	'token-request-code': {
		make: (s) => s.replace('application/x-www-form-urlencoded', 'application/json'),
		mistake: /^body-as-json$/
	},
	'token-request-pkce': {
		make: (s) => s.replace('code_verifier=', 'code_verifer='),
		mistake: /^misspelt-parameter$/
	},
	'token-request-client-credentials': {
		make: (s) => s.replace('client_credentials', 'client-credentials'),
		mistake: /^misspelt-grant-type$/
	},
	'refresh-request': {
		make: (s) => s.replace('grant_type=refresh_token', 'grant_type=refresh'),
		mistake: /^misspelt-grant-type$/
	},
	'redirect-uris': {
		make: (s) => {
			const lines = s.split('\n');
			const i = lines.findIndex((l) => l !== 'ok');
			lines[i] = 'ok';
			return lines.join('\n');
		},
		mistake: /redirect-uri$/
	},
	'error-triage': {
		make: (s) =>
			s.replace(/step: (\S+)/, (_, step) => `step: ${step === 'token' ? 'authorize' : 'token'}`),
		mistake: /^wrong-step$/
	},
	'choose-flow': {
		make: (s) =>
			s
				.split('\n')
				.map(() => 'implicit grant')
				.join('\n'),
		mistake: /^flow-implicit-grant$/
	},
	'spot-the-bug': { make: () => 'line 99', mistake: /^wrong-line$/ }
};

const slugs = Object.keys(mistaken);

async function solutionOf(page: Page): Promise<string> {
	const text = await page
		.locator('details', { hasText: 'Show a solution' })
		.locator('pre')
		.textContent();
	return (text ?? '').trim();
}

async function check(page: Page, answer: string) {
	await page.getByLabel(/./, { exact: false }).first(); // the page is ready
	await page.locator('textarea[name="answer"]').fill(answer);
	await page.getByRole('button', { name: 'Check' }).click();
}

test('the index lists the twelve exercises, each with its link', async ({ page }) => {
	await page.goto('/exercises');
	const links = page.locator('ol.exercises h2 a');
	await expect(links).toHaveCount(12);
	expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
		slugs.map((s) => `/exercises/${s}`)
	);
});

test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	for (const slug of slugs)
		test(`${slug}: the solution passes and a mistake is named, graded on the server`, async ({
			page
		}) => {
			await page.goto(`/exercises/${slug}`);
			const form = page.locator('form', { has: page.getByRole('button', { name: 'Check' }) });
			await expect(form).toHaveAttribute('method', 'POST');
			const solution = await solutionOf(page);
			const seed = await page.locator('input[name="seed"]').inputValue();

			await check(page, mistaken[slug].make(solution));
			await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'fail');
			const named = await page
				.locator('[data-mistake]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-mistake')));
			expect(
				named.some((id) => mistaken[slug].mistake.test(id ?? '')),
				named.join(', ')
			).toBe(true);
			// The attempt is kept, and the answer is never in the address bar.
			expect(await page.locator('input[name="seed"]').inputValue()).toBe(seed);
			expect(new URL(page.url()).search).not.toContain('answer');

			await check(page, solution);
			await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'pass');
			await expect(page.getByTestId('tool-status')).toHaveText(/Correct/);
		});

	test('a secret the exercise did not give is masked in the refilled answer', async ({ page }) => {
		await page.goto('/exercises/token-request-client-credentials');
		const real = 'client_secret=0f0e0d0c0b0a09080706050403020100';
		await check(
			page,
			`curl -X POST https://accounts.spotify.com/api/token -d grant_type=client_credentials -d ${real}`
		);
		await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'fail');
		await expect(page.locator('textarea[name="answer"]')).not.toHaveValue(/0f0e0d0c0b0a0908/);
		await expect(page.locator('textarea[name="answer"]')).toHaveValue(/REDACTED/);
	});

	test('hints open one at a time, and Reset starts a new attempt', async ({ page }) => {
		await page.goto('/exercises/basic-header');
		const seed = await page.locator('input[name="seed"]').inputValue();
		await page.getByText('Hint 1 of 3').click();
		await expect(page.getByText(/Join the Client ID and the secret/)).toBeVisible();
		await expect(page.getByText(/printf %s/)).toBeHidden();
		await page.getByRole('link', { name: 'Reset' }).click();
		expect(await page.locator('input[name="seed"]').inputValue()).not.toBe(seed);
	});
});

test.describe('with JavaScript on', () => {
	for (const slug of slugs)
		test(`${slug}: Check answers in place, and the browser keeps the progress`, async ({
			page
		}) => {
			await page.goto(`/exercises/${slug}`);
			// Hydrated: the enhanced form answers in place (an answer typed before would be reset).
			await expect(page.locator('form[data-live]')).toBeAttached();
			const solution = await solutionOf(page);
			// A marker that a full page load would wipe: the enhanced form answers in place.
			await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
			await check(page, mistaken[slug].make(solution));
			await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'fail');
			const named = await page
				.locator('[data-mistake]')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-mistake')));
			expect(
				named.some((id) => mistaken[slug].mistake.test(id ?? '')),
				named.join(', ')
			).toBe(true);
			await check(page, solution);
			await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'pass');
			expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
			const progress = await page.evaluate(() => localStorage.getItem('grantwalk:exercises'));
			expect(JSON.parse(progress ?? '{}')).toHaveProperty(slug);
		});

	test('the index shows what this browser solved', async ({ page }) => {
		await page.goto('/exercises');
		await page.evaluate(() =>
			localStorage.setItem(
				'grantwalk:exercises',
				JSON.stringify({ 'basic-header': { solved: '2026-12-01' } })
			)
		);
		await page.reload();
		await expect(page.getByTestId('progress')).toHaveText('You solved 1 of 12.');
		await page.goto('/exercises/basic-header');
		await expect(page.getByTestId('solved-before')).toBeVisible();
	});

	test('an exercise with its result and hints open has no serious axe violations', async ({
		page
	}) => {
		test.setTimeout(test.info().timeout * 2);
		await page.goto('/exercises/token-request-code');
		await expect(page.locator('form[data-live]')).toBeAttached();
		await check(
			page,
			'curl -X POST https://accounts.spotify.com/api/token --json \'{"grant_type":"authorization-code"}\''
		);
		await expect(page.getByTestId('tool-status')).toHaveAttribute('data-level', 'fail');
		for (const summary of await page.locator('summary').all()) await summary.click();
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
});

// One test per exercise, so the twelve pages spread over the workers.
for (const slug of slugs)
	test(`${slug} fits a phone (390 px) and has no serious axe violations`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/exercises/${slug}`);
		for (const summary of await page.locator('summary').all()) await summary.click();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
		expect(await seriousAxeViolations(page)).toEqual([]);
	});
