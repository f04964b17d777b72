import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { profileOf } from '../../src/lib/flows/profiles';
import { flowSlugs } from '../../src/lib/spotify/flows';
import { expectStep, settledRun } from './explorer';

/**
 * A link to any step of any flow opens at that step in a fresh browser (no storage): the stepper
 * names it, the address bar keeps it, and a step that sends a request shows its answered exchange.
 */
test.describe.configure({ mode: 'parallel' });

/** The steps whose Next sends a request (the rest show the authorize URL or the callback). */
const requestSteps: readonly string[] = [
	'exchange-code',
	'call-web-api',
	'refresh-token',
	'request-token'
];

/** A step's title, from its content file's frontmatter (what the stepper shows). */
function stepTitle(slug: string, step: string): string {
	const root = 'content/flows';
	const dir = readdirSync(root).find((name) => new RegExp(`^\\d+-${slug}$`).test(name));
	if (!dir) throw new Error(`no content folder for ${slug}`);
	const file = readdirSync(join(root, dir)).find((name) =>
		new RegExp(`^\\d+-${step}\\.md$`).test(name)
	);
	if (!file) throw new Error(`no content file for ${slug}/${step}`);
	const title = /^title:\s*(.+)$/m.exec(readFileSync(join(root, dir, file), 'utf8'))?.[1];
	if (!title) throw new Error(`no title in ${dir}/${file}`);
	return title.trim().replace(/^(['"])(.*)\1$/, '$2');
}

for (const slug of flowSlugs) {
	const { steps } = profileOf(slug);
	steps.forEach((step, i) => {
		test(`/flows/${slug}?step=${step} opens at step ${i + 1} of ${steps.length}`, async ({
			page
		}) => {
			await page.goto(`/flows/${slug}?step=${step}`);
			await settledRun(page);
			await expectStep(page, i + 1, steps.length, stepTitle(slug, step));
			await expect(page).toHaveURL(new RegExp(`\\?step=${step}(?:[&#]|$)`));
			await expect(page.getByTestId('link-notice')).toHaveCount(0);
			if (requestSteps.includes(step)) {
				const current = page.getByRole('region', { name: 'Current exchange' });
				await expect(current.getByTestId('status-line')).toHaveText(/HTTP\/1\.1 200\b/);
			}
		});
	});
}

for (const slug of flowSlugs) {
	test(`/flows/${slug}?step=nope names the flow's steps and starts at step 1`, async ({ page }) => {
		const { steps } = profileOf(slug);
		await page.goto(`/flows/${slug}?step=nope`);
		await settledRun(page);
		const notice = page.getByTestId('link-notice');
		await expect(notice).toContainText('“nope”');
		await expect(notice).toContainText(steps.join(', '));
		await expectStep(page, 1, steps.length, stepTitle(slug, steps[0]));
		// Nothing was replayed: no exchange in the log.
		await expect(page.getByTestId('exchange')).toHaveCount(0);
	});
}
