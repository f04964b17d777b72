import { expect, test } from '../fixtures';
import { reproduceLink, reproductions } from '../../src/lib/flows/reproductions';
import { catalog, type CatalogEntry } from '../../src/lib/spotify/error-entries';
import { tokenErrorBody, type SpotifyErrorSlug } from '../../src/lib/spotify/errors';
import { settledRun } from './explorer';

/**
 * Every catalog entry's "Reproduce it in the emulator" link, opened in a fresh browser and run
 * on with Next, ends at the error card showing Spotify's status and exact words for that entry.
 */
test.describe.configure({ mode: 'parallel' });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the card's wire line must say, from the catalog's symptom: the token endpoint's
 * `error: error_description` (a `{value}` in the catalog's text stands for any word), the Web
 * API's message, /authorize's page text, or the redirect's error code.
 */
function expectedWire(entry: CatalogEntry): RegExp {
	const symptom = entry.symptom ?? '';
	if (entry.surface === 'token') {
		const body = tokenErrorBody(entry.slug as SpotifyErrorSlug, '{value}');
		expect(JSON.parse(symptom).error).toBe(body.error);
		const wire = body.error_description ? `${body.error}: ${body.error_description}` : body.error;
		return new RegExp(`^${escape(wire).replace('\\{value\\}', '\\S+')}$`);
	}
	if (entry.surface === 'web-api') {
		const { message } = JSON.parse(symptom).error as { message: string };
		return new RegExp(`(?:^|: )${escape(message)}$`);
	}
	if (entry.surface === 'authorize-page') return new RegExp(`(?:^|: )${escape(symptom)}$`);
	// On the redirect back, and the client's own state check: the error code alone.
	expect(entry.code).toBeTruthy();
	return new RegExp(`^${escape(entry.code!)}$`);
}

/** The card's kind for an entry: where the explorer met the error. */
function expectedKinds(entry: CatalogEntry): readonly string[] {
	if (entry.kind === 'client-check') return ['state-mismatch'];
	switch (entry.surface) {
		case 'authorize-page':
			return ['authorize-page'];
		case 'authorize-redirect':
			return entry.code === 'access_denied' ? ['access-denied'] : ['callback'];
		case 'token':
			return ['token', 'refresh'];
		case 'web-api':
			return entry.status === 401 ? ['expired-token'] : ['web-api'];
		default:
			return [];
	}
}

for (const slug of Object.keys(reproductions)) {
	const entry = catalog.find((e) => e.slug === slug);
	const link = reproduceLink(slug);
	test(`${slug}: ${link?.href}`, async ({ page }) => {
		expect(entry, `catalog entry ${slug}`).toBeDefined();
		expect(link).toBeDefined();
		await page.goto(link!.href);
		await settledRun(page);
		await expect(page.getByTestId('link-notice')).toHaveCount(0);

		// On with Next until the step shown is an error or Next has nothing left to do (bounded).
		// The step's error kind is read, not the card: the card may still be on its way, and
		// Next at some errors goes on (to the refresh after an expired token), past the card.
		const card = page.getByTestId('flow-error');
		const exchange = page.getByTestId('current-exchange');
		const next = page.getByRole('button', { name: 'Next step' });
		for (let i = 0; i < 12; i++) {
			await settledRun(page);
			if ((await exchange.getAttribute('data-error-kind')) !== null) break;
			if ((await next.getAttribute('aria-disabled')) === 'true') break;
			await page.locator('body').press('ArrowRight');
		}
		await settledRun(page);

		await expect(card).toBeVisible();
		expect(expectedKinds(entry!)).toContain(await card.getAttribute('data-kind'));
		await expect(card.getByTestId('flow-error-code')).toHaveText(expectedWire(entry!));
		if (entry!.status !== null) await expect(card).toContainText(`HTTP ${entry!.status}`);
		else await expect(card).not.toContainText(/HTTP \d{3}/);
	});
}
