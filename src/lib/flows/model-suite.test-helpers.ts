/**
 * One model-based suite per machine (test-only): for each scenario (a set of teaching switches),
 * one test per generated path against the emulator, and a check that the scenarios together
 * reach every state node and take every transition the machine defines.
 */
import type { AnyStateMachine, StateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Mistakes } from '$lib/oauth/mistakes';
import {
	allTransitions,
	modelOrigin,
	modelPaths,
	pathTitle,
	runPath,
	testMachineOf
} from './model-runner.test-helpers';
import type { FlowInput } from './types';

export function modelSuite(machine: AnyStateMachine, scenarios: Record<string, Mistakes>): void {
	const testMachine = testMachineOf(machine);
	const coveredStates = new Set<string>();
	const coveredTransitions = new Set<unknown>();
	for (const [name, mistakes] of Object.entries(scenarios)) {
		const input: FlowInput = { origin: modelOrigin, seed: 'model', showDialog: true, mistakes };
		const { paths, states, transitions } = modelPaths(testMachine, input);
		states.forEach((s) => coveredStates.add(s));
		transitions.forEach((t) => coveredTransitions.add(t));
		describe(`scenario: ${name}`, () => {
			it.each(paths.map((path) => [pathTitle(path), path] as const))('%s', async (_title, path) => {
				await runPath(machine, input, path);
			});
		});
	}

	it('reaches every state and takes every transition across the scenarios', () => {
		const nodes: string[] = [];
		const visit = (node: StateNode) => {
			nodes.push(node.id);
			Object.values(node.states).forEach((child) => visit(child as StateNode));
		};
		visit(testMachine.root as StateNode);
		expect(nodes.filter((id) => !coveredStates.has(id))).toEqual([]);
		const missing = [...allTransitions(testMachine)]
			.filter(([t]) => !coveredTransitions.has(t))
			.map(([, name]) => name);
		expect(missing).toEqual([]);
	});
}
