import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '$lib/oauth/encoding';
import { getHeader } from '$lib/oauth/http';
import { TestClient, testEmulator } from '$lib/server/emulator/testing';
import { authorizationCodeMachine } from './authorization-code.machine';
import { clientCredentialsMachine } from './client-credentials.machine';
import { withTransport } from './flow-setup';
import {
	memoryStorage,
	restoreFlowSnapshot,
	saveFlowSnapshot,
	serializeFlowSnapshot,
	storageKey
} from './persistence';
import { emulatorDemoApp } from './targets';
import { createHandlerTransport } from './transport';

const origin = 'http://127.0.0.1:4173';
const typedSecret = 'typed-secret-0123456789abcdef';

/** Every form a secret can take in a request: as typed, and inside the Basic header. */
function secretForms(clientId: string, secret: string): string[] {
	return [secret, base64Utf8(`${clientId}:${secret}`)];
}

describe('persistence', () => {
	it('never writes the client secret, in any step or recorded exchange', async () => {
		const { emulator } = testEmulator();
		const transport = createHandlerTransport(emulator);
		const actor = createActor(withTransport(clientCredentialsMachine, transport), {
			input: { origin, clientSecret: typedSecret, secretMode: 'body' }
		}).start();
		const forms = secretForms(emulatorDemoApp.clientId, typedSecret);
		const check = () => {
			const text = serializeFlowSnapshot(actor.getSnapshot());
			for (const form of forms) expect(text).not.toContain(form);
		};
		// The pending request carries the secret in the body; in memory it is there, saved it is not.
		expect(JSON.stringify(actor.getSnapshot().context)).toContain(typedSecret);
		check();
		actor.send({ type: 'step.next' });
		await waitFor(actor, (s) => !s.hasTag('busy'));
		expect(actor.getSnapshot().context.exchanges).toHaveLength(1);
		check();
		actor.send({ type: 'step.next' });
		check();
	});

	it('hides the secret of the Basic header too', () => {
		const actor = createActor(clientCredentialsMachine, {
			input: { origin, clientSecret: typedSecret, clientId: 'my-client-id' }
		}).start();
		const pending = actor.getSnapshot().context.pending!;
		expect(getHeader(pending.request.headers, 'authorization')).toBe(
			`Basic ${base64Utf8(`my-client-id:${typedSecret}`)}`
		);
		const text = serializeFlowSnapshot(actor.getSnapshot());
		for (const form of secretForms('my-client-id', typedSecret)) expect(text).not.toContain(form);
	});

	it('survives the redirect: saved at the consent step, restored on the callback, exchanged', async () => {
		const { emulator } = testEmulator();
		const machine = withTransport(authorizationCodeMachine, createHandlerTransport(emulator));
		const storage = memoryStorage();
		const before = createActor(machine, { input: { origin, seed: 'persist' } }).start();
		before.send({ type: 'step.next' });
		expect(saveFlowSnapshot(storage, before.getSnapshot())).toBe(true);
		const saved = storage.getItem(storageKey('authorization-code'))!;
		expect(saved).not.toContain(emulatorDemoApp.clientSecret);
		const authorizeUrl = before.getSnapshot().context.pending!.request.url;
		before.stop();

		// The browser leaves, logs in, agrees and comes back to /callback.
		const browser = new TestClient(emulator);
		const login = browser.call('GET', authorizeUrl);
		const consent = browser.follow(browser.login(login));
		const location = browser.consent(consent, 'agree').headers.location;

		const snapshot = restoreFlowSnapshot(machine, storage, 'authorization-code', {
			clientSecret: emulatorDemoApp.clientSecret
		});
		expect(snapshot?.value).toBe('userConsents');
		// The input is not used when a snapshot is given; the machine's types still ask for one.
		const after = createActor(machine, { snapshot, input: {} }).start();
		after.send({ type: 'callback.received', url: location });
		expect(after.getSnapshot().value).toBe('receiveCallback');
		after.send({ type: 'step.next' });
		// The rebuilt token request carries the real secret again.
		const basic = getHeader(after.getSnapshot().context.pending!.request.headers, 'authorization');
		expect(basic).toBe(
			`Basic ${base64Utf8(`${emulatorDemoApp.clientId}:${emulatorDemoApp.clientSecret}`)}`
		);
		after.send({ type: 'step.next' });
		await waitFor(after, (s) => !s.hasTag('busy'));
		expect(after.getSnapshot().value).toEqual({ exchangeCode: 'done' });
		expect(after.getSnapshot().context.exchanges.map((e) => e.response.status)).toEqual([200]);
	});

	it('rejects a forged state after restoring, before anything else', () => {
		const storage = memoryStorage();
		const actor = createActor(authorizationCodeMachine, { input: { origin } }).start();
		actor.send({ type: 'step.next' });
		saveFlowSnapshot(storage, actor.getSnapshot());
		const restored = createActor(authorizationCodeMachine, {
			snapshot: restoreFlowSnapshot(authorizationCodeMachine, storage, 'authorization-code'),
			input: {}
		}).start();
		restored.send({
			type: 'callback.received',
			url: `${origin}/callback?code=AQstolen&state=forged`
		});
		expect(restored.getSnapshot().value).toBe('stateMismatch');
		expect(restored.getSnapshot().context.error?.slug).toBe('state-mismatch');
		expect(restored.getSnapshot().context.code).toBeUndefined();
	});

	it('keys each flow apart and ignores what is missing, foreign or broken', () => {
		const storage = memoryStorage();
		const restore = () =>
			restoreFlowSnapshot(authorizationCodeMachine, storage, 'authorization-code');
		expect(restore()).toBeUndefined();
		const other = createActor(clientCredentialsMachine, { input: { origin } }).start();
		saveFlowSnapshot(storage, other.getSnapshot());
		expect(storage.map.has(storageKey('client-credentials'))).toBe(true);
		expect(restore()).toBeUndefined();
		storage.setItem(storageKey('authorization-code'), '{not json');
		expect(restore()).toBeUndefined();
		const moved = storage.getItem(storageKey('client-credentials'))!;
		storage.setItem(storageKey('authorization-code'), moved);
		expect(restore()).toBeUndefined();
	});

	it('does not save while a request is in flight', () => {
		const storage = memoryStorage();
		const actor = createActor(clientCredentialsMachine, { input: { origin } }).start();
		actor.send({ type: 'step.next' });
		expect(actor.getSnapshot().hasTag('busy')).toBe(true);
		expect(saveFlowSnapshot(storage, actor.getSnapshot())).toBe(false);
		expect(storage.map.size).toBe(0);
	});
});
