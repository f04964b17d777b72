/**
 * A statechart of a flow machine, drawn from the machine's own definition: its states (nested
 * as in the machine) and its transitions, laid out by ELK's layered algorithm and written as
 * plain SVG. Prerendered at build time (routes/flows/[flow]/statechart.json), so the browser
 * gets a static picture and only highlights the current state in it.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { AnyStateMachine } from 'xstate';
import type { OutlineState, Statechart } from '$lib/flows/statechart';

/** The parts of an XState state node this module reads. */
interface StateNodeLike {
	key: string;
	path: string[];
	states: Record<string, StateNodeLike>;
	transitions: Map<string, { eventType: string; target?: readonly StateNodeLike[] }[]>;
}

/** Event names as a learner reads them: the invoked request's answer, not XState's internals. */
export function eventLabel(eventType: string): string {
	if (eventType.startsWith('xstate.done.actor')) return 'answer';
	if (eventType.startsWith('xstate.error.actor')) return 'no answer';
	return eventType;
}

const pathOf = (node: StateNodeLike) => node.path.join('.');

function outlineOf(node: StateNodeLike): OutlineState {
	const transitions: OutlineState['transitions'] = [];
	for (const [, definitions] of node.transitions)
		for (const definition of definitions)
			for (const target of definition.target ?? [])
				transitions.push({ event: eventLabel(definition.eventType), target: pathOf(target) });
	return {
		path: pathOf(node),
		name: node.key,
		transitions,
		children: Object.values(node.states).map(outlineOf)
	};
}

const charWidth = 7;
const labelChar = 5.6;

function elkNode(state: OutlineState): ElkNode {
	if (state.children.length === 0)
		return {
			id: state.path,
			width: Math.max(70, state.name.length * charWidth + 20),
			height: 28,
			labels: [{ text: state.name }]
		};
	return {
		id: state.path,
		labels: [{ text: state.name }],
		layoutOptions: { 'elk.padding': '[top=26,left=10,bottom=10,right=10]' },
		children: state.children.map(elkNode)
	};
}

/**
 * Drawn are the moves a run makes forward; "try again" from an error and a request that got no
 * answer (possible from every request) would cross the whole picture, so the outline lists them.
 */
const drawn = (event: string) => event !== 'flow.retry' && event !== 'no answer';

function edgesOf(state: OutlineState, out: ElkExtendedEdge[] = []): ElkExtendedEdge[] {
	// Two transitions between the same states (guarded alternatives) become one labelled edge.
	const seen = new Map<string, ElkExtendedEdge>();
	for (const t of state.transitions.filter((t) => drawn(t.event))) {
		const key = `${state.path}->${t.target}`;
		const existing = seen.get(key);
		if (existing) {
			const label = existing.labels![0];
			if (!label.text!.split(', ').includes(t.event)) {
				label.text = `${label.text}, ${t.event}`;
				label.width = label.text.length * labelChar + 6;
			}
			continue;
		}
		const edge: ElkExtendedEdge = {
			id: `e${out.length}`,
			sources: [state.path],
			targets: [t.target],
			labels: [{ text: t.event, width: t.event.length * labelChar + 6, height: 12 }]
		};
		seen.set(key, edge);
		out.push(edge);
	}
	for (const child of state.children) edgesOf(child, out);
	return out;
}

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function drawNodes(node: ElkNode, depth: number, out: string[]) {
	for (const child of node.children ?? []) {
		const x = child.x ?? 0;
		const y = child.y ?? 0;
		const w = child.width ?? 0;
		const h = child.height ?? 0;
		const name = escape(child.labels?.[0]?.text ?? '');
		const compound = (child.children?.length ?? 0) > 0;
		out.push(
			`<g class="state${compound ? ' compound' : ''}" data-state="${escape(child.id)}">` +
				`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8"/>` +
				(compound
					? `<text x="${x + 10}" y="${y + 17}" class="name">${name}</text>`
					: `<text x="${x + w / 2}" y="${y + h / 2 + 4}" text-anchor="middle" class="name">${name}</text>`) +
				`</g>`
		);
		drawNodes(child, depth + 1, out);
	}
}

function drawEdges(edges: ElkExtendedEdge[], out: string[]) {
	for (const edge of edges)
		for (const section of edge.sections ?? []) {
			const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
			const d = points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
			out.push(`<path class="transition" d="${d}" marker-end="url(#statechart-arrow)"/>`);
			for (const label of edge.labels ?? [])
				out.push(
					`<text class="event" x="${(label.x ?? 0) + 3}" y="${(label.y ?? 0) + 10}">${escape(label.text ?? '')}</text>`
				);
		}
}

/** Lays the machine out and draws it; the same machine always gives the same picture. */
export async function statechartOf(machine: AnyStateMachine): Promise<Statechart> {
	const root = machine.root as unknown as StateNodeLike;
	const outline = Object.values(root.states).map(outlineOf);
	const graph: ElkNode = {
		id: 'root',
		layoutOptions: {
			'elk.algorithm': 'layered',
			'elk.direction': 'DOWN',
			'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
			// The machines list their states in the order a run meets them: keep it.
			'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
			'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
			'elk.json.shapeCoords': 'ROOT',
			'elk.json.edgeCoords': 'ROOT',
			'elk.edgeLabels.inline': 'false',
			'elk.layered.spacing.nodeNodeBetweenLayers': '28',
			'elk.spacing.nodeNode': '18',
			'elk.spacing.edgeLabel': '2',
			'elk.padding': '[top=8,left=8,bottom=8,right=8]'
		},
		children: outline.map(elkNode),
		edges: outline.flatMap((state) => edgesOf(state))
	};
	const laid = await new ELK().layout(graph);
	const parts: string[] = [];
	drawNodes(laid, 0, parts);
	drawEdges((laid.edges ?? []) as ElkExtendedEdge[], parts);
	const width = Math.ceil(laid.width ?? 0);
	const height = Math.ceil(laid.height ?? 0);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="statechart-svg" aria-hidden="true" focusable="false">` +
		`<defs><marker id="statechart-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
		parts.join('') +
		`</svg>`;
	return { svg, outline };
}
