import { expect, test } from '../fixtures';

// Expected values typed out from shared/spotify-reference.md §1 and DESIGN.md, not from the module.
const expected: Record<string, Record<string, string>> = {
	'Access user resources': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'No',
		'implicit-grant': 'Yes'
	},
	'Requires secret (server-side)': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'No',
		'client-credentials': 'Yes',
		'implicit-grant': 'No'
	},
	'Access token refresh': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'No',
		'implicit-grant': 'No'
	},
	'Uses PKCE': {
		'authorization-code': 'No',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'No',
		'implicit-grant': 'No'
	},
	'Works on Spotify today': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'Yes',
		'implicit-grant': 'No'
	},
	'Needs a browser redirect': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'No',
		'implicit-grant': 'Yes'
	}
};

test('the comparison table shows the right value in every cell', async ({ page }) => {
	await page.goto('/compare');
	const table = page.getByTestId('flow-table');
	for (const [criterion, byFlow] of Object.entries(expected)) {
		const row = table.getByRole('row', {
			name: new RegExp(`^${criterion.replace(/[()]/g, '\\$&')}`)
		});
		for (const [flow, value] of Object.entries(byFlow))
			await expect(row.locator(`td[data-flow="${flow}"]`), `${criterion} / ${flow}`).toHaveText(
				new RegExp(`\\b${value}$`)
			);
	}
});

test('one row per fact: where the token arrives and how long things live, in words', async ({
	page
}) => {
	await page.goto('/compare');
	const table = page.getByTestId('flow-table');
	// "Returns a refresh token" said what "Access token refresh" says: one row now.
	await expect(table.getByRole('row', { name: /^Returns a refresh token/ })).toHaveCount(0);
	const arrives = table.getByRole('row', { name: /^Where the token arrives/ });
	await expect(arrives.locator('td[data-flow="implicit-grant"]')).toContainText('Front channel');
	await expect(arrives.locator('td[data-flow="authorization-code"]')).toContainText('Back channel');
	const lifetimes = table.getByRole('row', { name: /^Lifetimes/ });
	await expect(lifetimes.locator('td[data-flow="authorization-code-pkce"]')).toContainText(
		'refresh token 6 months'
	);
	await expect(lifetimes.locator('td[data-flow="client-credentials"]')).toContainText(
		'no refresh token'
	);
});

test('on a phone the criterion column stays put while the flows scroll sideways', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/compare');
	const table = page.getByTestId('flow-table');
	const criterion = table.getByRole('rowheader', { name: 'Uses PKCE' });
	// A flow's value is on the first screen.
	await expect(table.locator('td[data-flow="authorization-code"]').first()).toBeInViewport();
	const before = await criterion.boundingBox();
	await table.locator('xpath=..').evaluate((box) => (box.scrollLeft = 400));
	const after = await criterion.boundingBox();
	expect(after!.x).toBe(before!.x);
});

test('the table marks the implicit grant as removed and links every flow', async ({ page }) => {
	await page.goto('/compare');
	const table = page.getByTestId('flow-table');
	await expect(table.getByTestId('implicit-table-warning')).toHaveText(
		/Removed by Spotify on 2025-11-27/
	);
	await expect(table.locator('td[data-flow="implicit-grant"]').first()).toContainText(
		'Deprecated 2025-02-12'
	);
	for (const name of [
		'Authorization code',
		'Authorization code with PKCE',
		'Client credentials',
		'Implicit grant'
	])
		await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
});
