/**
 * The defence matrix: every lab run with no defence and with each of its defences, in throwaway
 * lab sandboxes. A cell is what that run's verdict was; `null` where the lab has no such defence.
 */
import { defences, labs } from '../../attacks/labs';
import { defenceIds, type DefenceId, type LabSlug, type Verdict } from '../../attacks/types';
import { runLab, type RunOptions } from './run-lab';

export type Cell = Verdict['outcome'] | null;

export interface MatrixRow {
	slug: LabSlug;
	title: string;
	none: Cell;
	cells: Record<DefenceId, Cell>;
}

export interface Matrix {
	columns: { id: DefenceId; label: string }[];
	rows: MatrixRow[];
}

export async function computeMatrix(options: RunOptions): Promise<Matrix> {
	const rows: MatrixRow[] = [];
	for (const lab of labs) {
		const none = (await runLab(lab.slug, null, options)).verdict.outcome;
		const cells = Object.fromEntries(defenceIds.map((id) => [id, null])) as Record<DefenceId, Cell>;
		for (const d of lab.defences)
			cells[d.id] = (await runLab(lab.slug, d.id, options)).verdict.outcome;
		rows.push({ slug: lab.slug, title: lab.title, none, cells });
	}
	const used = new Set(labs.flatMap((l) => l.defences.map((d) => d.id)));
	const columns = defenceIds
		.filter((id) => used.has(id))
		.map((id) => ({ id, label: defences[id].label }));
	return { columns, rows };
}
