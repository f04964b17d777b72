import { expect, test } from '../fixtures';
import {
	alwaysShowConsent,
	expectFlowError,
	expectMachineState,
	loginAndConsent,
	nextByKey,
	openFlow
} from './explorer';

test('cancelling consent comes back as access_denied, with the state echoed', async ({ page }) => {
	await openFlow(page, 'authorization-code');
	await alwaysShowConsent(page);
	await nextByKey(page);
	await loginAndConsent(page, 'Cancel');
	await expectMachineState(page, 'userDenied');
	const card = await expectFlowError(page, 'access-denied', 'access_denied');
	await expect(card).toContainText('Cancel');
	await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText(
		'error=access_denied'
	);
	// Next step starts a new authorization.
	await nextByKey(page);
	await expectMachineState(page, 'requestAuthorization');
});
