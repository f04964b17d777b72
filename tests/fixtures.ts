import axe from 'axe-core';
import { test as base, expect, type Page } from '@playwright/test';
import { flowSlugs } from '../src/lib/spotify/flows';

/**
 * Every content page of the site, with the name of its main heading. `scripted` pages run a
 * script (the flow explorer, the callback hand-off); all others ship none.
 */
export const contentPages: readonly { path: string; heading: RegExp; scripted?: boolean }[] = [
	{ path: '/', heading: /OAuth 2\.0 flows, one request at a time/ },
	{ path: '/flows/authorization-code', heading: /^Authorization code/, scripted: true },
	{ path: '/flows/authorization-code-pkce', heading: /PKCE/, scripted: true },
	{ path: '/flows/client-credentials', heading: /Client credentials/, scripted: true },
	{ path: '/flows/implicit-grant', heading: /Implicit grant/, scripted: true },
	{ path: '/compare', heading: /Compare the flows/ },
	{ path: '/scopes', heading: /Scopes/ },
	{ path: '/callback', heading: /Callback/, scripted: true },
	{ path: '/exercises', heading: /^Exercises$/, scripted: true },
	{ path: '/exercises/token-request-code', heading: /The code exchange/, scripted: true },
	{ path: '/debug', heading: /^Debug your app$/ },
	{ path: '/debug/redirect-uri', heading: /Redirect-URI linter/ },
	{ path: '/debug/authorize-url', heading: /Authorize-URL inspector/ },
	{ path: '/debug/token-request', heading: /Token-request inspector/ },
	{ path: '/debug/errors', heading: /Error decoder/ },
	{ path: '/debug/scopes', heading: /Scope explorer/ },
	{ path: '/debug/checklist', heading: /Your app’s checklist/ },
	{ path: '/errors', heading: /Spotify errors/ },
	{ path: '/errors/illegal-scope', heading: /Illegal scope/ },
	{ path: '/attacks', heading: /^Attack labs$/ },
	{ path: '/attacks/code-interception-without-pkce', heading: /Code interception/, scripted: true },
	{ path: '/present/console', heading: /^Presenter console$/, scripted: true }
];

export { flowSlugs };

/** Collects console errors and uncaught page errors, so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(message.text());
	});
	page.on('pageerror', (error) => problems.push(error.message));
	return problems;
}

/** The axe rules whose outcome depends on colours (axe-core's cat.color, less the AAA one it skips). */
const colourRules = ['color-contrast', 'link-in-text-block'];

export interface AxeViolation {
	id: string;
	impact: string | null | undefined;
	help: string;
	/** Each failing node's CSS selector. */
	targets: string[];
}

/**
 * axe-core's violations on the page as it stands, run in the page itself: axe is injected once
 * per page load and run there, where @axe-core/playwright's AxeBuilder injects its 1.3 MB source
 * again on every analyze() and finishes each run in a new blank page (for iframes, which the site
 * has none of): 3 s against 0.4 s per pass on /compare, measured here. `include` limits the run
 * to one part of the page, `rules` to those rules.
 */
export async function axeViolations(
	page: Page,
	{ include, rules }: { include?: string; rules?: readonly string[] } = {}
): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	return page.evaluate(
		async ({ include, rules }) => {
			const run = (window as unknown as { axe: typeof axe }).axe.run;
			const results = await run(include ? { include: [include] } : document, {
				resultTypes: ['violations'],
				...(rules && { runOnly: { type: 'rule', values: [...rules] } })
			});
			return results.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
		},
		{ include, rules }
	);
}

/** The serious and critical ones of axeViolations, one line each. */
export async function seriousViolations(
	page: Page,
	options?: Parameters<typeof axeViolations>[1]
): Promise<string[]> {
	return (await axeViolations(page, options))
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

/**
 * The serious and critical axe violations of the page as it stands, in light colours and then in
 * dark ones (the rules that read colours): one page load, two axe passes. The colours follow
 * prefers-color-scheme live, so switching the emulated scheme restyles the page without
 * reloading it. The page is left dark.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		// The pass below must really see this scheme, or the dark pass would repeat the light one.
		const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
		expect(dark, `prefers-color-scheme is ${colorScheme}`).toBe(colorScheme === 'dark');
		// The scheme changes colours only, never the DOM: the dark pass runs the rules that read
		// colours, so the page gets every rule once and the colour rules in both schemes.
		const rules = colorScheme === 'dark' ? colourRules : undefined;
		for (const line of await seriousViolations(page, { rules }))
			found.push(`${colorScheme}: ${line}`);
	}
	return found;
}

/**
 * Whether the review screenshots (screenshots/) are written: not in CI, whose clone nobody looks
 * at and where the PNG encoding is a good part of the browser stage; SCREENSHOTS=1 asks anyway.
 * The assertions around them run either way.
 */
export const saveScreenshots = !process.env.CI || process.env.SCREENSHOTS === '1';

export const test = base;
export { expect };
export type { Page };
