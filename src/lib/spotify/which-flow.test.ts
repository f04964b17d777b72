import { describe, expect, it } from 'vitest';
import { parseAnswers, platforms, recommendFlow, type Platform } from './which-flow';

describe('recommendFlow', () => {
	it('recommends authorization code for a server web app that keeps the secret', () => {
		const r = recommendFlow({ user: true, secret: true, platform: 'server-web-app' });
		expect(r.slug).toBe('authorization-code');
		expect(r.reason).toMatch(/server/);
	});

	it.each(['spa', 'mobile', 'desktop', 'cli'] as Platform[])(
		'recommends PKCE for a user-facing %s app, even when it claims to keep a secret',
		(platform) => {
			expect(recommendFlow({ user: true, secret: false, platform }).slug).toBe(
				'authorization-code-pkce'
			);
			const claimed = recommendFlow({ user: true, secret: true, platform });
			expect(claimed.slug).toBe('authorization-code-pkce');
			expect(claimed.notes.join(' ')).toMatch(/extracted/);
		}
	);

	it('recommends client credentials when no user is involved', () => {
		const r = recommendFlow({ user: false, secret: true, platform: 'backend-job' });
		expect(r.slug).toBe('client-credentials');
		expect(r.notes).toEqual([]);
	});

	it('warns that client credentials needs a server when there is no secret', () => {
		const r = recommendFlow({ user: false, secret: false, platform: 'spa' });
		expect(r.slug).toBe('client-credentials');
		expect(r.notes.join(' ')).toMatch(/backend/);
	});

	it('never recommends the removed implicit grant', () => {
		for (const platform of Object.keys(platforms) as Platform[])
			for (const user of [true, false])
				for (const secret of [true, false])
					expect(recommendFlow({ user, secret, platform }).slug).not.toBe('implicit-grant');
	});
});

describe('parseAnswers', () => {
	it('is empty when nothing was asked', () => {
		expect(parseAnswers(new URLSearchParams(''))).toEqual({ kind: 'empty' });
	});

	it('reads a complete set of answers', () => {
		expect(parseAnswers(new URLSearchParams('user=yes&secret=no&platform=cli'))).toEqual({
			kind: 'complete',
			answers: { user: true, secret: false, platform: 'cli' }
		});
	});

	it('names every missing or unknown answer and keeps what was given', () => {
		const parsed = parseAnswers(new URLSearchParams('user=maybe&platform=toaster'));
		expect(parsed.kind).toBe('invalid');
		if (parsed.kind !== 'invalid') return;
		expect(parsed.problems).toHaveLength(3);
		expect(parsed.problems[0]).toContain('maybe');
		expect(parsed.problems[2]).toContain('toaster');
		expect(parsed.values).toEqual({ user: 'maybe', secret: undefined, platform: 'toaster' });
	});
});
