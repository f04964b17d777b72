import { describe, expect, it } from 'vitest';
import { manualClock } from './clock';
import { approxBytes, ExpiringMap } from './expiring-map';
import { basic, testEmulator } from './testing';

describe('ExpiringMap', () => {
	it('forgets entries at their eviction time', () => {
		const clock = manualClock(0);
		const map = new ExpiringMap<string, number>(10, clock.now);
		map.set('a', 1, 100);
		expect(map.get('a')).toBe(1);
		clock.advance(100);
		expect(map.get('a')).toBeUndefined();
	});

	it('sweeps expired entries on write, so they do not accumulate', () => {
		const clock = manualClock(0);
		const map = new ExpiringMap<number, number>(1_000_000, clock.now);
		for (let i = 0; i < 10_000; i++) {
			map.set(i, i, clock.now() + 10);
			clock.advance(1);
		}
		expect(map.size).toBeLessThan(20);
	});

	it('keeps write order through deletes, re-sets and the ring growing and packing', () => {
		const map = new ExpiringMap<string, number>(1000, () => 0);
		const model = new Map<string, number>();
		let n = 0;
		for (let round = 0; round < 2000; round++) {
			const key = `k${(round * 7919) % 300}`;
			if (round % 5 === 0) {
				expect(map.delete(key)).toBe(model.delete(key));
			} else {
				map.set(key, n);
				model.delete(key);
				model.set(key, n++);
			}
		}
		expect([...map.entries()]).toEqual([...model.entries()]);
		expect(map.size).toBe(model.size);
		for (const [key, value] of model) expect(map.get(key)).toBe(value);
	});

	it('counts bytes as approxBytes does, and gives them back on delete', () => {
		const map = new ExpiringMap<string, unknown>(10, () => 0);
		const record = { clientId: 'abc', userId: null, scopes: ['a', 'bc'], expiresAt: 1 };
		map.set('token', record);
		expect(map.bytes).toBe(approxBytes('token') + approxBytes(record));
		expect(approxBytes(record)).toBe(
			32 + (8 + 16 + 22) + (8 + 12 + 8) + (8 + 12 + 32 + 18 + 20) + (8 + 18 + 8)
		);
		map.delete('token');
		expect(map.bytes).toBe(0);
	});

	it('lets a caller delete while it iterates', () => {
		const map = new ExpiringMap<number, number>(100, () => 0);
		for (let i = 0; i < 50; i++) map.set(i, i);
		for (const [key] of map.entries()) if (key % 2) map.delete(key);
		expect([...map.entries()].map(([k]) => k)).toEqual(Array.from({ length: 25 }, (_, i) => 2 * i));
	});

	it('drops the oldest entries beyond the cap', () => {
		const map = new ExpiringMap<number, number>(3, () => 0);
		for (let i = 0; i < 5; i++) map.set(i, i);
		expect([...map.entries()].map(([k]) => k)).toEqual([2, 3, 4]);
	});
});

describe('store bounds under a flood', () => {
	it('keeps at most the cap of access tokens, and the seeded apps', () => {
		const base = testEmulator().emulator.context.config;
		const small = testEmulator({ caps: { ...base.caps, accessTokens: 500 } }).emulator;
		for (let i = 0; i < 2000; i++) {
			small.handleRaw({
				method: 'POST',
				url: new URL('http://127.0.0.1/emulator/accounts/api/token'),
				header: (n) =>
					({ authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' })[n] ??
					null,
				body: 'grant_type=client_credentials'
			});
		}
		expect(small.context.store.accessTokens.size).toBe(500);
		const seeded = small.context.config.apps.map((app) => app.clientId);
		expect([...small.context.store.apps.entries()].map(([id]) => id)).toEqual(seeded);
		expect(seeded).toHaveLength(4);
	});
});
