import { expect, test } from '../fixtures';
import { expectMachineState, nextByKey, openFlow } from './explorer';

test('R does not reset the flow from a checkbox elsewhere in the explorer', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	await nextByKey(page);
	await expectMachineState(page, 'requestToken.done');
	const reveal = page.getByRole('checkbox', { name: 'Reveal secrets and tokens' });
	await reveal.focus();
	await page.keyboard.press('r');
	await expectMachineState(page, 'requestToken.done');
	await page.getByRole('button', { name: 'Reset' }).focus();
	await page.keyboard.press('r');
	await expectMachineState(page, 'requestToken.ready');
});

test('a seed gives every screen the same state and verifier, and says so', async ({ browser }) => {
	const urls: string[] = [];
	for (let screen = 0; screen < 2; screen++) {
		const page = await browser.newPage();
		await openFlow(page, 'authorization-code-pkce', '?seed=workshop-42');
		await expect(page.getByTestId('seed-badge')).toContainText('workshop-42');
		await nextByKey(page);
		await expectMachineState(page, 'requestAuthorization');
		urls.push((await page.getByTestId('pending').locator('.full-url code').textContent())!);
		await page.close();
	}
	const [first, second] = urls.map((u) => new URL(u).searchParams);
	expect(first.get('state')).toBeTruthy();
	expect(second.get('state')).toBe(first.get('state'));
	expect(second.get('code_challenge')).toBe(first.get('code_challenge'));
});
