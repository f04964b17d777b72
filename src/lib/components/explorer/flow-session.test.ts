import { describe, expect, it } from 'vitest';
import { memoryStorage, storageKey } from '$lib/flows/persistence';
import { pageConsent } from '$lib/flows/run-player.test-helpers';
import type { StepLink } from '$lib/flows/run-record';
import { createEmulator } from '$lib/server/emulator';
import {
	demoAppCredentials,
	legacyAppCredentials,
	noPremiumAppCredentials,
	unregisteredUserAppCredentials
} from '$lib/spotify/demo-apps';
import type { FlowSlug } from '$lib/spotify/flows';
import { basicAuthorization } from '$lib/oauth/token-request';
import { FlowSession, type FlowSessionOptions } from './flow-session.svelte';
import { handOverCallback, waitingFlow } from './redirect';
import { explainError } from '$lib/oauth/explain';

const origin = 'http://127.0.0.1:4173';
const redirectUri = `${origin}/callback`;

/**
 * A session whose requests go to an in-process emulator (counted), whose navigation is recorded,
 * and whose consent replays walk the emulator's real pages.
 */
function session(options: Partial<FlowSessionOptions> & { slug?: FlowSlug } = {}) {
	const emulator = options.consent ? undefined : createEmulator();
	const visited: string[] = [];
	const sent: string[] = [];
	const storage = options.storage ?? memoryStorage();
	const slug = options.slug ?? 'client-credentials';
	const link: StepLink = options.link ?? { flow: slug, breaks: [] };
	const made = new FlowSession({
		slug,
		emulatorApps: {
			demo: { ...demoAppCredentials, redirectUri },
			legacy: { ...legacyAppCredentials, redirectUri },
			unregisteredUser: { ...unregisteredUserAppCredentials, redirectUri },
			noPremium: { ...noPremiumAppCredentials, redirectUri }
		},
		storage,
		origin,
		fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
			const request = new Request(input, init);
			sent.push(`${request.method} ${new URL(request.url).pathname}`);
			return emulator!(request);
		}) as typeof fetch,
		navigate: (url) => visited.push(url),
		consent: emulator ? pageConsent(emulator) : undefined,
		...options,
		link
	});
	return { made, visited, storage, sent };
}

async function started(made: FlowSession) {
	made.start(() => {});
	await made.started;
}

