import { describe, expect, it } from 'vitest';
import { memoryStorage } from '$lib/flows/persistence';
import { createEmulator } from '$lib/server/emulator';
import { demoAppCredentials } from '$lib/spotify/demo-apps';
import { FlowSession, type FlowSessionOptions } from './flow-session.svelte';
import { handOverCallback, waitingFlow } from './redirect';
import { basicAuthorization } from '$lib/oauth/token-request';

const origin = 'http://127.0.0.1:4173';

/** A session whose requests go to an in-process emulator and whose navigation is recorded. */
function session(options: Partial<FlowSessionOptions> = {}) {
	const emulator = createEmulator();
	const visited: string[] = [];
	const storage = options.storage ?? memoryStorage();
	const made = new FlowSession({
		slug: 'client-credentials',
		emulatorApp: { ...demoAppCredentials, redirectUri: `${origin}/callback` },
		initialMistakes: {},
		storage,
		origin,
		fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
			emulator(new Request(input, init))) as typeof fetch,
		navigate: (url) => visited.push(url),
		...options
	});
	return { made, visited, storage };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('FlowSession', () => {
	it('sends the pending request on next() and resumes from storage after a reload', async () => {
		const { made, storage } = session();
		const stop = made.start(() => {});
		made.next();
		await settle();
		expect(made.flow.snapshot.value).toEqual({ requestToken: 'done' });
		made.persist();
		stop();
		const saved = storage.getItem('grantwalk:flow:client-credentials')!;
		expect(saved).not.toContain(demoAppCredentials.clientSecret);

		const { made: reloaded } = session({ storage });
		reloaded.start(() => {});
		expect(reloaded.flow.snapshot.value).toEqual({ requestToken: 'done' });
		expect(reloaded.flow.snapshot.context.exchanges).toHaveLength(1);
		expect(reloaded.settings.target).toBe('emulator');
	});

	it('leaves for the authorize URL at the redirect step, saved and marked as waiting', () => {
		const { made, visited, storage } = session({ slug: 'authorization-code' });
		made.start(() => {});
		made.next();
		expect(visited).toHaveLength(1);
		expect(new URL(visited[0]).pathname).toBe('/emulator/accounts/authorize');
		expect(waitingFlow(storage)).toBe('authorization-code');
		expect(storage.getItem('grantwalk:flow:authorization-code')).toContain('userConsents');
	});

	it('a link with mistakes starts fresh even when a run is saved, and restart applies new ones', () => {
		const storage = memoryStorage();
		const first = session({ storage });
		first.made.start(() => {});
		first.made.persist();
		const { made } = session({ storage, initialMistakes: { bodyAsJson: true } });
		expect(made.mistakes).toEqual({ bodyAsJson: true });
		expect(made.flow.snapshot.context.pending?.request.body?.type).toBe('json');
		made.restart(made.settings, {});
		expect(made.flow.snapshot.context.pending?.request.body?.type).toBe('form');
		expect(storage.getItem('grantwalk:flow:client-credentials')).toBeNull();
	});

	it('a live flow restored after the redirect asks for the secret again and goes on with it', () => {
		const storage = memoryStorage();
		const clientId = '0123456789abcdef0123456789abcdef';
		const first = session({ slug: 'authorization-code', storage });
		first.made.restart(
			{
				...first.made.settings,
				target: 'spotify',
				clientId,
				clientSecret: 'typed-secret-0001',
				secretSource: 'typed',
				redirectUri: 'http://127.0.0.1:5173/callback',
				scopes: 'user-read-private'
			},
			{}
		);
		first.made.start(() => {});
		first.made.next(); // leaves for accounts.spotify.com
		expect(new URL(first.visited[0]).origin).toBe('https://accounts.spotify.com');
		expect(storage.getItem('grantwalk:flow:authorization-code')).not.toContain('typed-secret');
		const state = new URL(first.visited[0]).searchParams.get('state');
		handOverCallback(
			storage,
			'authorization-code',
			`http://127.0.0.1:5173/callback?code=AQx&state=${state}`
		);

		const { made } = session({ slug: 'authorization-code', storage });
		made.start(() => {});
		expect(made.liveSecretLost).toBe(true);
		made.next(); // the token request is prepared, without a secret to send
		expect(made.flow.snapshot.value).toEqual({ exchangeCode: 'ready' });
		made.provideSecret('typed-secret-0001');
		expect(made.liveSecretLost).toBe(false);
		expect(made.flow.snapshot.value).toEqual({ exchangeCode: 'ready' });
		expect(made.flow.snapshot.context.pending?.request.headers.Authorization).toBe(
			basicAuthorization(clientId, 'typed-secret-0001')
		);
		made.persist();
		expect(storage.getItem('grantwalk:flow:authorization-code')).not.toContain('typed-secret');
	});
});
