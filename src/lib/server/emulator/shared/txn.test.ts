import { describe, expect, it } from 'vitest';
import { Txn } from './txn';

describe("a request's view of the shared store", () => {
	const prefix = 'gw:box:apps:';

	it('asks for a scan before it lists a collection, then lists what Redis held and what it wrote', () => {
		const fetched = new Map<string, string | null>([
			[`${prefix}a`, JSON.stringify({ name: 'A' })],
			[`${prefix}b`, JSON.stringify({ name: 'B' })]
		]);
		const first = new Txn(fetched, new Set(), () => 0, 60_000);
		expect([...first.store('box').apps.entries()]).toEqual([]);
		expect(first.missingScans).toEqual(new Set([prefix]));

		const txn = new Txn(fetched, new Set([prefix]), () => 0, 60_000);
		const apps = txn.store('box').apps;
		apps.delete('b');
		apps.set('c', { name: 'C' } as never);
		expect(Object.fromEntries(apps.entries())).toEqual({ a: { name: 'A' }, c: { name: 'C' } });
		expect(txn.incomplete).toBe(false);
	});
});
