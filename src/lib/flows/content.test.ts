import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateMachine, StateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { flowSlugs } from '$lib/spotify/flows';
import { flowMachines } from './machines';

const contentRoot = join(process.cwd(), 'content', 'flows');

/** The step ids of a flow's content folder (`NN-<step-id>.md`), in file order. */
function contentSteps(slug: string): string[] {
	const folder = readdirSync(contentRoot).find((name) => name.replace(/^\d+-/, '') === slug);
	if (!folder) throw new Error(`no content folder for ${slug}`);
	return readdirSync(join(contentRoot, folder))
		.filter((name) => /^\d+-.+\.md$/.test(name))
		.sort()
		.map((name) => name.replace(/^\d+-/, '').replace(/\.md$/, ''));
}

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
});
