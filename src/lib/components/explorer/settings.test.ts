import { describe, expect, it } from 'vitest';
import { checkLiveSettings, toFlowInput, type ExplorerSettings } from './settings';

const live: ExplorerSettings = {
	target: 'spotify',
	clientId: '5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e',
	clientSecret: '',
	secretSource: 'typed',
	redirectUri: 'http://127.0.0.1:5173/callback',
	scopes: 'user-read-private user-read-email',
	showDialog: false
};
const context = {
	origin: 'http://127.0.0.1:4173',
	emulatorApp: { clientId: 'demo', clientSecret: 'demo-secret' },
	mistakes: {}
};

describe('checkLiveSettings', () => {
	it('accepts good live settings for a public flow', () => {
		expect(checkLiveSettings(live, false)).toEqual([]);
	});

	it('names every problem: id, redirect URI, scope, missing secret', () => {
		const problems = checkLiveSettings(
			{
				...live,
				clientId: 'my-app',
				redirectUri: 'http://localhost:8888/callback',
				scopes: 'openid'
			},
			true
		);
		expect(problems).toHaveLength(4);
		expect(problems[0]).toContain('my-app');
		expect(problems[1]).toContain('localhost');
		expect(problems[2]).toContain('openid');
		expect(problems[3]).toContain('SPOTIFY_CLIENT_SECRET');
	});

	it('does not ask for a typed secret when the server provides one', () => {
		expect(checkLiveSettings({ ...live, secretSource: 'server' }, true)).toEqual([]);
	});

	it('has nothing to check for the emulator', () => {
		expect(checkLiveSettings({ ...live, target: 'emulator', clientId: '' }, true)).toEqual([]);
	});
});

describe('toFlowInput', () => {
	it('uses the emulator demo app for the emulator target', () => {
		expect(toFlowInput({ ...live, target: 'emulator' }, { ...context, seed: 'class' })).toEqual({
			origin: context.origin,
			mistakes: {},
			seed: 'class',
			target: 'emulator',
			clientId: 'demo',
			clientSecret: 'demo-secret'
		});
	});

	it('passes live settings through, and the server-secret mode instead of a secret', () => {
		const input = toFlowInput(
			{ ...live, secretSource: 'server', clientSecret: 'typed' },
			{ ...context, seed: 'class' }
		);
		expect(input.seed).toBeUndefined(); // never predictable values against real Spotify
		expect(input).toMatchObject({
			target: 'spotify',
			clientId: live.clientId,
			redirectUri: live.redirectUri,
			scopes: ['user-read-private', 'user-read-email'],
			secretMode: 'server-secret'
		});
		expect(input.clientSecret).toBeUndefined();
	});
});
