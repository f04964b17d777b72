import { describe, expect, it } from 'vitest';
import { serverFlags } from './server-flags.js';

describe('serverFlags', () => {
	it('gives the server a 4 MB young generation by default', () => {
		expect(serverFlags(undefined)).toEqual(['--max-semi-space-size=4']);
		expect(serverFlags('--enable-source-maps')).toEqual(['--max-semi-space-size=4']);
	});
	it('leaves the young generation to NODE_OPTIONS when it sets one', () => {
		expect(serverFlags('--max-semi-space-size=16')).toEqual([]);
		expect(serverFlags('--enable-source-maps --max-semi-space-size 8')).toEqual([]);
	});
});
