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
	'Returns a refresh token': {
		'authorization-code': 'Yes',
		'authorization-code-pkce': 'Yes',
		'client-credentials': 'No',
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
