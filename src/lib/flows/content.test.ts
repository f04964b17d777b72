import type { AnyStateMachine, StateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { flowSlugs } from '$lib/spotify/flows';
import { contentSteps } from './content-steps.test-helpers';
import { flowMachines } from './machines';
import { profileOf } from './profiles';
import { stepIds } from './types';

/** The `content` meta of every state tagged `step`, in document order. */
function stepStates(machine: AnyStateMachine): string[] {
	const steps: string[] = [];
	const visit = (node: StateNode) => {
		if (node.tags.includes('step')) {
			const content = (node.meta as { content?: string } | undefined)?.content;
			expect(content, `${node.id} is tagged step but names no content`).toBeTypeOf('string');
			steps.push(content!);
		}
		Object.values(node.states).forEach((child) => visit(child as StateNode));
	};
	visit(machine.root as StateNode);
	return steps;
}

describe('step states and content files', () => {
	it('has a machine for every flow', () => {
		expect(Object.keys(flowMachines).sort()).toEqual([...flowSlugs].sort());
	});

	it.each(flowSlugs)(
		'%s: every step state has a content file and every file a state, in order',
		(slug) => {
			expect(stepStates(flowMachines[slug])).toEqual(contentSteps(slug));
		}
	);

	it.each(flowSlugs)('%s: its profile lists the content files as its steps, in order', (slug) => {
		expect(profileOf(slug).steps).toEqual(contentSteps(slug));
	});

	it('names every content step in the StepId union, and no other', () => {
		const all = new Set(flowSlugs.flatMap(contentSteps));
		expect([...stepIds].sort()).toEqual([...all].sort());
	});
});
