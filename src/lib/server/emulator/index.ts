/**
 * The Spotify accounts emulator: `createEmulator({ clock, random, store, config })` returns a
 * handler from a Web Request to a Response (for the SvelteKit route) that also exposes the
 * framework-free core, `handleRaw`, for node:http and tests.
 */
import { systemClock, type Clock } from './clock';
import { defaultConfig, type EmulatorConfig } from './config';
import type { EmulatorContext } from './context';
import { pathnameOf, under } from './paths';
import { cryptoRandom, type Random } from './random';
import { route } from './router';
import { keepInDefault, Sandboxes, sandboxesFull } from './sandbox';
import { txnRegistry } from './shared/registry';
import { unavailable, type SharedStore } from './shared/shared-store';
import { createMemoryStore, type EmulatorStore } from './store';
import type { EmuRequest, EmuResponse } from './types';

export type {
	Clock,
	EmulatorConfig,
	EmulatorContext,
	EmulatorStore,
	EmuRequest,
	EmuResponse,
	Random
};

export interface EmulatorOptions {
	clock?: Clock;
	random?: Random;
	store?: EmulatorStore;
	config?: EmulatorConfig;
	/** Redis (shared/redis-store.ts): every instance given the same one shares all state. */
	shared?: SharedStore;
}

export interface Emulator {
	(request: Request): Promise<Response>;
	/** The core: synchronous, so a code's single use cannot race. */
	handleRaw(request: EmuRequest): EmuResponse;
	/** The default sandbox: requests without a sandbox cookie. */
	context: EmulatorContext;
	sandboxes: Sandboxes;
	/** Set on a shared store: the core's answer once this request's transaction has committed. */
	handleShared?: (request: EmuRequest) => Promise<EmuResponse>;
}

/** Bodies beyond this are ignored: no Spotify request comes close. */
export const maxBodyBytes = 64 * 1024;

export function createEmulator(options: EmulatorOptions = {}): Emulator {
	const clock = options.clock ?? systemClock;
	const config = options.config ?? defaultConfig();
	const sandboxes = new Sandboxes(
		{ config, clock, random: options.random ?? cryptoRandom },
		options.store ?? createMemoryStore(() => clock.now(), config.caps)
	);

	const handleIn = (sandboxes: Sandboxes, request: EmuRequest): EmuResponse => {
		try {
			const chosen = sandboxes.resolve(request, under(pathnameOf(request), config.mount));
			if ('full' in chosen) return sandboxesFull(config.maxSandboxes);
			let response = route(chosen.ctx, request);
			if (chosen.viaDefault) response = keepInDefault(response, config.mount);
			if (chosen.cookies.length)
				response = { ...response, cookies: [...(response.cookies ?? []), ...chosen.cookies] };
			return request.method === 'HEAD' ? { ...response, body: '' } : response;
		} catch {
			// Never reached by any input the tests know; if it is, say so in Spotify's words.
			return {
				status: 500,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ error: 'server_error', error_description: 'Unexpected error' })
			};
		}
	};

	const handleRaw = (request: EmuRequest): EmuResponse => handleIn(sandboxes, request);
	const shared = options.shared;
	const base = { config, clock, random: options.random ?? cryptoRandom };
	const handleShared = shared
		? async (request: EmuRequest): Promise<EmuResponse> => {
				try {
					return await shared.run((txn) =>
						handleIn(
							new Sandboxes(base, txn.store('default'), {
								storeFor: (id) => txn.store(id),
								registry: txnRegistry(txn, config.sandboxIdleSeconds * 1000)
							}),
							request
						)
					);
				} catch {
					const path = under(pathnameOf(request), config.mount) ?? '';
					return unavailable(path.startsWith('/api/'));
				}
			}
		: undefined;

	const handler = async (request: Request): Promise<Response> => {
		const raw = await fromRequest(request);
		return toResponse(handleShared ? await handleShared(raw) : handleRaw(raw));
	};
	return Object.assign(handler, {
		handleRaw,
		context: sandboxes.default,
		sandboxes,
		...(handleShared && { handleShared })
	});
}

async function readCapped(request: Request): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBodyBytes || !request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBodyBytes) {
			await reader.cancel();
			return '';
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export async function fromRequest(request: Request): Promise<EmuRequest> {
	const method = request.method.toUpperCase();
	const body = method === 'GET' || method === 'HEAD' ? '' : await readCapped(request);
	return { method, url: new URL(request.url), header: (name) => request.headers.get(name), body };
}

export function toResponse(response: EmuResponse): Response {
	const headers = new Headers(response.headers);
	for (const cookie of response.cookies ?? []) headers.append('set-cookie', cookie);
	const empty = response.body === '' || response.status === 204 || response.status === 304;
	return new Response(empty ? null : response.body, { status: response.status, headers });
}
