/**
 * The attack labs in Chromium, by keyboard only: every lab's attack succeeds with its defence off
 * and is blocked with each defence on, with the emulator's (or the app's) exact answer in the
 * verdict's live region, or still succeeds with a partial defence, naming the channels that leak;
 * the matrix on /attacks holds what the runs answer; axe; 390 px phones; the prose without
 * JavaScript; a link to a lab step.
 */
import { labs } from '../../src/lib/attacks/labs';
import type { Lab } from '../../src/lib/attacks/labs';
import type { DefenceId } from '../../src/lib/attacks/types';
import {
	expectedBlocks,
	implicitLeaks,
	stillSucceeds,
	successText
} from '../../src/lib/server/labs/expected.test-helpers';
import { expect, seriousAxeViolations, test, watchConsole, type Page } from '../fixtures';

const verdict = (page: Page) => page.getByRole('status').filter({ hasText: 'Attack' });

/** Presses Tab (or Shift+Tab) until `name`d control has the focus. */
async function tabTo(page: Page, matches: () => Promise<boolean>, back = false) {
	for (let i = 0; i < 40; i++) {
		if (await matches()) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error('never reached the control by keyboard');
}

const focusedIs = (page: Page, role: string, name: string) => () =>
	page.evaluate(
		([role, name]) => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return false;
			const r =
				el.getAttribute('role') ??
				(el.tagName === 'BUTTON'
					? 'button'
					: el.tagName === 'INPUT'
						? (el as HTMLInputElement).type
						: '');
			const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
			return r === role && (name === '' || text.startsWith(name));
		},
		[role, name]
	);

/** Opens the lab, turns on `defence` (or not) and runs the attack, all by keyboard. */
async function runByKeyboard(page: Page, lab: Lab, defence: DefenceId | null) {
	await page.goto(`/attacks/${lab.slug}`);
	await expect(page.getByRole('button', { name: 'Run the attack' })).toBeEnabled();
	// The first Tab reaches the skip link to the run.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to Run the attack' })).toBeFocused();
	await page.keyboard.press('Enter');
	if (defence) {
		await tabTo(page, focusedIs(page, 'switch', 'Defence'), true);
		await page.keyboard.press('Space');
		await expect(page.getByRole('switch', { name: 'Defence', exact: true })).toHaveAttribute(
			'aria-checked',
			'true'
		);
		const index = lab.defences.findIndex((d) => d.id === defence);
		if (index > 0) {
			await page.keyboard.press('Tab');
			for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
			await expect(page.getByRole('radio', { name: lab.defences[index].label })).toBeChecked();
		}
	}
	await tabTo(page, focusedIs(page, 'button', 'Run the attack'));
	await page.keyboard.press('Enter');
	await expect(verdict(page)).toBeVisible();
}

for (const lab of labs) {
	test.describe(lab.slug, () => {
		test('the attack succeeds with the defence off', async ({ page }) => {
			const problems = watchConsole(page);
			await runByKeyboard(page, lab, null);
			await expect(verdict(page)).toContainText(successText[lab.slug]);
			await expect(page.getByRole('switch', { name: 'Defence', exact: true })).toHaveAttribute(
				'aria-checked',
				'false'
			);
			expect(problems).toEqual([]);
		});

		for (const defence of lab.defences.filter((d) => stillSucceeds[lab.slug]?.includes(d.id))) {
			test(`it still succeeds with “${defence.label}”, a partial defence`, async ({ page }) => {
				await runByKeyboard(page, lab, defence.id);
				await expect(verdict(page)).toContainText(successText[lab.slug]);
				const leaks = lab.slug === 'implicit-token-leak' ? implicitLeaks[defence.id] : undefined;
				if (!leaks) return;
				// The verdict names each channel that carried the token in this run, and only those.
				const leaked = verdict(page).locator('.channels li[data-leaked="true"]');
				await expect(leaked).toHaveCount(leaks.length);
				expect(await leaked.evaluateAll((els) => els.map((e) => e.dataset.channel))).toEqual(leaks);
			});
		}

		for (const defence of lab.defences.filter((d) => expectedBlocks[lab.slug][d.id])) {
			test(`it is blocked with “${defence.label}”, with the exact answer`, async ({ page }) => {
				await runByKeyboard(page, lab, defence.id);
				const expected = expectedBlocks[lab.slug][defence.id]!;
				await expect(verdict(page)).toContainText('Attack blocked');
				await expect(verdict(page).locator('.refusal')).toHaveText(
					expected.by === 'emulator' ? expected.body : expected.message
				);
			});
		}
	});
}