describe('FlowSession', () => {
	it('records each step, and a reload resumes every step as it was without sending', async () => {
		const { made, storage, sent } = session();
		await started(made);
		await made.next();
		expect(made.view.value).toEqual({ requestToken: 'done' });
		expect(sent).toEqual(['POST /emulator/accounts/api/token']);
		const saved = storage.getItem(storageKey('client-credentials'))!;
		expect(saved).not.toContain(demoAppCredentials.clientSecret);

		const reloaded = session({ storage });
		await started(reloaded.made);
		expect(reloaded.made.view.value).toEqual({ requestToken: 'done' });
		expect(reloaded.made.frames).toHaveLength(2);
		expect(reloaded.sent).toEqual([]);
	});

	it('Previous and Next step through the record and send nothing; past its end they send', async () => {
		const { made, sent } = session();
		await started(made);
		await made.next(); // token
		await made.next(); // to the Web API step
		await made.next(); // call
		expect(sent).toHaveLength(2);
		made.back();
		made.back();
		expect(made.view.value).toEqual({ requestToken: 'done' });
		expect(made.atTip).toBe(false);
		await made.next();
		await made.next();
		expect(made.view.value).toEqual({ callWebApi: 'done' });
		expect(sent).toHaveLength(2);
		// The last step: Next is disabled and the flow is complete.
		expect(made.canNext).toBe(false);
		expect(made.view.hasTag('complete')).toBe(true);
	});

	it('never re-sends a used code by stepping; "Run again from here" does, on purpose', async () => {
		const { made, sent } = session({
			slug: 'authorization-code',
			link: { flow: 'authorization-code', breaks: [], step: 'exchange-code' }
		});
		await started(made);
		expect(made.view.value).toEqual({ exchangeCode: 'done' });
		const before = sent.length;
		made.back(); // exchangeCode.ready, as recorded
		expect(made.view.value).toEqual({ exchangeCode: 'ready' });
		await made.next();
		expect(made.view.value).toEqual({ exchangeCode: 'done' });
		expect(sent.length).toBe(before);
		made.back();
		expect(made.rerunWarning).toMatch(/already exchanged/);
		made.runAgainFromHere();
		made.start();
		await made.started;
		await made.next();
		expect(sent.length).toBe(before + 1);
		expect(made.view.value).toBe('tokenError');
		expect(explainError(made.view.context.error)?.slug).toBe('invalid-authorization-code');
	});

	it('counts the consent step: Next shows it first, and only then leaves for /authorize', async () => {
		const { made, visited, storage } = session({ slug: 'authorization-code' });
		await started(made);
		expect(made.step).toBe('request-authorization');
		await made.next();
		expect(made.step).toBe('user-consents');
		expect(visited).toHaveLength(0);
		await made.next();
		expect(visited).toHaveLength(1);
		expect(new URL(visited[0]).pathname).toBe('/emulator/accounts/authorize');
		expect(waitingFlow(storage)).toBe('authorization-code');
	});

	it('a link replays to its step, and the address bar link names that step', async () => {
		const link: StepLink = { flow: 'authorization-code-pkce', breaks: [], step: 'call-web-api' };
		const { made } = session({ slug: 'authorization-code-pkce', link });
		await started(made);
		expect(made.step).toBe('call-web-api');
		expect(made.view.value).toEqual({ callWebApi: 'done' });
		expect(made.linkQuery).toBe('step=call-web-api');
		made.back();
		expect(made.linkQuery).toBe('step=call-web-api&run=nnannn');
	});

	it('a different link replays fresh; the run’s own link resumes it', async () => {
		const storage = memoryStorage();
		const first = session({
			storage,
			link: { flow: 'client-credentials', breaks: [], step: 'request-token' }
		});
		await started(first.made);
		expect(first.made.linkQuery).toBe('step=request-token');
		const same = session({
			storage,
			link: { flow: 'client-credentials', breaks: [], step: 'request-token' }
		});
		await started(same.made);
		expect(same.sent).toEqual([]);
		const other = session({
			storage,
			link: { flow: 'client-credentials', breaks: ['bodyAsJson'], step: 'request-token' }
		});
		await started(other.made);
		expect(other.sent).toHaveLength(1);
		expect(other.made.view.value).toBe('tokenError');
		expect(other.made.mistakes).toEqual({ bodyAsJson: true });
	});

	it('a live flow restored after the redirect asks for the secret again and sends nothing until then', async () => {
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
		await started(first.made);
		await first.made.next(); // the consent step
		await first.made.next(); // leaves for accounts.spotify.com
		expect(new URL(first.visited[0]).origin).toBe('https://accounts.spotify.com');
		expect(storage.getItem(storageKey('authorization-code'))).not.toContain('typed-secret');
		const state = new URL(first.visited[0]).searchParams.get('state');
		handOverCallback(
			storage,
			'authorization-code',
			`http://127.0.0.1:5173/callback?code=AQx&state=${state}`
		);

		const { made } = session({ slug: 'authorization-code', storage });
		await started(made);
		expect(made.view.value).toBe('receiveCallback');
		expect(made.liveSecretLost).toBe(true);
		expect(made.canNext).toBe(false);
		made.provideSecret('typed-secret-0001');
		made.start();
		await made.started;
		expect(made.liveSecretLost).toBe(false);
		expect(made.canNext).toBe(true);
		await made.next();
		expect(made.view.value).toEqual({ exchangeCode: 'ready' });
		expect(made.view.context.pending?.request.headers.Authorization).toBe(
			basicAuthorization(clientId, 'typed-secret-0001')
		);
		expect(storage.getItem(storageKey('authorization-code'))).not.toContain('typed-secret');
	});
});
