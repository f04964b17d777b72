import { expect, seriousViolations, saveScreenshots, test, type Page } from '../fixtures';
import { expectMachineState, loginAndConsent, nextByKey, openFlow } from './explorer';

/**
 * Each flow at its token step, in light and dark, 1280 and 390 px wide: screenshots saved under
 * screenshots/ for review (not compared), and axe run on the explorer with tokens on screen.
 */
const toTokenStep: Record<string, (page: Page) => Promise<void>> = {
	'authorization-code': async (page) => {
		await nextByKey(page);
		await loginAndConsent(page);
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.done');
	},
	'authorization-code-pkce': async (page) => {
		await nextByKey(page);
		await nextByKey(page);
		await loginAndConsent(page);
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.done');
	},
	'client-credentials': async (page) => {
		await nextByKey(page);
		await expectMachineState(page, 'requestToken.done');
	},
	'implicit-grant': async (page) => {
		await nextByKey(page);
		await loginAndConsent(page);
		await expectMachineState(page, 'tokenInFragment');
	}
};

for (const [slug, reach] of Object.entries(toTokenStep)) {
	test(`${slug} at its token step: screenshots and axe`, async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await openFlow(page, slug);
		await reach(page);
		await expect(page.getByTestId('token-panel')).toBeVisible();
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			expect(await seriousViolations(page, { include: '#explorer' }), scheme).toEqual([]);
			for (const width of saveScreenshots ? [1280, 390] : []) {
				await page.setViewportSize({ width, height: 900 });
				// Stacked, the run is one of two panes ("Read | Run").
				if (width === 390) await page.getByTestId('show-run').click();
				await page.getByTestId('token-panel').scrollIntoViewIfNeeded();
				await page.screenshot({ path: `screenshots/${slug}-token-${scheme}-${width}.png` });
			}
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});
}
