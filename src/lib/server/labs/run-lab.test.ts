import { afterEach, describe, expect, it, vi } from 'vitest';
import { labs } from '../../attacks/labs';
import type { DefenceId, LabSlug } from '../../attacks/types';
import { createEmulator } from '../emulator/index';
import { expectedBlocks, successText } from './expected.test-helpers';
import { computeMatrix } from './matrix';
import { runLab } from './run-lab';

const origin = 'http://127.0.0.1:5173';
const run = (slug: LabSlug, defence: DefenceId | null) =>
	runLab(slug, defence, { sandboxes: createEmulator().sandboxes, origin });

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('every attack lab, against the emulator', () => {
	for (const lab of labs) {
		describe(lab.slug, () => {
			it('succeeds with its defence off, shown by the answers of real requests', async () => {
				const r = await run(lab.slug, null);
				expect(r.verdict.text).toBe(successText[lab.slug]);
				expect(r.verdict.outcome).toBe('succeeded');
				// The proof is the last exchange: the attacker's token works (200).
				expect(r.steps.at(-1)?.exchange?.response.status).toBe(200);
			});

			for (const defence of lab.defences) {
				it(`is blocked with “${defence.label}”, by the exact answer of the table`, async () => {
					const r = await run(lab.slug, defence.id);
					expect(r.verdict.outcome).toBe('blocked');
					if (r.verdict.outcome !== 'blocked') return;
					const { stepId, ...refusal } = r.verdict.refusal;
					expect(refusal).toEqual(expectedBlocks[lab.slug][defence.id]);
					// The refusal is the answer of a step that really happened in this run.
					const step = r.steps.find((s) => s.id === stepId);
					expect(step).toBeDefined();
					// …and for the emulator, its answer there: a token error's body, or the page's text.
					if (refusal.by === 'emulator')
						expect(step?.exchange?.response.body).toContain(refusal.body);
				});
			}

			it('has an entry in the table for every defence it offers, and no other', () => {
				expect(Object.keys(expectedBlocks[lab.slug]).sort()).toEqual(
					lab.defences.map((d) => d.id).sort()
				);
			});
		});
	}

	it('never uses the network: every request goes to the emulator in-process', async () => {
		const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in a lab')));
		vi.stubGlobal('fetch', fetchSpy);
		for (const lab of labs)
			for (const defence of [null, ...lab.defences.map((d) => d.id)]) {
				const r = await run(lab.slug, defence);
				for (const step of r.steps)
					if (step.exchange)
						expect(step.exchange.request.url.startsWith(`${origin}/emulator/`)).toBe(true);
			}
		expect(fetchSpy).not.toHaveBeenCalled();
	});

	it('step ids are unique and every step records both sides', async () => {
		for (const lab of labs) {
			const r = await run(lab.slug, null);
			const ids = r.steps.map((s) => s.id);
			expect(new Set(ids).size).toBe(ids.length);
			for (const s of r.steps) expect(s.sides.victim).toBeDefined();
		}
	});
});

describe('the defence matrix', () => {
	it('is what the runs answer; a changed cell fails here', async () => {
		const matrix = await computeMatrix({ sandboxes: createEmulator().sandboxes, origin });
		const cells = Object.fromEntries(
			matrix.rows.map((row) => [
				row.slug,
				{
					none: row.none,
					...Object.fromEntries(Object.entries(row.cells).filter(([, c]) => c !== null))
				}
			])
		);
		expect(cells).toEqual({
			'code-interception-without-pkce': { none: 'succeeded', pkce: 'blocked' },
			'login-csrf-without-state': { none: 'succeeded', state: 'blocked', pkce: 'blocked' },
			'pkce-downgrade': {
				none: 'succeeded',
				'verifier-needs-challenge': 'blocked',
				state: 'blocked'
			},
			'implicit-token-leak': { none: 'succeeded', 'code-instead-of-implicit': 'blocked' },
			'code-replay': { none: 'succeeded', 'single-use-codes': 'blocked' },
			'redirect-uri-tampering': { none: 'succeeded', 'exact-redirect-match': 'blocked' },
			'secret-in-spa-bundle': { none: 'succeeded', 'rotate-secret': 'blocked' },
			'refresh-token-theft': { none: 'succeeded', 'refresh-rotation': 'blocked' }
		});
		expect(matrix.columns.map((c) => c.id)).toEqual([
			'pkce',
			'state',
			'verifier-needs-challenge',
			'code-instead-of-implicit',
			'single-use-codes',
			'exact-redirect-match',
			'rotate-secret',
			'refresh-rotation'
		]);
	});
});
