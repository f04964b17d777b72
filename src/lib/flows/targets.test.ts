import { describe, expect, it } from 'vitest';
import { createContext, createVerifier } from './context';
import { buildPending } from './requests';
import { emulatorDemoApp, emulatorLegacyApp, resolveSecret, resolveTarget } from './targets';

describe('targets', () => {
	it('defaults to the emulator on the same origin, with the legacy app for the implicit grant', () => {
		const target = resolveTarget('implicit-grant', { origin: 'http://127.0.0.1:4173' });
		expect(target).toMatchObject({
			kind: 'emulator',
			accountsBase: 'http://127.0.0.1:4173/emulator/accounts',
			apiBase: 'http://127.0.0.1:4173/emulator/api',
			controlBase: 'http://127.0.0.1:4173/emulator/control',
			clientId: emulatorLegacyApp.clientId,
			redirectUri: 'http://127.0.0.1:4173/callback'
		});
		expect(resolveSecret('implicit-grant', {})).toBeUndefined();
		expect(resolveSecret('authorization-code-pkce', {})).toBeUndefined();
		expect(resolveSecret('client-credentials', {})).toBe(emulatorDemoApp.clientSecret);
		// The demo secret belongs to the demo client only.
		expect(resolveSecret('client-credentials', { clientId: 'mine' })).toBeUndefined();
	});

	it('targets live Spotify with the user client, the loopback redirect URI and no control API', () => {
		const target = resolveTarget('authorization-code', { target: 'spotify', clientId: 'abc' });
		expect(target).toMatchObject({
			kind: 'spotify',
			accountsBase: 'https://accounts.spotify.com',
			apiBase: 'https://api.spotify.com',
			controlBase: null,
			clientId: 'abc',
			redirectUri: 'http://127.0.0.1:5173/callback'
		});
		expect(resolveSecret('authorization-code', { target: 'spotify' })).toBeUndefined();
	});

	it('sends live confidential token requests through the relay, PKCE ones directly', () => {
		const live = { target: 'spotify' as const, clientId: 'abc', clientSecret: 's3cret-value' };
		const code = { ...createContext('authorization-code', live), code: 'AQx' };
		expect(buildPending(code, 'token').route).toBe('relay');
		expect(buildPending(code, 'api').route).toBe('direct');
		expect(buildPending(code, 'authorize').route).toBe('browser');
		const pkce = { ...createContext('authorization-code-pkce', live), code: 'AQx' };
		expect(buildPending(pkce, 'token').route).toBe('direct');
		const server = createContext('client-credentials', { ...live, secretMode: 'server-secret' });
		const request = buildPending(server, 'token');
		expect(request.route).toBe('relay');
		expect(request.request.headers).not.toHaveProperty('Authorization');
		expect(buildPending(createContext('authorization-code', {}), 'token').route).toBe('direct');
	});

	it('repeats state and verifier for a seed, and differs without one', () => {
		const a = createContext('authorization-code-pkce', { seed: 'workshop' });
		const b = createContext('authorization-code-pkce', { seed: 'workshop' });
		const c = createContext('authorization-code-pkce', { seed: 'other' });
		expect(a.state).toBe(b.state);
		expect(a.state).not.toBe(c.state);
		expect(a.state).toMatch(/^[A-Za-z0-9]{22}$/);
		expect(createVerifier(a)).toBe(createVerifier(b));
		expect(createVerifier(a)).not.toBe(createVerifier(c));
		// A re-authorization gets fresh values, still repeatable.
		expect(createVerifier({ ...a, attempt: 1 })).not.toBe(createVerifier(a));
	});
});
