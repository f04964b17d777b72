import { expect, test } from '../fixtures';
import { settledRun } from './explorer';

/** Reaching the run: one Tab from page load, headings in order, a small stepper on a phone. */

test('one Tab from page load reaches a skip link to Next step, and Enter lands on it', async ({
	page
}) => {
	await page.goto('/flows/authorization-code');
	await settledRun(page);
	await expect(page.getByTestId('machine-state')).toHaveText('requestAuthorization');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to Next step' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
	// Enter on the link only moves the focus; Enter on the button is one step.
	await expect(page.getByTestId('machine-state')).toHaveText('requestAuthorization');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('machine-state')).toHaveText('userConsents');
});

test('on a phone the skip link opens the Run pane, and the sticky stepper stays small', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/flows/authorization-code-pkce');
	await expect(page.locator('.flow-layout[data-pane]')).toBeAttached();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	const next = page.getByRole('button', { name: 'Next step' });
	await expect(next).toBeFocused();
	await page.keyboard.press('Enter');
	await settledRun(page);
	// Scrolled down the run, the stepper sticks at the top: under a fifth of the screen.
	await page.mouse.wheel(0, 1500);
	const bar = await page.getByTestId('stepper-bar').boundingBox();
	expect(bar!.y).toBeLessThanOrEqual(1);
	expect(bar!.height).toBeLessThan(844 * 0.2);
});

test('the headings of a flow page go down one level at a time', async ({ page }) => {
	await page.goto('/flows/authorization-code-pkce?step=refresh-token');
	await settledRun(page);
	const levels = await page
		.locator('main')
		.locator('h1, h2, h3, h4, h5, h6')
		.evaluateAll((hs) =>
			hs.filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1]))
		);
	expect(levels[0]).toBe(1);
	const jumps = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1] + 1 ? [i] : []));
	expect(jumps, `levels in order: ${levels.join(' ')}`).toEqual([]);
});
