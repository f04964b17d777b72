import { createHash } from 'node:crypto';
import { expect, saveScreenshots, test, type Page } from '../fixtures';
import { pressByKeyboard } from './explorer';

/**
 * The explorer's promise: after every "Next step" the current exchange is on screen with the
 * stepper, at a projector's 1280×900 and a phone's 390×844, in all four flows to their end. Each
 * step is saved as a screenshot, light and dark, under screenshots/steps/ for review.
 */
const sizes = [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
] as const;
const flows = [
	'authorization-code',
	'authorization-code-pkce',
	'client-credentials',
	'implicit-grant'
];

async function openRun(page: Page, slug: string) {
	await page.goto(`/flows/${slug}`);
	const run = page.getByTestId('show-run');
	const next = page.getByRole('button', { name: 'Next step' });
	// Stacked, "Read | Run" picks the pane; side by side both show and the choice is hidden.
	await expect(page.locator('.flow-layout[data-pane]')).toBeAttached();
	if (await run.isVisible()) await run.click();
	await expect(next).toBeVisible();
}

async function settled(page: Page) {
	await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
}

async function shoot(page: Page, name: string) {
	if (!saveScreenshots) return;
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `screenshots/steps/${name}-${scheme}.png` });
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

for (const slug of flows)
	for (const size of sizes)
		test(`${slug} at ${size.width}×${size.height}: the current exchange is in view after every Next`, async ({
			page
		}) => {
			// Two screenshots per step (light and dark) of up to seven steps: on a loaded 2-core
			// machine PKCE's run passed 30 s once.
			test.setTimeout(90_000);
			await page.setViewportSize(size);
			await openRun(page, slug);
			await settled(page);
			const region = page.getByRole('region', { name: 'Current exchange' });
			const next = page.getByRole('button', { name: 'Next step' });
			await shoot(page, `${slug}-${size.width}-01`);
			for (let n = 2; n < 14; n++) {
				if ((await next.getAttribute('aria-disabled')) === 'true') break;
				const leaving = (await page.getByTestId('machine-state').textContent()) === 'userConsents';
				await page.locator('body').press('ArrowRight');
				// At the consent step Next is the browser's real visit to the emulator's pages.
				if (leaving) {
					await page.waitForURL(/\/emulator\/accounts\/authorize/);
					await pressByKeyboard(page, 'Log in');
					const agree = page.getByRole('button', { name: 'Agree' });
					await expect(agree.or(next)).toBeVisible();
					if (await agree.isVisible()) await pressByKeyboard(page, 'Agree');
					await expect(next).toBeVisible();
				}
				await settled(page);
				const state = (await page.getByTestId('machine-state').textContent()) ?? '';
				await expect(region, `step ${n} (${state})`).toBeInViewport();
				await expect(page.getByTestId('step-count')).toBeInViewport();
				// A request step that was sent holds its answer's status line, on screen.
				if (state.endsWith('.done')) {
					const status = region.getByTestId('status-line').first();
					await expect(status, `step ${n} (${state})`).toBeInViewport();
				}
				await shoot(page, `${slug}-${size.width}-${String(n).padStart(2, '0')}`);
			}
			await expect(page.getByTestId('flow-complete')).toBeVisible();
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width).toBeLessThanOrEqual(size.width);
		});

test('PKCE step 1 shows the verifier, its SHA-256 and the challenge that is their S256', async ({
	page
}) => {
	await page.goto('/flows/authorization-code-pkce');
	const values = page.getByTestId('step-values');
	const verifier = await values.locator('[data-value-name="code_verifier"]').textContent();
	const digest = await values
		.locator('[data-value-name="SHA-256(code_verifier), hex"]')
		.textContent();
	const challenge = await values.locator('[data-value-name="code_challenge"]').textContent();
	const sha = createHash('sha256').update(verifier!).digest();
	expect(digest).toBe(sha.toString('hex'));
	expect(challenge).toBe(sha.toString('base64url'));
	await expect(page.getByRole('button', { name: 'Copy code_verifier' })).toBeVisible();
});

test('with "standard base64" on, PKCE step 1 shows the challenge sent beside the right one', async ({
	page
}) => {
	await page.goto('/flows/authorization-code-pkce?break=standardBase64Challenge');
	const values = page.getByTestId('step-values');
	const verifier = await values.locator('[data-value-name="code_verifier"]').textContent();
	const sha = createHash('sha256').update(verifier!).digest();
	await expect(
		values.locator('[data-value-name="code_challenge (as this run sends it)"]')
	).toHaveText(sha.toString('base64'));
	await expect(
		values.locator('[data-value-name="code_challenge (what Spotify computes)"]')
	).toHaveText(sha.toString('base64url'));
});

test('the explanation of the step shown speaks of this run: its origin and its values', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/flows/authorization-code-pkce');
	await settled(page);
	await page.locator('body').press('ArrowRight');
	await settled(page);
	const state = await page
		.getByTestId('step-values')
		.locator('[data-value-name="state"]')
		.textContent();
	const section = page.locator('#step-request-authorization');
	const thisRun = section.getByTestId('this-run');
	await expect(thisRun).toContainText(new URL(page.url()).origin);
	await expect(thisRun.getByRole('definition').filter({ hasText: state! })).toHaveCount(1);
	await expect(thisRun).toContainText(`${new URL(page.url()).origin}/callback`);
	// Only the step shown carries it.
	await expect(page.getByTestId('this-run')).toHaveCount(1);
});

test('the statechart, drawn at build time, highlights the state the run is in', async ({
	page
}) => {
	await page.goto('/flows/authorization-code?step=exchange-code');
	await settled(page);
	await expect(page.getByTestId('machine-state')).toHaveText('exchangeCode.done');
	await page.getByTestId('statechart').locator('summary').click();
	const chart = page.getByTestId('statechart');
	await expect(chart.locator('[data-state="exchangeCode.done"]')).toHaveClass(/\bactive\b/);
	await expect(chart.locator('[data-state="receiveCallback"]')).not.toHaveClass(/\bactive\b/);
	await expect(chart.getByTestId('statechart-outline').locator('[aria-current="step"]')).toHaveText(
		/^done/
	);
	// The highlight follows the step: one back, and the callback is current.
	await page.getByRole('button', { name: 'Previous step' }).click();
	await page.getByRole('button', { name: 'Previous step' }).click();
	await expect(page.getByTestId('machine-state')).toHaveText('receiveCallback');
	await expect(chart.locator('[data-state="receiveCallback"]')).toHaveClass(/\bactive\b/);
});
