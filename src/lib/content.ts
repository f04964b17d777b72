/**
 * Reads the prose in content/ (compiled by mdsvex) and checks its frontmatter, so a page with a
 * missing or bad field fails the build instead of rendering half a page. Routes ask this module
 * for a flow's content; markdown itself carries no logic.
 */
import type { FlowSlug } from './spotify/flows';
import {
	ContentError,
	parseFlowFolder,
	parsePage,
	type FlowContent,
	type MarkdownModule,
	type PageContent
} from './content-schema';

export type { FlowContent, PageContent, StepContent } from './content-schema';

// Flow content is loaded per flow, so a flow page's bundle carries its own prose only.
const flowModules = import.meta.glob<MarkdownModule>('/content/flows/*/*.md');
const pageModules = import.meta.glob<MarkdownModule>('/content/pages/*.md', { eager: true });

/** The folder (`/content/flows/NN-<slug>`) of each flow that has content. */
const flowFolders = new Map(
	Object.keys(flowModules).map((file) => {
		const folder = file.slice(0, file.lastIndexOf('/'));
		return [folder.replace(/^.*\/\d{2}-/, ''), folder] as const;
	})
);

/** Loads and checks one flow's content; a bad frontmatter throws a ContentError naming the file. */
export async function loadFlowContent(slug: FlowSlug): Promise<FlowContent> {
	const folder = flowFolders.get(slug);
	if (!folder) throw new ContentError(`content/flows/NN-${slug}`, 'is missing');
	const files = await Promise.all(
		Object.entries(flowModules)
			.filter(([file]) => file.startsWith(`${folder}/`))
			.map(async ([file, load]) => [file, await load()] as const)
	);
	return parseFlowFolder(folder, Object.fromEntries(files));
}

export function getPage(name: string): PageContent {
	const file = `/content/pages/${name}.md`;
	const module = pageModules[file];
	if (!module) throw new ContentError(file, 'is missing');
	return parsePage(file, module);
}
