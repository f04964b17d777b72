import { createActor, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { testEmulator } from '$lib/server/emulator/testing';
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import { withTransport } from './flow-setup';
import { flowMachines } from './machines';
import { profileOf } from './profiles';
import { modelOrigin } from './model-runner.test-helpers';
import type { RunAction } from './run-record';
import {
	canPerform,
	nextAction,
	reachedByStepAlone,
	replay,
	settle,
	settled,
	stepOf,
	type FlowView,
	type ShownFrame
} from './run-player';
import { pageConsent } from './run-player.test-helpers';
import { createHandlerTransport } from './transport';
import type { FlowInput } from './types';
import { explainError } from '$lib/oauth/explain';

function start(flow: FlowSlug, input: FlowInput = {}) {
	const { emulator, clock } = testEmulator();
	let sent = 0;
	const inProcess = createHandlerTransport(emulator);
	const machine = withTransport(
		flowMachines[flow] as AnyStateMachine,
		(request, route) => {
			sent++;
			return inProcess(request, route);
		},
		clock
	);
	const actor = createActor(machine, { input: { origin: modelOrigin, ...input } }).start();
	return { actor, consent: pageConsent(emulator), sent: () => sent, machine };
}

const view = (actor: { getSnapshot(): unknown }) => actor.getSnapshot() as FlowView;

describe.each(flowSlugs)('the %s flow, replayed', (flow) => {
	const { steps } = profileOf(flow);

	it.each(steps)('a link to step %s lands on it, answered', async (step) => {
		const { actor, consent } = start(flow);
		const result = await replay(actor, { step }, consent);
		expect(result.stoppedShort).toBeUndefined();
		expect(stepOf(view(actor))).toBe(step);
		expect(settled(view(actor))).toBe(true);
		expect(view(actor).hasTag('error')).toBe(false);
	});

	it('ends: Next runs out at the last step, which is complete, and nothing loops', async () => {
		const { actor, consent } = start(flow);
		await settle(actor);
		const seen: string[] = [];
		for (let i = 0; i < 30; i++) {
			const action = nextAction(view(actor));
			if (!action) break;
			await replay(actor, { actions: [action] }, consent);
			seen.push(stepOf(view(actor)) ?? '?');
		}
		expect(nextAction(view(actor))).toBeUndefined();
		expect(view(actor).value, JSON.stringify(view(actor).context.error)).toMatchObject(
			flow === 'client-credentials' || flow === 'implicit-grant'
				? { callWebApi: 'done' }
				: { refreshToken: 'done' }
		);
		expect(view(actor).hasTag('complete')).toBe(true);
		expect(stepOf(view(actor))).toBe(steps.at(-1));
		// Each step is visited in page order, none twice in a row after it is answered.
		const order = [...new Set(seen)];
		expect(order).toEqual(steps.filter((s) => order.includes(s)));
	});

	it('counts every step once, in the order of the page', async () => {
		const { actor, consent } = start(flow);
		const { frames } = await replay(actor, { step: steps.at(-1) }, consent);
		const shown = frames.map((f) => stepOfValue(flowMachines[flow] as AnyStateMachine, f));
		expect([...new Set(shown)]).toEqual(steps);
	});
});

function stepOfValue(machine: AnyStateMachine, frame: { value: unknown; context: unknown }) {
	return stepOf(machine.resolveState(frame as never) as unknown as FlowView);
}

describe('links with actions', () => {
	const run = async (flow: FlowSlug, actions: RunAction[], input: FlowInput = {}) => {
		const { actor, consent, sent } = start(flow, input);
		const result = await replay(actor, { actions }, consent);
		return { result, snapshot: view(actor), sent };
	};

	it('Cancel at the consent page shows access_denied at the consent step', async () => {
		const { snapshot } = await run('authorization-code', ['next', 'cancel']);
		expect(snapshot.value).toBe('userDenied');
		expect(stepOf(snapshot)).toBe('user-consents');
		expect(snapshot.context.error?.error).toBe('access_denied');
	});

	it('a forged callback is refused with state, and accepted without (login CSRF)', async () => {
		const refused = await run('authorization-code', ['next', 'forge']);
		expect(refused.snapshot.value).toBe('stateMismatch');
		expect(stepOf(refused.snapshot)).toBe('receive-callback');
		const accepted = await run('authorization-code', ['next', 'forge', 'next', 'next'], {
			mistakes: { omitState: true }
		});
		expect(accepted.snapshot.value).toEqual({ exchangeCode: 'done' });
	});

	it('expire, then call: the 401 is shown at the Web API step, and Next refreshes', async () => {
		const { snapshot } = await run('authorization-code-pkce', [
			'next',
			'next',
			'agree',
			'next',
			'next',
			'next',
			'next',
			'expire',
			'next'
		]);
		expect(snapshot.value).toBe('accessTokenExpired');
		expect(stepOf(snapshot)).toBe('call-web-api');
		expect(snapshot.context.error?.status).toBe(401);
		expect(canPerform(snapshot, 'next')).toBe(true);
	});

	it('a wrong verifier ends the run at the exchange, with Next disabled', async () => {
		const { snapshot } = await run(
			'authorization-code-pkce',
			['next', 'next', 'agree', 'next', 'next'],
			{
				mistakes: { wrongVerifier: true }
			}
		);
		expect(snapshot.value).toBe('tokenError');
		expect(stepOf(snapshot)).toBe('exchange-code');
		expect(explainError(snapshot.context.error)?.slug).toBe('code-verifier-incorrect');
		expect(nextAction(snapshot)).toBeUndefined();
		expect(canPerform(snapshot, 'retry')).toBe(true);
	});

	it('stops short, saying why, when an action is not possible there', async () => {
		const { result } = await run('client-credentials', ['next', 'refresh']);
		expect(result.stoppedShort).toMatch(/“refresh” is not possible at request-token/);
		expect(result.actions).toEqual(['next']);
	});
});

describe('which frames a plain step link reaches', () => {
	it('needs no run= for answered steps on the Next path, and needs it for a ready request', async () => {
		const { actor, consent, machine } = start('authorization-code');
		const { frames } = await replay(
			actor,
			{ actions: ['next', 'agree', 'next', 'next', 'next', 'next', 'expire'] },
			consent
		);
		const shown: ShownFrame[] = frames.map((frame) => ({
			frame,
			view: machine.resolveState(frame as never) as unknown as FlowView
		}));
		const plain = shown.map((_, i) => reachedByStepAlone(shown, i));
		// A request step's `ready` waits to send (no); its `done` is answered (yes); the
		// expire is no Next (no).
		expect(plain).toEqual([true, true, true, false, true, false, true, false]);
	});
});
