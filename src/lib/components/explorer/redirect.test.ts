import { describe, expect, it } from 'vitest';
import { memoryStorage } from '$lib/flows/persistence';
import { handOverCallback, markWaiting, takeCallback, waitingFlow } from './redirect';

describe('redirect hand-off', () => {
	it('remembers which flow waits, and hands its callback over exactly once', () => {
		const storage = memoryStorage();
		expect(waitingFlow(storage)).toBeUndefined();
		markWaiting(storage, 'authorization-code-pkce');
		expect(waitingFlow(storage)).toBe('authorization-code-pkce');
		handOverCallback(
			storage,
			'authorization-code-pkce',
			'http://127.0.0.1/callback?code=x&state=y'
		);
		expect(waitingFlow(storage)).toBeUndefined();
		expect(takeCallback(storage, 'authorization-code')).toBeUndefined();
		expect(takeCallback(storage, 'authorization-code-pkce')).toBe(
			'http://127.0.0.1/callback?code=x&state=y'
		);
		expect(takeCallback(storage, 'authorization-code-pkce')).toBeUndefined();
	});

	it('ignores tampered storage', () => {
		const storage = memoryStorage();
		storage.setItem('grantwalk:waiting-flow', 'password');
		expect(waitingFlow(storage)).toBeUndefined();
		storage.setItem('grantwalk:callback-url', '{not json');
		expect(takeCallback(storage, 'implicit-grant')).toBeUndefined();
	});
});
