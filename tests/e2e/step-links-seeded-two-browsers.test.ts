import { createHash } from 'node:crypto';
import { expect, test, type Page } from '../fixtures';
import type { Browser, Locator } from '@playwright/test';
import { settledRun } from './explorer';

/**
 * A seeded step link replays to the same run on every screen: two browsers (no shared storage)
 * opening it one after the other read the same state, verifier, challenge, code and tokens; another
 * seed gives other values.
 */

const link = (seed: string) => `/flows/authorization-code-pkce?step=refresh-token&seed=${seed}`;

/**
 * The value in a name/value table row (query parameters, form body) of `scope`. CSS, not roles:
 * older exchanges in the log are folded (closed <details>), out of the accessibility tree.
 */
async function field(scope: Locator, name: string): Promise<string> {
	const row = scope
		.locator('table.fields tbody tr')
		.filter({ has: scope.page().locator('th > code', { hasText: new RegExp(`^${name}$`) }) })
		.first();
	return ((await row.locator('td code.value').textContent()) ?? '').trim();
}

/** The JSON body of an exchange's response. */
async function responseJson(exchange: Locator): Promise<Record<string, unknown>> {
	const text = await exchange.locator('section[aria-label="Response"] pre').textContent();
	return JSON.parse(text ?? '');
}

interface SeenRun {
	state: string;
	stateSent: string;
	codeVerifier: string;
	codeChallenge: string;
	code: string;
	codeSent: string;
	accessToken: string;
	refreshToken: string;
	refreshedAccessToken: string;
	tokenPanelAccess: string;
}

async function readRun(page: Page, seed: string): Promise<SeenRun> {
	await page.goto(link(seed));
	await settledRun(page);
	await expect(page.getByTestId('step-name')).toHaveText('Refresh the access token');
	await expect(page.getByTestId('seed-badge')).toContainText(seed);
	await page.getByRole('checkbox', { name: 'Reveal secrets and tokens' }).check();

	const callback = page.getByRole('region', { name: 'The redirect back' });
	const token = page.locator('[data-testid="exchange"][data-purpose="token"]');
	const refresh = page.locator('[data-testid="exchange"][data-purpose="refresh"]');
	await expect(token).toHaveCount(1);
	await expect(refresh).toHaveCount(1);
	const tokens = await responseJson(token);
	const refreshed = await responseJson(refresh);
	const run = {
		codeVerifier: await field(token, 'code_verifier'),
		codeSent: await field(token, 'code'),
		accessToken: String(tokens.access_token),
		refreshToken: String(tokens.refresh_token),
		refreshedAccessToken: String(refreshed.access_token),
		tokenPanelAccess: ((await page.getByTestId('access-token').textContent()) ?? '').trim()
	};

	// Back (nothing is sent) to the callback as it came, then to the authorize request as built.
	const backTo = async (step: string) => {
		while ((await page.getByTestId('step-count').textContent()) !== step) {
			await settledRun(page);
			await page.locator('body').press('ArrowLeft');
		}
	};
	await backTo('Step 4 of 7');
	const cameBack = { state: await field(callback, 'state'), code: await field(callback, 'code') };
	while ((await page.getByTestId('step-count').textContent()) !== 'Step 2 of 7') {
		await settledRun(page);
		await page.locator('body').press('ArrowLeft');
	}
	await expect(page.getByTestId('step-name')).toHaveText('Send the user to Spotify');
	const authorize = new URL(
		(await page.getByTestId('pending').locator('.full-url code').textContent()) ?? ''
	);
	return {
		...run,
		...cameBack,
		stateSent: authorize.searchParams.get('state') ?? '',
		codeChallenge: authorize.searchParams.get('code_challenge') ?? ''
	};
}

async function inFreshBrowser(browser: Browser, seed: string): Promise<SeenRun> {
	const context = await browser.newContext();
	try {
		return await readRun(await context.newPage(), seed);
	} finally {
		await context.close();
	}
}

test('the same seeded link gives two browsers byte-identical state, verifier, challenge, code and tokens; another seed does not', async ({
	browser
}) => {
	// Three full runs to the last step, one after the other.
	test.setTimeout(90_000);
	const first = await inFreshBrowser(browser, 'workshop');
	const second = await inFreshBrowser(browser, 'workshop');

	// The run is real and coherent on its own…
	expect(first.state).toMatch(/^\S{8,}$/);
	expect(first.stateSent).toBe(first.state);
	expect(first.codeVerifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
	expect(first.codeChallenge).toBe(
		createHash('sha256').update(first.codeVerifier).digest('base64url')
	);
	expect(first.code).toMatch(/^AQ/);
	expect(first.codeSent).toBe(first.code);
	expect(first.accessToken).toMatch(/^\S{20,}$/);
	expect(first.refreshToken).toMatch(/^\S{20,}$/);
	expect(first.tokenPanelAccess).toBe(first.refreshedAccessToken);
	// …and the second browser saw exactly the same one.
	expect(second).toEqual(first);

	const other = await inFreshBrowser(browser, 'another-class');
	for (const key of [
		'state',
		'codeVerifier',
		'codeChallenge',
		'code',
		'accessToken',
		'refreshToken',
		'refreshedAccessToken'
	] as const)
		expect(other[key], key).not.toBe(first[key]);
});
