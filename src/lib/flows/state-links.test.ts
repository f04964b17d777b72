/**
 * Every learner-visible state of every machine is reachable by a link. `xstate/graph` walks each
 * machine (the model of the model-based tests) under each Break-it switch; every path prefix that
 * a learner could have clicked (Next, Agree, Cancel, forge, the token panel's buttons, "Start a
 * new authorization") becomes a run record, i.e. a step link, and the link replayed against the
 * in-process emulator must land in the very state the model reached. One test per state; the
 * few states no link can reach are listed with the reason.
 */
import { createActor, type AnyStateMachine, type StateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { teachingMistakes, type Mistakes } from '$lib/oauth/mistakes';
import { testEmulator } from '$lib/server/emulator/testing';
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import { withTransport } from './flow-setup';
import { flowMachines } from './machines';
import {
	leafPaths,
	predictedAuthorizeError,
	type FlowSnapshot,
	type ModelEvent
} from './model.test-helpers';
import { modelOrigin, modelPaths, testMachineOf } from './model-runner.test-helpers';
import { replay, type FlowView } from './run-player';
import { pageConsent } from './run-player.test-helpers';
import { breaksOf, type RunAction } from './run-record';
import { linkInput } from './targets';
import { createHandlerTransport } from './transport';

/** A click sends its request at once: nobody rests at "expire, about to send". */
const expireReady = {
	'flow.expireToken.ready': 'the "Expire access token now" click sends at once; no one rests here'
};

/** States no link can reach, and why: a link replays what a learner can do, nothing else. */
const unreachable: Record<FlowSlug, Record<string, string>> = {
	'authorization-code': {
		...expireReady,
		'flow.callbackError': 'only a crafted callback URL (empty, or code and error together)',
		'flow.transportError': 'needs the network to fail'
	},
	'authorization-code-pkce': {
		...expireReady,
		'flow.transportError': 'needs the network to fail or Web Crypto to be missing'
	},
	'client-credentials': { ...expireReady, 'flow.transportError': 'needs the network to fail' },
	'implicit-grant': {
		...expireReady,
		'flow.callbackError': 'only a crafted callback URL (a code where a fragment token belongs)',
		'flow.transportError': 'needs the network to fail'
	}
};

/** The resting states: every atomic state node a learner can see (none in flight). */
function restingStates(machine: AnyStateMachine): string[] {
	const found: string[] = [];
	const visit = (node: StateNode) => {
		const children = Object.values(node.states) as StateNode[];
		if (children.length === 0 && !node.tags.includes('busy')) found.push(node.id);
		children.forEach(visit);
	};
	visit(machine.root as StateNode);
	return found;
}

const panelActions: Partial<Record<ModelEvent['type'], RunAction>> = {
	'api.call': 'api',
	'token.refresh': 'refresh',
	'token.expire': 'expire',
	'code.reuse': 'reuse'
};

/**
 * The actions a model path stands for, or undefined when a learner could not have done it (a
 * crafted callback, a broken network, a world the runner arranges, a reset, or a token-panel
 * click cut before its request went out).
 */
function actionsOf(steps: { event: ModelEvent; state: FlowSnapshot }[]): RunAction[] | undefined {
	const actions: RunAction[] = [];
	let absorbNext = false;
	for (let i = 1; i < steps.length; i++) {
		const { event } = steps[i];
		const before = steps[i - 1].state;
		if (event.type === 'xstate.done.actor.send' || event.type === 'xstate.error.actor.send') {
			if (event.type === 'xstate.error.actor.send' || event.expect.world) return undefined;
			continue;
		}
		if (event.type === 'xstate.done.actor.challenge') continue;
		if (event.type === 'xstate.error.actor.challenge' || event.type === 'reset') return undefined;
		if (event.type === 'step.next' && absorbNext) {
			absorbNext = false;
			continue;
		}
		if (absorbNext) return undefined;
		const panel = panelActions[event.type];
		if (panel) {
			actions.push(panel);
			absorbNext = true;
			continue;
		}
		if (event.type === 'step.next') actions.push('next');
		else if (event.type === 'flow.retry') actions.push('retry');
		else if (event.type === 'authorize.refused') {
			// Only a refusal the switches cause by themselves: Agree then meets the error page.
			if (!predictedAuthorizeError(before.context)) return undefined;
			actions.push('agree');
		} else if (event.type === 'callback.received') {
			const action = { ok: 'agree', error: 'agree', denied: 'cancel', mismatch: 'forge' } as const;
			// The traversal also sends a bare event (no URL): nothing a browser brings back.
			if (!event.kind || event.kind === 'empty') return undefined;
			// The model's forged callback is a code in the query; a forge is a real authorization.
			// They agree unless the query itself is malformed for the flow (the implicit grant).
			if (event.kind === 'mismatch' && steps[i].state.value === 'callbackError') return undefined;
			actions.push(action[event.kind]);
		} else return undefined;
	}
	// A token-panel click whose request has not gone out: a link always sends it.
	const last = steps.at(-1)!;
	if (absorbNext && !last.state.hasTag('busy')) return undefined;
	return actions;
}

interface Link {
	mistakes: Mistakes;
	actions: RunAction[];
	value: unknown;
}

/** For each resting state, the first (shortest) link the model finds to it. */
function linksFor(flow: FlowSlug): Map<string, Link> {
	const machine = flowMachines[flow] as AnyStateMachine;
	const testMachine = testMachineOf(machine);
	const scenarios: Mistakes[] = [
		{},
		...teachingMistakes.filter((m) => m.flows.includes(flow)).map((m) => ({ [m.name]: true }))
	];
	const links = new Map<string, Link>();
	for (const mistakes of scenarios) {
		const input = { origin: modelOrigin, showDialog: true, mistakes };
		const { paths } = modelPaths(testMachine, input);
		for (const path of paths)
			for (let end = 1; end <= path.steps.length; end++) {
				const steps = path.steps.slice(0, end) as { event: ModelEvent; state: FlowSnapshot }[];
				const state = steps.at(-1)!.state;
				if (state.hasTag('busy')) continue;
				const id = `flow.${leafPaths(state.value)[0]}`;
				const actions = actionsOf(steps);
				const known = links.get(id);
				if (actions && (!known || actions.length < known.actions.length))
					links.set(id, { mistakes, actions, value: state.value });
			}
	}
	return links;
}

describe.each(flowSlugs)('every resting state of the %s machine has a link', (flow) => {
	const machine = flowMachines[flow] as AnyStateMachine;
	const links = linksFor(flow);
	const states = restingStates(machine);
	const skipped = unreachable[flow];

	it('lists as unreachable only states the model finds no learner path to', () => {
		for (const id of Object.keys(skipped)) expect(links.has(id), id).toBe(false);
		for (const id of states) if (!(id in skipped)) expect(links.has(id), id).toBe(true);
	});

	it.each(states.filter((id) => !(id in skipped)))('%s', async (id) => {
		const link = links.get(id)!;
		const { emulator, clock } = testEmulator();
		const sut = withTransport(machine, createHandlerTransport(emulator), clock);
		// Exactly what the link carries: its switches (and so its app), nothing else.
		const input = { origin: modelOrigin, ...linkInput({ flow, breaks: breaksOf(link.mistakes) }) };
		const actor = createActor(sut, { input }).start();
		const result = await replay(actor, { actions: link.actions }, pageConsent(emulator));
		expect(result.stoppedShort).toBeUndefined();
		expect((actor.getSnapshot() as FlowView).value).toEqual(link.value);
		actor.stop();
	});
});
