import { createActor, waitFor, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '$lib/core/encoding';
import { getHeader } from '$lib/oauth/http';
import { testEmulator } from '$lib/server/emulator/testing';
import { authorizationCodeMachine } from './authorization-code.machine';
import { clientCredentialsMachine } from './client-credentials.machine';
import { withTransport } from './flow-setup';
import { loadRun, memoryStorage, saveRun, serializeRun, storageKey } from './persistence';
import { frameOf, replay, type Frame } from './run-player';
import { pageConsent } from './run-player.test-helpers';
import { runRecordVersion, type RunRecord } from './run-record';
import { emulatorDemoApp } from './targets';
import { createHandlerTransport } from './transport';

const origin = 'http://127.0.0.1:4173';
const typedSecret = 'typed-secret-0123456789abcdef';

/** Every form a secret can take in a request: as typed, and inside the Basic header. */
function secretForms(clientId: string, secret: string): string[] {
	return [secret, base64Utf8(`${clientId}:${secret}`)];
}

const record = (flow: RunRecord['flow'], actions: RunRecord['actions'] = []): RunRecord => ({
	version: runRecordVersion,
	flow,
	target: 'emulator',
	breaks: [],
	actions
});

describe('persistence of runs', () => {
	it('never writes the client secret, in any frame or recorded exchange', async () => {
		const { emulator } = testEmulator();
		const transport = createHandlerTransport(emulator);
		const actor = createActor(withTransport(clientCredentialsMachine, transport), {
			input: { origin, clientSecret: typedSecret, secretMode: 'body' }
		}).start();
		const forms = secretForms(emulatorDemoApp.clientId, typedSecret);
		const frames: Frame[] = [frameOf(actor)];
		const check = () => {
			const text = serializeRun({ record: record('client-credentials'), frames, cursor: 0 });
			for (const form of forms) expect(text).not.toContain(form);
		};
		// The pending request carries the secret in the body; in memory it is there, saved it is not.
		expect(JSON.stringify(actor.getSnapshot().context)).toContain(typedSecret);
		check();
		actor.send({ type: 'step.next' });
		await waitFor(actor, (s) => !s.hasTag('busy'));
		frames.push(frameOf(actor, 'next'));
		expect(actor.getSnapshot().context.exchanges).toHaveLength(1);
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
		const text = serializeRun({
			record: record('client-credentials'),
			frames: [frameOf(actor)],
			cursor: 0
		});
		for (const form of secretForms('my-client-id', typedSecret)) expect(text).not.toContain(form);
	});

	it('survives the redirect: every frame comes back as it was, the secret put back, and goes on', async () => {
		const { emulator } = testEmulator();
		const machine = withTransport(authorizationCodeMachine, createHandlerTransport(emulator));
		const storage = memoryStorage();
		const before = createActor(machine, { input: { origin, seed: 'persist' } }).start();
		const { frames, actions } = await replay(
			before,
			{ step: 'user-consents' },
			pageConsent(emulator)
		);
		expect(
			saveRun(storage, { record: record('authorization-code', actions), frames, cursor: 1 })
		).toBe(true);
		const saved = storage.getItem(storageKey('authorization-code'))!;
		expect(saved).not.toContain(emulatorDemoApp.clientSecret);
		const authorizeUrl = before.getSnapshot().context.pending!.request.url;
		before.stop();

		// The browser leaves, logs in, agrees and comes back to /callback.
		const { callbackUrl } = (await pageConsent(emulator)(authorizeUrl, 'agree')) as {
			callbackUrl: string;
		};

		const run = loadRun(machine as AnyStateMachine, storage, 'authorization-code', {
			clientSecret: emulatorDemoApp.clientSecret
		})!;
		expect(run.frames.map((f) => f.value)).toEqual(['requestAuthorization', 'userConsents']);
		expect(run.cursor).toBe(1);
		expect(run.record.actions).toEqual(['next']);
		const tip = run.frames.at(-1)!;
		const snapshot = machine.resolveState({ value: tip.value, context: tip.context });
		// The input is not used when a snapshot is given; the machine's types still ask for one.
		const after = createActor(machine, { snapshot, input: {} }).start();
		after.send({ type: 'callback.received', url: callbackUrl });
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

	it('keeps the log once: each frame has the exchanges it had then', async () => {
		const { emulator } = testEmulator();
		const machine = withTransport(clientCredentialsMachine, createHandlerTransport(emulator));
		const storage = memoryStorage();
		const actor = createActor(machine, { input: { origin } }).start();
		const { frames, actions } = await replay(
			actor,
			{ step: 'call-web-api' },
			pageConsent(emulator)
		);
		saveRun(storage, { record: record('client-credentials', actions), frames, cursor: 0 });
		const run = loadRun(machine as AnyStateMachine, storage, 'client-credentials')!;
		expect(run.frames.map((f) => f.context.exchanges.length)).toEqual([0, 1, 1, 2]);
		expect(run.cursor).toBe(0);
	});

	it('keys each flow apart and ignores what is missing, foreign or broken', () => {
		const storage = memoryStorage();
		const restore = () =>
			loadRun(authorizationCodeMachine as AnyStateMachine, storage, 'authorization-code');
		expect(restore()).toBeUndefined();
		const other = createActor(clientCredentialsMachine, { input: { origin } }).start();
		saveRun(storage, { record: record('client-credentials'), frames: [frameOf(other)], cursor: 0 });
		expect(storage.map.has(storageKey('client-credentials'))).toBe(true);
		expect(restore()).toBeUndefined();
		storage.setItem(storageKey('authorization-code'), '{not json');
		expect(restore()).toBeUndefined();
		const moved = storage.getItem(storageKey('client-credentials'))!;
		storage.setItem(storageKey('authorization-code'), moved);
		expect(restore()).toBeUndefined();
	});
});
