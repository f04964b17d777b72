/**
 * Helpers for the endpoint tests in tests/api: drive the emulator over HTTP with Playwright's
 * `request` fixture (its own cookie jar per test), each test on an app of its own so parallel
 * tests never share approvals, clocks or rate limits.
 */
import type { APIRequestContext, APIResponse } from '@playwright/test';

export const tokenPath = '/emulator/accounts/api/token';
export const apiPath = '/emulator/api';

export interface TestApp {
	client_id: string;
	client_secret: string;
	redirect_uris: string[];
	era: string;
}

/** One of the emulator's seeded apps, from its published credentials (spotify/demo-apps.ts). */
export function seededTestApp(
	credentials: { clientId: string; clientSecret: string },
	era = '2026'
): TestApp {
	return {
		client_id: credentials.clientId,
		client_secret: credentials.clientSecret,
		redirect_uris: [],
		era
	};
}

export async function createApp(
	request: APIRequestContext,
	body: { era?: string; redirect_uris?: string[]; name?: string } = {}
): Promise<TestApp> {
	const response = await request.post('/emulator/control/apps', { data: body });
	if (response.status() !== 201) throw new Error(`control/apps: ${await response.text()}`);
	return (await response.json()) as TestApp;
}

/** The absolute authorize URL a client would open, as control/authorize takes it. */
export function authorizeUrl(baseURL: string | undefined, params: Record<string, string>): string {
	return `${baseURL}/emulator/accounts/authorize?${new URLSearchParams(params)}`;
}

export function field(html: string, name: string): string {
	const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
	if (!m) throw new Error(`no ${name} field`);
	return m[1].replace(/&amp;/g, '&');
}

export function basicAuth(id: string, secret: string): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** Submits the login page shown by /authorize and follows the 303 back to /authorize. */
export async function logIn(
	request: APIRequestContext,
	loginPage: APIResponse,
	user = 'demo'
): Promise<APIResponse> {
	const html = await loginPage.text();
	const response = await request.post('/emulator/accounts/login', {
		form: {
			csrf: field(html, 'csrf'),
			interaction: field(html, 'interaction'),
			username: user,
			password: user
		},
		maxRedirects: 0
	});
	if (response.status() !== 303) throw new Error(`login: ${response.status()}`);
	return request.get(response.headers().location, { maxRedirects: 0 });
}

export async function answerConsent(
	request: APIRequestContext,
	consentPage: APIResponse,
	action: 'agree' | 'cancel'
): Promise<APIResponse> {
	const html = await consentPage.text();
	return request.post('/emulator/accounts/consent', {
		form: { csrf: field(html, 'csrf'), interaction: field(html, 'interaction'), action },
		maxRedirects: 0
	});
}

/** /authorize, login and consent (Agree); returns the Location the emulator sends back to. */
export async function authorize(
	request: APIRequestContext,
	params: Record<string, string>,
	user = 'demo'
): Promise<URL> {
	let page = await request.get(`/emulator/accounts/authorize?${new URLSearchParams(params)}`, {
		maxRedirects: 0
	});
	if (page.status() === 200 && (await page.text()).includes('name="password"'))
		page = await logIn(request, page, user);
	if (page.status() === 200) page = await answerConsent(request, page, 'agree');
	const location = page.headers().location;
	if (!location) throw new Error(`authorize: ${page.status()} ${await page.text()}`);
	return new URL(location);
}

/** A fresh authorization code for `app` (plain code flow, demo user, Agree), with any extra parameters. */
export async function authorizationCode(
	request: APIRequestContext,
	app: TestApp,
	redirectUri: string,
	extra: Record<string, string> = {}
): Promise<string> {
	const back = await authorize(request, {
		client_id: app.client_id,
		response_type: 'code',
		redirect_uri: redirectUri,
		...extra
	});
	const code = back.searchParams.get('code');
	if (!code) throw new Error(`authorizationCode: no code in ${back}`);
	return code;
}

export async function exchangeCode(
	request: APIRequestContext,
	app: TestApp,
	code: string,
	redirectUri: string
): Promise<APIResponse> {
	return request.post(tokenPath, {
		headers: { authorization: basicAuth(app.client_id, app.client_secret) },
		form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri }
	});
}

export async function clientCredentials(request: APIRequestContext, app: TestApp): Promise<string> {
	const response = await request.post(tokenPath, {
		headers: { authorization: basicAuth(app.client_id, app.client_secret) },
		form: { grant_type: 'client_credentials' }
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

/** A user's access token for `app`: the code flow (Agree, demo user), then the exchange. */
export async function userAccessToken(
	request: APIRequestContext,
	app: TestApp,
	redirectUri: string,
	extra: Record<string, string> = {}
): Promise<string> {
	const code = await authorizationCode(request, app, redirectUri, extra);
	const response = await exchangeCode(request, app, code, redirectUri);
	if (response.status() !== 200) throw new Error(`exchange: ${await response.text()}`);
	return ((await response.json()) as { access_token: string }).access_token;
}
