import { describe, expect, it } from 'vitest';
import { createExecutor } from '$lib/server/exercises/executor';
import { recommendFlow } from '$lib/spotify/which-flow';
import { judgementExercises, scenarios } from './judgement-exercises';
import { makeWorld } from './world';

const exercise = (slug: string) => judgementExercises.find((e) => e.slug === slug)!;
const seeds = Array.from({ length: 12 }, (_, i) => `j${String(i).padStart(4, '0')}`);
const grade = (slug: string, answer: string, seed: string) => {
	const w = makeWorld(seed);
	return exercise(slug).grade(answer, w, createExecutor(w));
};
const solution = (slug: string, seed: string) => {
	const w = makeWorld(seed);
	return exercise(slug).solution(w, createExecutor(w));
};

describe.each(judgementExercises.map((e) => e.slug))('%s', (slug) => {
	it.each(seeds)('the solution passes (seed %s)', (seed) => {
		const result = grade(slug, solution(slug, seed), seed);
		expect(result.failures).toEqual([]);
		expect(result.passed).toBe(true);
	});
});

describe('redirect-uris', () => {
	it('names each refused URI’s mistake when it is marked ok, over the seeds', () => {
		const named = new Set<string>();
		for (const seed of seeds) {
			const w = makeWorld(seed);
			const exec = createExecutor(w);
			const uris = exercise('redirect-uris')
				.given(w, exec)
				.map((g) => g.value);
			const right = solution('redirect-uris', seed).split('\n');
			uris.forEach((uri, i) => {
				if (right[i] === 'ok') return;
				const answer = right.map((line, j) => (j === i ? 'ok' : line)).join('\n');
				const result = grade('redirect-uris', answer, seed);
				expect(result.passed).toBe(false);
				named.add(result.failures[0].id);
				expect(result.failures[0].answer?.slug).toMatch(
					/redirect-uri-not-secure|illegal-redirect-uri/
				);
			});
		}
		expect([...named].sort()).toEqual([...exercise('redirect-uris').mistakes].sort());
	});
	it('refuses a fix that is itself refused, or that moves the app elsewhere', () => {
		const seed = seeds[0];
		const w = makeWorld(seed);
		const uris = exercise('redirect-uris')
			.given(w, createExecutor(w))
			.map((g) => g.value);
		const right = solution('redirect-uris', seed).split('\n');
		const i = right.findIndex((l) => l !== 'ok');
		const refusedFix = right.map((l, j) => (j === i ? 'http://localhost/cb' : l)).join('\n');
		expect(grade('redirect-uris', refusedFix, seed).failures.map((f) => f.id)).toContain(
			'fix-refused'
		);
		const moved = right.map((l, j) => (j === i ? 'https://elsewhere.example/other' : l)).join('\n');
		expect(grade('redirect-uris', moved, seed).failures.map((f) => f.id)).toContain(
			'fix-changes-target'
		);
		const changedOk = right.map((l, j) => (l === 'ok' && j !== i ? uris[j] + 'x' : l)).join('\n');
		expect(grade('redirect-uris', changedOk, seed).failures.map((f) => f.id)).toContain(
			'accepted-uri-changed'
		);
	});
	it('accepts localhost before 2025 (the classic era)', () => {
		const w = makeWorld(seeds[0], 'classic');
		expect(createExecutor(w).dashboardAccepts('http://localhost:8888/callback').ok).toBe(true);
	});
});

describe('choose-flow', () => {
	const w = makeWorld(seeds[1]);
	const apps = exercise('choose-flow')
		.given(w, createExecutor(w))
		.map((g) => g.value);
	const scenario = (text: string) => scenarios.find((s) => s.text === text)!;
	const answerWith = (pick: (i: number) => string) => apps.map((_, i) => pick(i)).join('\n');
	it('accepts slugs, names and numbering, and PKCE for a server app', () => {
		const answer = apps
			.map((text, i) => {
				const slug = recommendFlow(scenario(text)).slug;
				return `${i + 1}. ${slug === 'authorization-code' ? 'authorization code with PKCE' : slug}`;
			})
			.join('\n');
		expect(grade('choose-flow', answer, seeds[1]).passed).toBe(true);
	});
	it.each([
		['flow-implicit-grant', () => 'implicit grant'],
		[
			'flow-secret-on-device',
			(s: ReturnType<typeof scenario>) => (s.user ? 'authorization code' : 'client credentials')
		],
		['flow-app-token-for-user-data', () => 'client credentials'],
		['flow-user-flow-without-user', () => 'authorization code with PKCE']
	] as const)('names %s', (id, pickFor) => {
		const found = new Set<string>();
		for (const seed of seeds) {
			const world = makeWorld(seed);
			const texts = exercise('choose-flow')
				.given(world, createExecutor(world))
				.map((g) => g.value);
			const answer = texts.map((t) => pickFor(scenario(t))).join('\n');
			for (const f of grade('choose-flow', answer, seed).failures) found.add(f.id);
		}
		expect(found).toContain(id);
	});
	it('refuses a line that names no flow', () => {
		expect(
			grade(
				'choose-flow',
				answerWith(() => 'oauth'),
				seeds[1]
			).failures[0].id
		).toBe('unknown-flow');
	});
});

describe('error-triage and spot-the-bug', () => {
	it('names a wrong step, cause and fix', () => {
		const seed = seeds[2];
		const right = solution('error-triage', seed);
		const cause = Number(/cause: (\d)/.exec(right)![1]);
		const fix = Number(/fix: (\d)/.exec(right)![1]);
		const step = /step: (\S+)/.exec(right)![1];
		const wrong = `step: ${step === 'authorize' ? 'token' : 'authorize'}\ncause: ${(cause % 4) + 1}\nfix: ${(fix % 4) + 1}`;
		expect(grade('error-triage', wrong, seed).failures.map((f) => f.id)).toEqual([
			'wrong-step',
			'wrong-cause',
			'wrong-fix'
		]);
	});
	it('names a wrong line', () => {
		const seed = seeds[3];
		expect(grade('spot-the-bug', 'line 99', seed).failures[0].id).toBe('wrong-line');
		expect(grade('spot-the-bug', 'no idea', seed).unreadable).toBeDefined();
	});
});
