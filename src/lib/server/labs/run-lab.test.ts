import { afterEach, describe, expect, it, vi } from 'vitest';
import { labs } from '../../attacks/labs';
import type { DefenceId, LabRun, LabSlug } from '../../attacks/types';
import { createEmulator } from '../emulator/index';
import { expectedBlocks, implicitLeaks, stillSucceeds, successText } from './expected.test-helpers';
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

			for (const defence of lab.defences.filter((d) => stillSucceeds[lab.slug]?.includes(d.id))) {
				it(`still succeeds with “${defence.label}”, a partial defence`, async () => {
					const r = await run(lab.slug, defence.id);
					expect(r.verdict.outcome).toBe('succeeded');
					expect(r.verdict.text).toBe(successText[lab.slug]);
					expect(r.steps.at(-1)?.exchange?.response.status).toBe(200);
				});
			}

			for (const defence of lab.defences.filter((d) => expectedBlocks[lab.slug][d.id])) {
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

			it('has an entry in the tables for every defence it offers, once, and no other', () => {
				expect(
					[...Object.keys(expectedBlocks[lab.slug]), ...(stillSucceeds[lab.slug] ?? [])].sort()
				).toEqual(lab.defences.map((d) => d.id).sort());
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

const stepAnswer = (r: LabRun, id: string) => {
	const step = r.steps.find((s) => s.id === id);
	if (!step?.exchange) throw new Error(`no exchange at step ${id}`);
	return { status: step.exchange.response.status, body: JSON.parse(step.exchange.response.body) };
};
const revoked = { error: 'invalid_grant', error_description: 'Refresh token revoked' };
// The 2026 rules' 401 for a token the Web API does not know (reference §7.4).
const unknownToken = { error: { status: 401, message: 'Missing/invalid/expired access token' } };

describe('what each defence changes beyond the verdict', () => {
	it('code replay: single use alone leaves the first tokens working; revoking kills them', async () => {
		const single = await run('code-replay', 'single-use-codes');
		expect(stepAnswer(single, 'victim-app-uses-token').status).toBe(200);
		expect(stepAnswer(single, 'victim-app-refreshes').status).toBe(200);
		const revoking = await run('code-replay', 'revoke-on-code-replay');
		expect(revoking.strict).toEqual(['revokeTokensOnCodeReplay']);
		expect(stepAnswer(revoking, 'victim-app-uses-token')).toEqual({
			status: 401,
			body: unknownToken
		});
		expect(stepAnswer(revoking, 'victim-app-refreshes')).toEqual({ status: 400, body: revoked });
		expect(single.strict).toEqual([]);
		expect((await run('code-replay', null)).strict).toEqual([]);
	});

	it('refresh theft: rotation alone signs the victim out and keeps the thief in; reuse detection revokes both', async () => {
		const none = await run('refresh-token-theft', null);
		expect(stepAnswer(none, 'app-refreshes').status).toBe(200);
		const rotation = await run('refresh-token-theft', 'refresh-rotation');
		expect(stepAnswer(rotation, 'attacker-refreshes').body.refresh_token).toBeTypeOf('string');
		expect(stepAnswer(rotation, 'app-refreshes')).toEqual({ status: 400, body: revoked });
		expect(stepAnswer(rotation, 'attacker-refreshes-again').status).toBe(200);
		expect(rotation.strict).toEqual([]);
		const detection = await run('refresh-token-theft', 'refresh-reuse-detection');
		expect(detection.strict).toEqual(['refreshTokenReuseDetection']);
		// The app's era (2026) does not rotate: the strict behaviour does.
		expect(stepAnswer(detection, 'attacker-refreshes').body.refresh_token).toBeTypeOf('string');
		expect(stepAnswer(detection, 'app-refreshes')).toEqual({ status: 400, body: revoked });
		expect(stepAnswer(detection, 'attacker-refreshes-again')).toEqual({
			status: 400,
			body: revoked
		});
		expect(stepAnswer(detection, 'attacker-checks-old-token')).toEqual({
			status: 401,
			body: unknownToken
		});
	});

	it('implicit leak: the verdict lists the channels the simulated browser really leaked through', async () => {
		for (const [defence, leaks] of Object.entries(implicitLeaks)) {
			const r = await run(
				'implicit-token-leak',
				defence === 'none' ? null : (defence as DefenceId)
			);
			const channels = r.verdict.channels ?? [];
			expect(
				channels.filter((c) => c.leaked).map((c) => c.id),
				defence
			).toEqual(leaks);
			expect(channels.map((c) => c.id)).toEqual([
				'history',
				'address-bar',
				'third-party-script',
				'referer',
				'open-redirector'
			]);
			for (const c of channels.filter((c) => c.leaked))
				expect(r.verdict.outcome === 'succeeded' && r.verdict.evidence).toContain(c.label);
			const referer = channels.find((c) => c.id === 'referer')!;
			// A Referer never carries the fragment; with no-referrer there is none at all.
			expect(referer.carried).toBe(
				defence === 'referrer-policy' ? 'no Referer header' : 'https://victim-app.example/'
			);
			// Exact redirect matching: the open redirector is refused by the emulator's page.
			expect(stepAnswer2(r, 'victim-follows-redirector-link')).toContain(
				'INVALID_CLIENT: Invalid redirect URI'
			);
		}
	});
});

function stepAnswer2(r: LabRun, id: string): string {
	return r.steps.find((s) => s.id === id)?.exchange?.response.body ?? '';
}

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
			'implicit-token-leak': {
				none: 'succeeded',
				'code-instead-of-implicit': 'blocked',
				'referrer-policy': 'succeeded',
				'scrub-fragment': 'succeeded'
			},
			'code-replay': {
				none: 'succeeded',
				'single-use-codes': 'blocked',
				'revoke-on-code-replay': 'blocked'
			},
			'redirect-uri-tampering': { none: 'succeeded', 'exact-redirect-match': 'blocked' },
			'secret-in-spa-bundle': { none: 'succeeded', 'rotate-secret': 'blocked' },
			'refresh-token-theft': {
				none: 'succeeded',
				'refresh-reuse-detection': 'blocked',
				'refresh-rotation': 'succeeded'
			}
		});
		expect(matrix.columns.map((c) => c.id)).toEqual([
			'pkce',
			'state',
			'verifier-needs-challenge',
			'code-instead-of-implicit',
			'referrer-policy',
			'scrub-fragment',
			'single-use-codes',
			'revoke-on-code-replay',
			'exact-redirect-match',
			'rotate-secret',
			'refresh-reuse-detection',
			'refresh-rotation'
		]);
	});
});
