/**
 * The shape of the prose in content/: checks each compiled markdown file's frontmatter and
 * assembles a flow's folder, throwing a ContentError that names the file and the problem.
 * Pure, so tests can feed it modules; src/lib/content.ts feeds it the real files.
 */
import type { Component } from 'svelte';
import { flowSlugs, type FlowSlug } from './spotify/flows';
import { findParameter } from './spotify/parameters';

/** What mdsvex compiles each markdown file to. */
export interface MarkdownModule {
	default: Component;
	metadata?: Record<string, unknown>;
}

export interface StepContent {
	/** Kebab-case id from the file name, used by the flow machines (`NN-<id>.md`). */
	id: string;
	order: number;
	title: string;
	summary: string;
	/** Parameters used or returned in the step; each exists in the parameter catalog. */
	params: string[];
	/**
	 * Speaker notes for a presenter (frontmatter `notes:`): what to point at, what to ask the
	 * room. Shown only in the presenter console, never on the flow page.
	 */
	notes: string;
	Body: Component;
}

export interface FlowContent {
	slug: FlowSlug;
	order: number;
	title: string;
	summary: string;
	Intro: Component;
	steps: StepContent[];
	securityTitle: string;
	Security: Component;
}

export interface PageContent {
	title: string;
	summary: string;
	Body: Component;
}

export class ContentError extends Error {
	constructor(file: string, problem: string) {
		super(`${file}: ${problem}`);
		this.name = 'ContentError';
	}
}

function requireString(meta: Record<string, unknown>, field: string, file: string): string {
	const value = meta[field];
	if (typeof value !== 'string' || value.trim() === '')
		throw new ContentError(file, `frontmatter field "${field}" must be a non-empty string`);
	return value;
}

function metadataOf(module: MarkdownModule, file: string): Record<string, unknown> {
	if (!module.metadata || typeof module.metadata !== 'object')
		throw new ContentError(file, 'has no frontmatter');
	return module.metadata;
}

/** Checks a step file's frontmatter: title, summary, notes and a list of known parameter names. */
export function parseStep(file: string, module: MarkdownModule): StepContent {
	const match = /\/(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(file);
	if (!match) throw new ContentError(file, 'a step file must be named NN-<kebab-case-id>.md');
	const meta = metadataOf(module, file);
	const params = meta.params ?? [];
	if (!Array.isArray(params) || params.some((p) => typeof p !== 'string'))
		throw new ContentError(file, 'frontmatter field "params" must be a list of parameter names');
	const unknown = (params as string[]).filter((p) => !findParameter(p));
	if (unknown.length > 0)
		throw new ContentError(file, `unknown parameter(s) in "params": ${unknown.join(', ')}`);
	return {
		id: match[2],
		order: Number(match[1]),
		title: requireString(meta, 'title', file),
		summary: requireString(meta, 'summary', file),
		params: params as string[],
		notes: requireString(meta, 'notes', file).trim(),
		Body: module.default
	};
}

/** Assembles one flow folder (`content/flows/NN-<slug>/`) and checks it is complete. */
export function parseFlowFolder(
	folder: string,
	files: Record<string, MarkdownModule>
): FlowContent {
	const match = /(?:^|\/)(\d{2})-([a-z-]+)$/.exec(folder);
	const slug = match?.[2];
	if (!match || !slug || !(flowSlugs as readonly string[]).includes(slug))
		throw new ContentError(
			folder,
			`the folder must be NN-<slug> with a slug of ${flowSlugs.join(', ')}`
		);

	const index = files[`${folder}/index.md`];
	if (!index) throw new ContentError(folder, 'has no index.md');
	const indexMeta = metadataOf(index, `${folder}/index.md`);
	const order = indexMeta.order;
	if (order !== Number(match[1]))
		throw new ContentError(`${folder}/index.md`, `frontmatter "order" must be ${Number(match[1])}`);

	const security = files[`${folder}/security.md`];
	if (!security) throw new ContentError(folder, 'has no security.md');

	const steps = Object.entries(files)
		.filter(([file]) => !file.endsWith('/index.md') && !file.endsWith('/security.md'))
		.map(([file, module]) => parseStep(file, module))
		.sort((a, b) => a.order - b.order);
	if (steps.length === 0) throw new ContentError(folder, 'has no step files');
	steps.forEach((step, i) => {
		if (step.order !== i + 1)
			throw new ContentError(
				folder,
				`steps must be numbered 01, 02, … without gaps (found ${step.order} at position ${i + 1})`
			);
	});

	return {
		slug: slug as FlowSlug,
		order: Number(order),
		title: requireString(indexMeta, 'title', `${folder}/index.md`),
		summary: requireString(indexMeta, 'summary', `${folder}/index.md`),
		Intro: index.default,
		steps,
		securityTitle: requireString(
			metadataOf(security, `${folder}/security.md`),
			'title',
			`${folder}/security.md`
		),
		Security: security.default
	};
}

/** Groups the flow files by folder and assembles every flow. */
export function parseFlows(modules: Record<string, MarkdownModule>): Map<FlowSlug, FlowContent> {
	const folders = new Map<string, Record<string, MarkdownModule>>();
	for (const [file, module] of Object.entries(modules)) {
		const folder = file.slice(0, file.lastIndexOf('/'));
		folders.set(folder, { ...folders.get(folder), [file]: module });
	}
	const result = new Map<FlowSlug, FlowContent>();
	for (const [folder, files] of folders) {
		const flow = parseFlowFolder(folder, files);
		if (result.has(flow.slug)) throw new ContentError(folder, `a second folder for ${flow.slug}`);
		result.set(flow.slug, flow);
	}
	return result;
}

export function parsePage(file: string, module: MarkdownModule): PageContent {
	const meta = metadataOf(module, file);
	return {
		title: requireString(meta, 'title', file),
		summary: requireString(meta, 'summary', file),
		Body: module.default
	};
}
