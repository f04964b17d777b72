import { describe, expect, it } from 'vitest';
import { createEmulator } from '../emulator/index';
import { runLab } from './run-lab';

const origin = 'http://127.0.0.1:5173';
const run = (slug: Parameters<typeof runLab>[0], defence: Parameters<typeof runLab>[1]) =>
	runLab(slug, defence, { sandboxes: createEmulator().sandboxes, origin });

describe('code-interception-without-pkce', () => {
	it('succeeds without PKCE: the attacker holds a token for the victim’s account', async () => {
		const r = await run('code-interception-without-pkce', null);
		expect(r.verdict.outcome, JSON.stringify(r.verdict)).toBe('succeeded');
	});
	it('is blocked with PKCE: invalid_request / code_verifier required', async () => {
		const r = await run('code-interception-without-pkce', 'pkce');
		expect(r.verdict).toMatchObject({ outcome: 'blocked' });
	});
});
