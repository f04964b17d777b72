import { createHash } from 'node:crypto';
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

/** Every fenced code block of the flow pages, with its language. */
function codeBlocks(): { file: string; lang: string; code: string }[] {
	const blocks: { file: string; lang: string; code: string }[] = [];
	for (const folder of readdirSync(contentRoot)) {
		for (const file of readdirSync(join(contentRoot, folder))) {
			const text = readFileSync(join(contentRoot, folder, file), 'utf8');
			for (const m of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm))
				blocks.push({ file: `${folder}/${file}`, lang: m[1], code: m[2] });
		}
	}
	return blocks;
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

// The flow pages promise exact, consistent example values; these checks keep them honest.
describe('example values in the flow pages', () => {
	const blocks = codeBlocks();
	const all = blocks.map((b) => b.code).join('\n');

	it('uses only the languages the highlighter is given', () => {
		for (const b of blocks) expect(['http', 'json', 'bash'], b.file).toContain(b.lang);
	});

	it('shows JSON that parses, pretty or compact after an http response', () => {
		for (const b of blocks) {
			const body =
				b.lang === 'json'
					? b.code
					: b.lang === 'http' && /^Content-Type: application\/json$/m.test(b.code)
						? b.code.split('\n\n')[1]
						: undefined;
			if (body !== undefined) expect(() => JSON.parse(body), b.file).not.toThrow();
		}
	});

	it('pairs the RFC 7636 verifier with its S256 challenge', () => {
		const verifiers = new Set([...all.matchAll(/code_verifier=([\w.~-]+)/g)].map((m) => m[1]));
		const challenges = new Set([...all.matchAll(/code_challenge=([\w-]+)/g)].map((m) => m[1]));
		expect([...verifiers]).toEqual(['dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk']);
		const hash = createHash('sha256')
			.update([...verifiers][0])
			.digest('base64url');
		expect([...challenges]).toEqual([hash]);
	});

	it('builds every Basic header from the example client id and the fake secret', () => {
		const headers = [...all.matchAll(/Authorization: Basic (\S+)/g)].map((m) => m[1]);
		expect(headers.length).toBeGreaterThan(0);
		for (const h of headers)
			expect(Buffer.from(h, 'base64').toString()).toBe(
				'5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e:0123456789abcdef0123456789abcdef'
			);
	});

	it('uses one client id, one redirect URI and one state everywhere', () => {
		const ids = new Set([...all.matchAll(/client_id=(\w+)/g)].map((m) => m[1]));
		expect([...ids]).toEqual(['5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e']);
		const redirects = new Set([...all.matchAll(/redirect_uri=([^&\s]+)/g)].map((m) => m[1]));
		for (const r of redirects)
			expect(decodeURIComponent(r), r).toBe('http://127.0.0.1:5173/callback');
		const states = new Set([...all.matchAll(/state=(\w+)/g)].map((m) => m[1]));
		expect([...states]).toEqual(['c4f3b4b3']);
	});
});
