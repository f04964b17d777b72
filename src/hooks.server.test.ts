import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleError } from './hooks.server';

const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';

function logged(status: number, error: unknown, path: string): string {
	const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
	const url = new URL(`http://127.0.0.1${path}`);
	const event = { request: new Request(url), url } as unknown as RequestEvent;
	void handleError({ error, event, status, message: 'Internal Error' });
	return spy.mock.calls.flat().map(String).join('\n');
}

describe('handleError: the log line of a failed request', () => {
	afterEach(() => vi.restoreAllMocks());

	it('a 404 logs its method and path, masked, like SvelteKit', () => {
		expect(logged(404, new Error('Not found'), `/callback/${secret}`)).toBe(
			'[404] GET /callback/REDACTED'
		);
	});

	it('a 500 logs the stack too, with the secret masked wherever it appears', () => {
		const output = logged(500, new Error(`Cannot load /x/${secret}`), `/x/${secret}`);
		expect(output).toContain('[500] GET /x/REDACTED');
		expect(output).toContain('Error: Cannot load /x/REDACTED');
		expect(output).toMatch(/\n\s+at /);
		expect(output).not.toContain(secret);
	});
});
