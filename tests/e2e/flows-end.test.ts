import { expect, test } from '../fixtures';
import { profileOf } from '../../src/lib/flows/profiles';
import { flowSlugs } from '../../src/lib/spotify/flows';
import { settledRun } from './explorer';

/** A link to a flow's last step ends the run there: the summary shows and Next has nothing left. */
test.describe.configure({ mode: 'parallel' });

for (const slug of flowSlugs) {
	const { steps } = profileOf(slug);
	const last = steps.at(-1)!;
	test(`${slug}: a link to its last step (${last}) ends the flow, and Next sends nothing more`, async ({
		page
	}) => {
		await page.goto(`/flows/${slug}?step=${last}`);
		await settledRun(page);
		await expect(page.getByTestId('step-count')).toHaveText(
			`Step ${steps.length} of ${steps.length}`
		);
		await expect(page.getByTestId('flow-complete')).toBeVisible();
		const next = page.getByRole('button', { name: 'Next step' });
		await expect(next).toHaveAttribute('aria-disabled', 'true');
		const state = await page.getByTestId('machine-state').textContent();
		const exchanges = await page.getByTestId('exchange').count();

		const sent: string[] = [];
		page.on('request', (request) => sent.push(`${request.method()} ${request.url()}`));
		await page.locator('body').press('ArrowRight');
		// aria-disabled, so Playwright would wait for it: click it anyway, as a mouse user can.
		await next.click({ force: true });
		// A round trip through the page, so anything the keys started has been dispatched.
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
		await settledRun(page);
		await expect(page.getByTestId('machine-state')).toHaveText(state!);
		await expect(page.getByTestId('exchange')).toHaveCount(exchanges);
		await expect(page.getByTestId('flow-complete')).toBeVisible();
		await expect(next).toHaveAttribute('aria-disabled', 'true');
		await expect(page).toHaveURL(new RegExp(`\\?step=${last}(?:[&#]|$)`));
		expect(sent).toEqual([]);
	});
}
