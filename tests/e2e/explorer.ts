import { expect, type Page } from '@playwright/test';

/** Helpers for driving the flow explorer with the keyboard only, as a presenter would. */

export async function openFlow(page: Page, slug: string, query = '') {
	await page.goto(`/flows/${slug}${query}`);
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
}

/** Presses the Right arrow on the page body (the shortcut for "Next step"). */
export async function nextByKey(page: Page) {
	await page.locator('body').press('ArrowRight');
}

export async function expectStep(page: Page, n: number, of: number, name: RegExp | string) {
	await expect(page.getByTestId('step-count')).toHaveText(`Step ${n} of ${of}`);
	await expect(page.getByTestId('step-name')).toHaveText(name);
}

export async function expectMachineState(page: Page, state: string | RegExp) {
	await expect(page.getByTestId('machine-state')).toHaveText(state);
}

/** Tabs to a control and activates it with Enter, as a keyboard user does. */
export async function pressByKeyboard(page: Page, name: string | RegExp) {
	const target = page.getByRole('button', { name });
	for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(target).toBeFocused();
	await page.keyboard.press('Enter');
}

/** The emulator's login and consent pages, by keyboard: Log in, then Agree (or Cancel). */
export async function loginAndConsent(page: Page, answer: 'Agree' | 'Cancel' = 'Agree') {
	await expect(page).toHaveURL(/\/emulator\/accounts\/authorize/);
	await pressByKeyboard(page, 'Log in');
	await expect(page.getByRole('button', { name: answer })).toBeVisible();
	await pressByKeyboard(page, answer);
	await expect(page).toHaveURL(/\/flows\/[a-z-]+#explorer$/);
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
}

/** The newest exchange in the log. */
export function latestExchange(page: Page) {
	return page.getByTestId('exchange').first();
}
