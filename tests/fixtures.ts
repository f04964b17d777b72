import { test as base, expect, type Page } from '@playwright/test';
import { flowSlugs } from '../src/lib/spotify/flows';

/** Every content page of the site, with the name of its main heading. */
export const contentPages: readonly { path: string; heading: RegExp }[] = [
	{ path: '/', heading: /OAuth 2\.0 flows, one request at a time/ },
	{ path: '/flows/authorization-code', heading: /^Authorization code/ },
	{ path: '/flows/authorization-code-pkce', heading: /PKCE/ },
	{ path: '/flows/client-credentials', heading: /Client credentials/ },
	{ path: '/flows/implicit-grant', heading: /Implicit grant/ },
	{ path: '/compare', heading: /Compare the flows/ },
	{ path: '/scopes', heading: /Scopes/ },
	{ path: '/callback', heading: /Callback/ }
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

export const test = base;
export { expect };
