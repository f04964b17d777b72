import { expect, seriousAxeViolations, test } from '../fixtures';
import { expectStep, nextByKey, openFlow } from './explorer';

test('?present opens a flow page in presenter mode: large type, no site chrome, a visible badge', async ({
	page
}) => {
	await openFlow(page, 'authorization-code', '?present');
	const badge = page.getByTestId('presenting-badge');
	await expect(badge).toBeVisible();
	await expect(page.locator('.site-header')).toBeHidden();
	const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
	expect(parseFloat(size)).toBeGreaterThan(20);

	await page.locator('body').press('p');
	await expect(badge).toHaveCount(0);
	await expect(page.locator('.site-header')).toBeVisible();
});

test('P toggles presenter mode, but not while typing in a field', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	await page.locator('body').press('P');
	await expect(page.getByTestId('presenting-badge')).toBeVisible();
	await page.locator('body').press('P');
	await expect(page.getByTestId('presenting-badge')).toHaveCount(0);
	await page.evaluate(() => {
		const field = document.createElement('input');
		field.id = 'scratch-field';
		document.body.append(field);
	});
	await page.locator('#scratch-field').press('p');
	await expect(page.getByTestId('presenting-badge')).toHaveCount(0);
});

test('presenting, the explanation is cut to the current step', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	await expect(page.locator('#step-request-token')).toBeVisible();
	await expect(page.locator('#step-call-web-api')).toBeHidden();
	await expect(page.getByRole('heading', { name: 'The steps' })).toBeHidden();
	await expect(page.getByLabel('At a glance')).toBeHidden();
	await nextByKey(page);
	await nextByKey(page);
	await expectStep(page, 2, 2, /Call the Web API/);
	await expect(page.locator('#step-call-web-api')).toBeVisible();
	await expect(page.locator('#step-request-token')).toBeHidden();
	// Leaving presenter mode brings the whole explanation back.
	await page.locator('body').press('p');
	await expect(page.locator('#step-request-token')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'The steps' })).toBeVisible();
});

test('presenting, the client secret is blurred even when revealed; tokens stay readable', async ({
	page
}) => {
	await openFlow(page, 'client-credentials', '?present');
	const current = page.getByTestId('current-exchange');
	await page.getByLabel('Reveal secrets and tokens').check();
	const basic = current.locator('code[data-secret]', { hasText: /^Basic / });
	await expect(basic).toBeVisible();
	const blur = () => basic.evaluate((el) => getComputedStyle(el).filter);
	expect(await blur()).toMatch(/blur/);
	await nextByKey(page);
	await nextByKey(page);
	const token = page.getByTestId('access-token');
	await expect(token).toHaveText(/^BQ/);
	expect(await token.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
	// Not presenting, nothing is blurred: Reveal decides alone.
	await page.locator('body').press('p');
	await page.getByRole('button', { name: 'Previous step' }).click();
	await expect(basic).toBeVisible();
	expect(await blur()).toBe('none');
});

test('Z zooms on the current exchange, Z or Escape zooms out', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	const current = page.getByTestId('current-exchange');
	const size = () => current.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	const before = await size();
	await page.locator('body').press('z');
	await expect(page.getByRole('button', { name: 'Zoom on the exchange' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.locator('[data-explanation-pane]')).toBeHidden();
	await expect(page.getByTestId('follow-room')).toBeHidden();
	await expect(current).toBeVisible();
	await expect(page.getByRole('button', { name: 'Next step' })).toBeVisible();
	expect(await size()).toBeGreaterThan(before);
	await page.locator('body').press('Escape');
	await expect(page.locator('[data-explanation-pane]')).toBeVisible();
	await page.locator('body').press('Z');
	await expect(page.locator('[data-explanation-pane]')).toBeHidden();
	await page.locator('body').press('Z');
	await expect(page.locator('[data-explanation-pane]')).toBeVisible();
});

test('. blanks the screen; . or Escape brings it back', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	const blank = page.getByTestId('blank-screen');
	await page.locator('body').press('.');
	await expect(blank).toBeVisible();
	const box = (await blank.boundingBox())!;
	expect(box.width).toBe(page.viewportSize()!.width);
	expect(box.height).toBe(page.viewportSize()!.height);
	await page.keyboard.press('.');
	await expect(blank).toHaveCount(0);
	await page.locator('body').press('.');
	await expect(blank).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(blank).toHaveCount(0);
});

test('a tools key pressed while the tools still load is not lost', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	// The tools load on the first P: hold their script back, as a slow network would.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.locator('body').press('p');
	await expect(page.getByTestId('presenting-badge')).toBeVisible();
	await page.locator('body').press('.');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
	await expect(page.getByTestId('blank-screen')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
});

test('? lists the keys in a dialog that holds the focus and gives it back', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	const keysButton = page.getByRole('button', { name: 'Keys', exact: true });
	await keysButton.focus();
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Presenter keys' });
	await expect(dialog).toBeVisible();
	for (const key of ['P', 'Z', '.', 'C', '?', '→ ←'])
		await expect(dialog.getByRole('rowheader').filter({ hasText: key }).first()).toBeVisible();
	// Focus stays in the dialog: tabbing never reaches the page behind it.
	for (let i = 0; i < 4; i++) {
		await page.keyboard.press('Tab');
		expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
	}
	// Keys do nothing behind the dialog.
	await page.keyboard.press('.');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(keysButton).toBeFocused();
});

test('presenter keys never fire while typing in a field', async ({ page }) => {
	await openFlow(page, 'client-credentials', '?present');
	const field = page.getByLabel('Presenter key (when the server printed one)');
	await field.fill('');
	await field.pressSequentially('z.?c');
	await expect(field).toHaveValue('z.?c');
	await expect(page.getByTestId('blank-screen')).toHaveCount(0);
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.locator('[data-explanation-pane]')).toBeVisible();
	expect(page.context().pages()).toHaveLength(1);
});

test('presenter mode and its keys dialog have no serious axe violations', async ({ page }) => {
	test.setTimeout(test.info().timeout * 2);
	await openFlow(page, 'authorization-code', '?present');
	expect(await seriousAxeViolations(page)).toEqual([]);
	await page.locator('body').press('?');
	await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
	expect(await seriousAxeViolations(page)).toEqual([]);
});
