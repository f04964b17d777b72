import { describe, expect, it } from 'vitest';
import {
	configFromEnv,
	defaultClientId,
	defaultRedirectUris,
	legacyApp,
	noPremiumApp,
	unregisteredUserApp
} from './config';
import { emulatorFromEnv } from './instance';
import { basic } from './testing';

describe('configFromEnv', () => {
	it('keeps the documented defaults when nothing is set', () => {
		const config = configFromEnv({});
		expect(config.apps.map((a) => a.clientId)).toEqual([
			defaultClientId,
			legacyApp.clientId,
			unregisteredUserApp.clientId,
			noPremiumApp.clientId
		]);
		expect(config.apps[0].redirectUris).toEqual(defaultRedirectUris);
		for (const app of [unregisteredUserApp, noPremiumApp]) {
			expect(app.redirectUris).toEqual(defaultRedirectUris);
			expect(app.era).toBe('2026');
		}
		expect(unregisteredUserApp.developmentMode?.allowedUsers).not.toContain('demo');
		expect(noPremiumApp.developmentMode?.ownerHasPremium).toBe(false);
		expect(config.apps[0].era).toBe('2026');
		expect(config.control).toBe(true);
		expect(config.seed).toBeNull();
	});

	it('reads the demo app, its era and the control switch', () => {
		const config = configFromEnv({
			EMULATOR_CLIENT_ID: 'c0ffee00c0ffee00c0ffee00c0ffee00',
			EMULATOR_CLIENT_SECRET: 's3cr3t',
			EMULATOR_REDIRECT_URIS: ' http://127.0.0.1:5199/callback , http://127.0.0.1/callback,',
			EMULATOR_ERA: 'classic',
			EMULATOR_CONTROL: 'OFF'
		});
		expect(config.apps[0]).toMatchObject({
			clientId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
			clientSecret: 's3cr3t',
			redirectUris: ['http://127.0.0.1:5199/callback', 'http://127.0.0.1/callback'],
			era: 'classic'
		});
		expect(config.defaultEra).toBe('classic');
		expect(config.control).toBe(false);
	});

	it('gives the development-mode apps the demo app’s redirect URIs, and keeps ids distinct', () => {
		const config = configFromEnv({
			EMULATOR_CLIENT_ID: noPremiumApp.clientId,
			EMULATOR_REDIRECT_URIS: 'https://class.example/cb'
		});
		expect(config.apps.map((a) => [a.clientId, a.redirectUris])).toEqual([
			[noPremiumApp.clientId, ['https://class.example/cb']],
			[legacyApp.clientId, legacyApp.redirectUris],
			[unregisteredUserApp.clientId, ['https://class.example/cb']]
		]);
		expect(config.apps[0].developmentMode).toBeUndefined();
	});

	it('ignores an unknown era', () => {
		expect(configFromEnv({ EMULATOR_ERA: '1999' }).apps[0].era).toBe('2026');
	});
});

describe('EMULATOR_SEED', () => {
	function firstToken(env: Record<string, string>): string {
		const emulator = emulatorFromEnv(env);
		const response = emulator.handleRaw({
			method: 'POST',
			url: new URL('http://127.0.0.1/emulator/accounts/api/token'),
			header: (n) =>
				({ authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' })[n] ??
				null,
			body: 'grant_type=client_credentials'
		});
		return (JSON.parse(response.body) as { access_token: string }).access_token;
	}

	it('is read, trimmed, into the configuration, not into the random source', () => {
		expect(configFromEnv({ EMULATOR_SEED: ' class of 2026 ' }).seed).toBe('class of 2026');
		expect(configFromEnv({ EMULATOR_SEED: '  ' }).seed).toBeNull();
	});

	it('gives every run the same tokens, so every screen in a workshop shows the same values', () => {
		expect(firstToken({ EMULATOR_SEED: 'class of 2026' })).toBe(
			firstToken({ EMULATOR_SEED: 'class of 2026' })
		);
		expect(firstToken({ EMULATOR_SEED: 'a' })).not.toBe(firstToken({ EMULATOR_SEED: 'b' }));
	});
});
