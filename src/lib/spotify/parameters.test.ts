import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findParameter, parameters } from './parameters';

const contentRoot = join(process.cwd(), 'content', 'flows');

/** The `params` of every step file, read from its frontmatter (written as an inline YAML list). */
function stepParams(): { file: string; params: string[] }[] {
	const steps: { file: string; params: string[] }[] = [];
	for (const folder of readdirSync(contentRoot)) {
		for (const file of readdirSync(join(contentRoot, folder))) {
			if (!/^\d\d-[a-z0-9-]+\.md$/.test(file)) continue;
			const text = readFileSync(join(contentRoot, folder, file), 'utf8');
			const line = /^params:\s*\[(.*)\]\s*$/m.exec(text);
			if (!line) throw new Error(`${folder}/${file}: no inline params list`);
			const params = line[1]
				.split(',')
				.map((p) => p.trim())
				.filter((p) => p !== '');
			steps.push({ file: `${folder}/${file}`, params });
		}
	}
	return steps;
}

describe('parameters', () => {
	it('has one entry per name', () => {
		const names = parameters.map((p) => p.name);
		expect(new Set(names).size).toBe(names.length);
	});

	it('gives every entry a meaning and a requirement', () => {
		for (const p of parameters) {
			expect(p.meaning.trim().length, p.name).toBeGreaterThan(20);
			expect(p.required.trim(), p.name).not.toBe('');
		}
	});

	it('cites only the RFC editor or Spotify docs', () => {
		for (const p of parameters) {
			if (p.spec === undefined) continue;
			expect(p.spec, p.name).toMatch(
				/^https:\/\/(www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+|developer\.spotify\.com\/documentation\/web-api\/)/
			);
		}
	});

	it('covers every parameter the flows use', () => {
		const expected = [
			'response_type',
			'client_id',
			'redirect_uri',
			'state',
			'scope',
			'show_dialog',
			'code_challenge_method',
			'code_challenge',
			'code',
			'error',
			'grant_type',
			'code_verifier',
			'refresh_token',
			'client_secret',
			'Authorization',
			'Content-Type',
			'access_token',
			'token_type',
			'expires_in'
		];
		for (const name of expected) expect(findParameter(name)?.name, name).toBe(name);
	});

	it('finds by exact name only', () => {
		expect(findParameter('code_verifier')?.where).toBe('body');
		expect(findParameter('authorization')).toBeUndefined();
		expect(findParameter('password')).toBeUndefined();
	});

	it('knows every parameter a step page lists', () => {
		const steps = stepParams();
		expect(steps.length).toBeGreaterThan(0);
		for (const { file, params } of steps) {
			for (const name of params) expect(findParameter(name), `${file}: ${name}`).toBeDefined();
		}
	});
});
