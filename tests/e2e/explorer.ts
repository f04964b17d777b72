import { expect, type Page } from '@playwright/test';

/** Helpers for driving the flow explorer with the keyboard only, as a presenter would. */

export async function openFlow(page: Page, slug: string, query = '') {
	await page.goto(`/flows/${slug}${query}`);
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
}

/**
 * Presses the Right arrow on the page body (the shortcut for "Next step"), once the previous
 * request is answered: while one is in flight the stepper ignores keys, as a presenter would see.
 */
export async function nextByKey(page: Page) {
	await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
	await page.locator('body').press('ArrowRight');
}

export async function expectStep(page: Page, n: number, of: number, name: RegExp | string) {
	await expect(page.getByTestId('step-count')).toHaveText(`Step ${n} of ${of}`);
	await expect(page.getByTestId('step-name')).toHaveText(name);
}

export async function expectMachineState(page: Page, state: string | RegExp) {
	await expect(page.getByTestId('machine-state')).toHaveText(state);
}

/**
 * Tabs to a control and activates it with Enter, as a keyboard user does: a few steps back first
 * (the control is often just before the focus, in the same panel), then forward through the page.
 */
export async function pressByKeyboard(page: Page, name: string | RegExp) {
	const target = page.getByRole('button', { name });
	const focused = () => target.evaluate((el) => el === document.activeElement);
	for (const [key, tries] of [
		['Shift+Tab', 12],
		['Tab', 250]
	] as const)
		for (let i = 0; i < tries && !(await focused()); i++) await page.keyboard.press(key);
	await expect(target).toBeFocused();
	await page.keyboard.press('Enter');
}

/**
 * The emulator's login and consent pages, by keyboard: Log in, then Agree (or Cancel). As on
 * Spotify, a user who already approved the app is sent straight back without the consent page,
 * unless the flow asked for show_dialog=true (see alwaysShowConsent).
 */
export async function loginAndConsent(page: Page, answer: 'Agree' | 'Cancel' = 'Agree') {
	// Step 2, "The user logs in and consents", is shown first; its Next leaves for /authorize.
	if (!/\/emulator\/accounts\/authorize/.test(page.url())) {
		await expect(page.getByTestId('machine-state')).toHaveText('userConsents');
		await nextByKey(page);
	}
	await expect(page).toHaveURL(/\/emulator\/accounts\/authorize/);
	await pressByKeyboard(page, 'Log in');
	const consent = page.getByRole('button', { name: answer });
	const back = page.getByRole('button', { name: 'Next step' });
	await expect(consent.or(back)).toBeVisible();
	if (answer === 'Cancel' || (await consent.isVisible())) await pressByKeyboard(page, answer);
	await expect(page).toHaveURL(/\/flows\/[a-z-]+\?step=[a-z-]+[^#]*#explorer$/);
	await expect(back).toBeVisible();
}

/** Target settings: always show the consent page (show_dialog=true); the flow starts over. */
export async function alwaysShowConsent(page: Page) {
	await page.locator('summary', { hasText: 'Target:' }).click();
	await page.getByRole('checkbox', { name: /Always show the consent page/ }).check();
	await page.getByRole('button', { name: 'Use these settings and start over' }).click();
	await expect(page.getByTestId('pending')).toContainText('show_dialog');
}

/** The newest exchange in the log. */
export function latestExchange(page: Page) {
	return page.getByTestId('exchange').first();
}

/** Opens the "Break it" panel and switches one mistake on (the flow starts over with it). */
export async function breakIt(page: Page, label: string) {
	await page.locator('summary', { hasText: 'Break it' }).click();
	await page.getByRole('checkbox', { name: label }).check();
	await expect(page.getByTestId('mistake-badge').filter({ hasText: label })).toBeVisible();
}

/** The error card of an error state, with Spotify's exact words. */
export async function expectFlowError(page: Page, kind: string, wire: string | RegExp) {
	const card = page.getByTestId('flow-error');
	await expect(card).toHaveAttribute('data-kind', kind);
	await expect(card.getByTestId('flow-error-code')).toHaveText(wire);
	return card;
}

/**
 * Waits until the explorer has started and any link it was opened with is replayed: the run is
 * shown and no request is in flight.
 */
export async function settledRun(page: Page) {
	await expect(page.getByTestId('step-count')).toBeVisible();
	await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
}
