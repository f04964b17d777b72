/**
 * EMULATOR_STORE=redis://host:port/db: the emulator's state on Redis, shared by every instance.
 * Lifetimes are Redis expiries (PX). A request runs as an optimistic transaction (txn.ts): fetch
 * what the handler reads, run it again until it reads nothing new, then commit with one script
 * that checks what was read is unchanged; on a conflict, run again from fresh reads.
 */
import { redisClient, redisLink } from './redis-link';
import { SharedStoreUnavailable, type SharedStore } from './shared-store';
import { Txn, type Fetched } from './txn';

/** Checks KEYS[1..n] still hold ARGV[2..n+1] ('' = absent), then applies the writes. */
const commitScript = `
local n = tonumber(ARGV[1])
for i = 1, n do
  local cur = redis.call('GET', KEYS[i])
  local exp = ARGV[1 + i]
  if exp == '' then
    if cur then return 0 end
  elseif cur ~= exp then return 0 end
end
local j = n + 2
for i = n + 1, #KEYS do
  local op, val, px = ARGV[j], ARGV[j + 1], ARGV[j + 2]
  j = j + 3
  if op == 'del' then redis.call('DEL', KEYS[i])
  elseif px == 'keep' then redis.call('SET', KEYS[i], val, 'KEEPTTL')
  elseif px == '' then redis.call('SET', KEYS[i], val)
  else redis.call('SET', KEYS[i], val, 'PX', px) end
end
return 1`;

/** Conflicts a request may meet before it gives up with a 503. */
const maxRuns = 64;

export function createRedisStore(
	url: string,
	options: { now?: () => number; sandboxTtlMs?: number; log?: (line: string) => void } = {}
): SharedStore {
	const now = options.now ?? Date.now;
	const sandboxTtlMs = options.sandboxTtlMs ?? 24 * 3600_000;
	const log = options.log ?? ((line: string) => console.error(line));
	const link = redisLink('grantwalk emulator', url, log, SharedStoreUnavailable);
	const { timed } = link;
	const client = redisClient(url);
	link.watch(client);
	const connecting = link.connect(client);

	async function fetchInto(txn: Txn, fetched: Fetched, scanned: Set<string>): Promise<void> {
		const keys = [...txn.missing];
		for (const prefix of txn.missingScans) {
			for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
				for (const key of batch as unknown as string[]) if (!fetched.has(key)) keys.push(key);
			scanned.add(prefix);
		}
		if (keys.length === 0) return;
		const values = await timed(client.mGet(keys));
		keys.forEach((key, i) => fetched.set(key, values[i] ?? null));
	}

	async function commit(txn: Txn): Promise<boolean> {
		const { reads, writes } = txn.changes();
		if (writes.size === 0) return true;
		const keys = [...reads.keys(), ...writes.keys()];
		const args = [String(reads.size), ...[...reads.values()].map((raw) => raw ?? '')];
		for (const write of writes.values()) {
			const px =
				write.ttlMs === undefined ? 'keep' : write.ttlMs === Infinity ? '' : String(write.ttlMs);
			args.push(write.value === null ? 'del' : 'set', write.value ?? '', px);
		}
		const result = await timed(client.eval(commitScript, { keys, arguments: args }));
		return result === 1;
	}

	return {
		async run(handle) {
			await timed(connecting);
			let fetched: Fetched = new Map();
			let scanned = new Set<string>();
			for (let runs = 0; runs < maxRuns; runs++) {
				const txn = new Txn(fetched, scanned, now, sandboxTtlMs);
				const response = handle(txn);
				if (txn.incomplete) {
					await timed(fetchInto(txn, fetched, scanned));
					continue;
				}
				if (await commit(txn)) return response;
				// Another instance changed what this request read: start again from fresh reads.
				fetched = new Map();
				scanned = new Set();
			}
			throw new SharedStoreUnavailable('too many conflicting writes');
		},
		ready: () => connecting,
		close: async () => {
			client.destroy();
		}
	};
}