test('the Defence switch reruns the same attack, and step by step reveals one step at a time', async ({
	page
}) => {
	const lab = labs.find((l) => l.slug === 'code-replay')!;
	await page.goto(`/attacks/${lab.slug}`);
	await page.getByLabel('Step by step').check();
	await page.getByRole('button', { name: 'Run the attack' }).press('Enter');
	const steps = page.locator('ol.steps > li');
	await expect(steps).toHaveCount(1);
	await expect(verdict(page)).toHaveCount(0);
	const next = page.getByRole('button', { name: 'Next attack step' });
	while (await next.isVisible()) await next.press('Enter');
	await expect(verdict(page)).toContainText(successText[lab.slug]);
	await page.getByRole('switch', { name: 'Defence', exact: true }).press('Space');
	// The same attack again, from its first step: still step by step.
	await expect(steps).toHaveCount(1);
	await page.getByRole('button', { name: 'Show every step' }).press('Enter');
	await expect(verdict(page)).toContainText('Invalid authorization code');
});

test('a link to a lab step runs the lab to that step', async ({ page }) => {
	await page.goto('/attacks/code-replay?defence=single-use-codes&step=app-exchanges-again');
	const step = page.locator('#step-app-exchanges-again');
	await expect(step).toBeVisible();
	await expect(step).toContainText('Invalid authorization code');
	// Steps after it (the victim's session checking its tokens) wait, and so does the verdict.
	await expect(page.locator('ol.steps > li').last()).toHaveId('step-app-exchanges-again');
	await expect(verdict(page)).toHaveCount(0);
	await page.getByRole('button', { name: 'Show every step' }).press('Enter');
	await expect(page.locator('#step-victim-app-uses-token')).toBeVisible();
	await expect(verdict(page)).toContainText('Invalid authorization code');
});

test('the matrix on /attacks holds what every run answered', async ({ page }) => {
	await page.goto('/attacks');
	await expect(page.getByRole('link', { name: 'Attack labs' }).first()).toHaveAttribute(
		'aria-current',
		'page'
	);
	for (const lab of labs) {
		const row = page.locator(`tr[data-lab="${lab.slug}"]`);
		await expect(row.locator('td[data-defence="none"]')).toHaveText('Attack succeeded');
		for (const d of lab.defences)
			await expect(row.locator(`td[data-defence="${d.id}"]`)).toHaveText(
				stillSucceeds[lab.slug]?.includes(d.id) ? 'Attack succeeded' : 'Attack blocked'
			);
		await expect(row.locator('td', { hasText: 'Attack' })).toHaveCount(1 + lab.defences.length);
	}
});

test('axe: /attacks, light and dark', async ({ page }) => {
	test.setTimeout(test.info().timeout * 2);
	await page.goto('/attacks');
	expect(await seriousAxeViolations(page)).toEqual([]);
});

for (const lab of labs)
	test(`axe: ${lab.slug} after a run with its defence, light and dark`, async ({ page }) => {
		test.setTimeout(test.info().timeout * 2);
		await runByKeyboard(page, lab, lab.defences[0].id);
		expect(await seriousAxeViolations(page)).toEqual([]);
	});

test('no page is wider than a 390 px phone', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const width = () => page.evaluate(() => document.documentElement.scrollWidth);
	await page.goto('/attacks');
	expect(await width()).toBeLessThanOrEqual(390);
	for (const lab of labs) {
		await page.goto(`/attacks/${lab.slug}`);
		await page.getByRole('button', { name: 'Run the attack' }).click();
		await expect(verdict(page)).toBeVisible();
		expect(await width(), lab.slug).toBeLessThanOrEqual(390);
	}
	await context.close();
});

test('without JavaScript the labs read, and say running needs it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/attacks/pkce-downgrade');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('PKCE downgrade');
	await expect(page.getByText('RFC 9700 §4.8.2')).toBeVisible();
	await expect(page.getByText('Running the attack needs JavaScript')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Spotify today' })).toBeVisible();
	await page.goto('/attacks');
	await expect(page.locator('tr[data-lab="pkce-downgrade"] td[data-defence="none"]')).toHaveText(
		'Attack succeeded'
	);
	await context.close();
});
