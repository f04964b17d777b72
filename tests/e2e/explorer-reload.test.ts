import { expect, test } from '../fixtures';
import { expectMachineState, expectStep, latestExchange, nextByKey, openFlow } from './explorer';

test('a reload in the middle of a flow resumes it where it was', async ({ page }) => {
	await openFlow(page, 'client-credentials');
	await nextByKey(page);
	await nextByKey(page);
	await expectMachineState(page, 'callWebApi.ready');
	await page.reload();
	await expectMachineState(page, 'callWebApi.ready');
	await expectStep(page, 2, 2, 'Call the Web API');
	await expect(page.getByTestId('exchange')).toHaveCount(1);
	// The restored flow still has its secret-less token and sends the call.
	await nextByKey(page);
	await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
	// Reset starts over (R key).
	await page.locator('body').press('r');
	await expectStep(page, 1, 2, 'Request a token as the app');
});
