/**
 * Helpers for the emulator's unit tests: a seeded emulator on a manual clock, and a browser-like
 * client with a cookie jar that can walk /authorize, login and consent.
 */
import { manualClock } from './clock';
import { defaultClientId, defaultClientSecret, defaultConfig, type EmulatorConfig } from './config';
import { createEmulator, type Emulator } from './index';
import { seededRandom } from './random';
import type { EmuResponse } from './types';

export const origin = 'http://127.0.0.1:4173';

export function testEmulator(config: Partial<EmulatorConfig> = {}) {
	const clock = manualClock();
	const emulator = createEmulator({
		clock,
		random: seededRandom('unit tests'),
		config: { ...defaultConfig(), ...config }
	});
	return { emulator, clock, client: () => new TestClient(emulator) };
}

export interface CallOptions {
	headers?: Record<string, string>;
	form?: Record<string, string>;
	body?: string;
}

export class TestClient {
	readonly cookies = new Map<string, string>();
	constructor(readonly emulator: Emulator) {}

	call(method: string, path: string, options: CallOptions = {}): EmuResponse {
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
		let body = options.body ?? '';
		if (options.form) {
			body = new URLSearchParams(options.form).toString();
			headers['content-type'] ??= 'application/x-www-form-urlencoded';
		}
		if (this.cookies.size)
			headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = this.emulator.handleRaw({
			method,
			url: new URL(path, origin),
			header: (name) => headers[name] ?? null,
			body
		});
		for (const cookie of response.cookies ?? []) {
			const [pair] = cookie.split(';');
			const eq = pair.indexOf('=');
			const value = pair.slice(eq + 1);
			if (value === '' || /Max-Age=0/.test(cookie)) this.cookies.delete(pair.slice(0, eq));
			else this.cookies.set(pair.slice(0, eq), value);
		}
		return response;
	}

	/** A JSON POST to the control API. */
	control(path: string, body: unknown): EmuResponse {
		return this.call('POST', `/emulator/control${path}`, {
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	}

	/** Reads a hidden field from the last page. */
	static field(page: EmuResponse, name: string): string {
		const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body);
		if (!m) throw new Error(`no field ${name} in ${page.body.slice(0, 400)}`);
		return m[1];
	}

	login(page: EmuResponse, username = 'demo', password = username): EmuResponse {
		return this.call('POST', '/emulator/accounts/login', {
			form: {
				csrf: TestClient.field(page, 'csrf'),
				interaction: TestClient.field(page, 'interaction'),
				username,
				password
			}
		});
	}

	/** Submits the consent page; `extra` adds fields (`remember: 'yes'` ticks the box). */
	consent(
		page: EmuResponse,
		action: 'agree' | 'cancel',
		extra: Record<string, string> = {}
	): EmuResponse {
		return this.call('POST', '/emulator/accounts/consent', {
			form: {
				csrf: TestClient.field(page, 'csrf'),
				interaction: TestClient.field(page, 'interaction'),
				action,
				...extra
			}
		});
	}

	/** Follows a same-origin redirect (the login's 303 back to /authorize). */
	follow(response: EmuResponse): EmuResponse {
		return this.call('GET', response.headers.location);
	}

	/** /authorize → login → consent (agree) → the redirect back; returns its Location. */
	authorize(params: Record<string, string>, user = 'demo'): string {
		const query = new URLSearchParams({
			client_id: defaultClientId,
			response_type: 'code',
			redirect_uri: 'http://127.0.0.1:4173/callback',
			...params
		});
		let page = this.call('GET', `/emulator/accounts/authorize?${query}`);
		if (page.status === 200 && page.body.includes('name="password"'))
			page = this.follow(this.login(page, user));
		if (page.status === 200) page = this.consent(page, 'agree');
		if (!page.headers.location)
			throw new Error(`no redirect: ${page.status} ${page.body.slice(0, 300)}`);
		return page.headers.location;
	}
}

export function basic(id = defaultClientId, secret = defaultClientSecret): string {
	return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export function json(response: EmuResponse): Record<string, unknown> {
	return JSON.parse(response.body) as Record<string, unknown>;
}

export function param(
	location: string,
	name: string,
	where: 'query' | 'fragment' = 'query'
): string | null {
	const url = new URL(location);
	const params = where === 'query' ? url.searchParams : new URLSearchParams(url.hash.slice(1));
	return params.get(name);
}
