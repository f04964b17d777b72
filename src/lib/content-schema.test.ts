import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import {
	ContentError,
	parseFlowFolder,
	parseFlows,
	parseStep,
	type MarkdownModule
} from './content-schema';

const Body = (() => {}) as unknown as Component;
const md = (metadata?: Record<string, unknown>): MarkdownModule => ({ default: Body, metadata });
const folder = '/content/flows/03-client-credentials';

function goodFolder(): Record<string, MarkdownModule> {
	return {
		[`${folder}/index.md`]: md({ title: 'Client credentials', summary: 'App only.', order: 3 }),
		[`${folder}/security.md`]: md({ title: 'Security' }),
		[`${folder}/01-request-token.md`]: md({
			title: 'Request a token',
			summary: 'POST.',
			notes: 'Point at the Basic header.',
			params: ['grant_type']
		}),
		[`${folder}/02-call-web-api.md`]: md({
			title: 'Call the Web API',
			summary: 'GET.',
			notes: 'Ask whose data this is.',
			params: []
		})
	};
}

describe('content schema', () => {
	it('assembles a complete flow folder with its steps in order', () => {
		const flow = parseFlowFolder(folder, goodFolder());
		expect(flow.slug).toBe('client-credentials');
		expect(flow.steps.map((s) => s.id)).toEqual(['request-token', 'call-web-api']);
		expect(flow.steps[0].params).toEqual(['grant_type']);
		expect(flow.steps[0].notes).toBe('Point at the Basic header.');
	});

	it.each([
		['a missing title', { summary: 'x', notes: 'n', params: [] }, /"title"/],
		['an empty summary', { title: 'x', summary: ' ', notes: 'n', params: [] }, /"summary"/],
		['no speaker notes', { title: 'x', summary: 'y', params: [] }, /"notes"/],
		['empty speaker notes', { title: 'x', summary: 'y', notes: '  ', params: [] }, /"notes"/],
		[
			'params that are not a list',
			{ title: 'x', summary: 'y', notes: 'n', params: 'grant_type' },
			/"params"/
		],
		[
			'an unknown parameter',
			{ title: 'x', summary: 'y', notes: 'n', params: ['redirect_url'] },
			/redirect_url/
		],
		['no frontmatter at all', undefined, /no frontmatter/]
	])('rejects a step with %s', (_, metadata, message) => {
		expect(() => parseStep(`${folder}/01-request-token.md`, md(metadata))).toThrow(ContentError);
		expect(() => parseStep(`${folder}/01-request-token.md`, md(metadata))).toThrow(message);
	});

	it('rejects a badly named step file', () => {
		expect(() => parseStep(`${folder}/request_token.md`, md({ title: 'x', summary: 'y' }))).toThrow(
			/NN-<kebab-case-id>/
		);
	});

	it('rejects an index whose order disagrees with its folder', () => {
		const files = goodFolder();
		files[`${folder}/index.md`] = md({ title: 'x', summary: 'y', order: 1 });
		expect(() => parseFlowFolder(folder, files)).toThrow(/"order" must be 3/);
	});

	it('rejects gaps in step numbers, a missing security page and unknown flows', () => {
		const gap = goodFolder();
		gap[`${folder}/03-extra.md`] = gap[`${folder}/02-call-web-api.md`];
		delete gap[`${folder}/02-call-web-api.md`];
		expect(() => parseFlowFolder(folder, gap)).toThrow(/without gaps/);

		const noSecurity = goodFolder();
		delete noSecurity[`${folder}/security.md`];
		expect(() => parseFlowFolder(folder, noSecurity)).toThrow(/security\.md/);

		expect(() => parseFlowFolder('/content/flows/05-password', {})).toThrow(/slug/);
	});

	it('groups files by folder', () => {
		const flows = parseFlows(goodFolder());
		expect([...flows.keys()]).toEqual(['client-credentials']);
	});
});
