/**
 * A flow's explanation rendered to HTML on the server, so the flow page ships its prose once, as
 * HTML, and never again as the JavaScript of compiled markdown (DESIGN.md budgets). Rendered
 * once per flow and kept: the content is part of the build.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { loadFlowContent } from '$lib/content';
import type { FlowSlug } from '$lib/spotify/flows';

export interface RenderedStep {
	id: string;
	order: number;
	title: string;
	summary: string;
	params: string[];
	html: string;
}

export interface RenderedFlowContent {
	order: number;
	title: string;
	summary: string;
	introHtml: string;
	steps: RenderedStep[];
	securityTitle: string;
	securityHtml: string;
}

const rendered = new Map<FlowSlug, Promise<RenderedFlowContent>>();

/**
 * Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`, `<!--[0-->`, …) out of HTML that
 * the page shows with {@html}: no component ever hydrates them there, and an `<!---->` inside
 * would end the {@html} block early for the hydration of the page around it, which then fails
 * and renders the whole page again in the browser.
 */
function withoutHydrationMarkers(html: string): string {
	return html.replace(/<!--(?:\[!?-?\d*|\])?-->/g, '');
}

function html(component: Component): string {
	return withoutHydrationMarkers(render(component).body);
}

async function renderFlow(slug: FlowSlug): Promise<RenderedFlowContent> {
	const content = await loadFlowContent(slug);
	return {
		order: content.order,
		title: content.title,
		summary: content.summary,
		introHtml: html(content.Intro),
		steps: content.steps.map((step) => ({
			id: step.id,
			order: step.order,
			title: step.title,
			summary: step.summary,
			params: step.params,
			html: html(step.Body)
		})),
		securityTitle: content.securityTitle,
		securityHtml: html(content.Security)
	};
}

export function renderedFlowContent(slug: FlowSlug): Promise<RenderedFlowContent> {
	let content = rendered.get(slug);
	if (!content) rendered.set(slug, (content = renderFlow(slug)));
	return content;
}
