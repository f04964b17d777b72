import { describe, expect, it } from 'vitest';
import { flowMachines } from '$lib/flows/machines';
import { activePaths, type OutlineState } from '$lib/flows/statechart';
import { eventLabel, statechartOf } from './statechart';

const flatten = (list: readonly OutlineState[]): OutlineState[] =>
	list.flatMap((s) => [s, ...flatten(s.children)]);

describe('statechart', () => {
	for (const [slug, machine] of Object.entries(flowMachines))
		it(`${slug}: every state of the machine is drawn and outlined, with its transitions`, async () => {
			const chart = await statechartOf(machine);
			const states = flatten(chart.outline);
			// Every state node the machine defines, from XState's own idMap, but the root.
			const defined = [
				...(machine as unknown as { idMap: Map<string, { path: string[] }> }).idMap.values()
			]
				.map((node) => node.path.join('.'))
				.filter((path) => path !== '');
			expect(states.map((s) => s.path).sort()).toEqual(defined.sort());
			for (const state of states) expect(chart.svg).toContain(`data-state="${state.path}"`);
			// The run's moves are outlined: Next, and the request's answer.
			const events = states.flatMap((s) => s.transitions.map((t) => t.event));
			expect(events).toContain('step.next');
			expect(events).toContain('answer');
			expect(chart.svg).toMatch(/<path class="transition" d="M[\d.]+,[\d.]+ /);
			expect(chart.svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
		});

	it('is the same picture every time (a build is reproducible)', async () => {
		const machine = flowMachines['client-credentials'];
		expect((await statechartOf(machine)).svg).toBe((await statechartOf(machine)).svg);
	});

	it('names the invoked request’s outcomes as a learner reads them', () => {
		expect(eventLabel('xstate.done.actor.send')).toBe('answer');
		expect(eventLabel('xstate.error.actor.send')).toBe('no answer');
		expect(eventLabel('step.next')).toBe('step.next');
	});

	it('lists the active states of a snapshot value, outermost first', () => {
		expect(activePaths('userConsents')).toEqual(['userConsents']);
		expect(activePaths({ exchangeCode: 'done' })).toEqual(['exchangeCode', 'exchangeCode.done']);
	});
});
