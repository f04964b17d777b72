/**
 * Reads the prose in content/ (compiled by mdsvex) and checks its frontmatter, so a page with a
 * missing or bad field fails the build instead of rendering half a page. Routes ask this module
 * for a flow's content; markdown itself carries no logic.
 */
import type { FlowSlug } from './spotify/flows';
import {
	ContentError,
	parseFlows,
	parsePage,
	type FlowContent,
	type MarkdownModule,
	type PageContent
} from './content-schema';

export type { FlowContent, PageContent, StepContent } from './content-schema';

const flowModules = import.meta.glob<MarkdownModule>('/content/flows/*/*.md', { eager: true });
const pageModules = import.meta.glob<MarkdownModule>('/content/pages/*.md', { eager: true });

// Parsed once, when the module loads: bad content fails the build and the server's start.
const allFlows = parseFlows(flowModules);

export function getFlowContent(slug: FlowSlug): FlowContent {
	const flow = allFlows.get(slug);
	if (!flow) throw new ContentError(`content/flows/*-${slug}`, 'is missing');
	return flow;
}

export function hasFlowContent(slug: FlowSlug): boolean {
	return allFlows.has(slug);
}

export function getPage(name: string): PageContent {
	const file = `/content/pages/${name}.md`;
	const module = pageModules[file];
	if (!module) throw new ContentError(file, 'is missing');
	return parsePage(file, module);
}
