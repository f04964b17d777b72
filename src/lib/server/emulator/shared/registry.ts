/**
 * On Redis, what every instance must agree on beyond one sandbox's store: the presenter's
 * redirect URIs of the demo apps, and which attendee sandboxes exist (their number is capped by
 * EMULATOR_MAX_SANDBOXES across instances). Read and written through the request's Txn, so they
 * commit with the rest of the request, or not at all.
 */
import type { SandboxEntry, SandboxRegistry } from '../sandbox';
import type { Txn } from './txn';

const redirectUrisKey = 'gw:shared:redirect-uris';
/** Written by every sandbox made: two instances making the last free one at once conflict. */
const madeKey = 'gw:shared:sandboxes-made';
const entryPrefix = 'gw:sandbox:';

export function txnRegistry(txn: Txn, idleMs: number): SandboxRegistry {
	const redirectUris = () =>
		(txn.get(redirectUrisKey) as Record<string, string[]> | undefined) ?? {};
	return {
		fetched: () => !txn.incomplete,
		redirectUris,
		setRedirectUris: (clientId, uris) =>
			txn.set(redirectUrisKey, { ...redirectUris(), [clientId]: [...uris] }, Infinity),
		entry: (id) => txn.get(entryPrefix + id) as SandboxEntry | undefined,
		entries: () => {
			const found: [string, SandboxEntry][] = [];
			for (const key of txn.keys(entryPrefix)) {
				const entry = txn.get(key) as SandboxEntry | undefined;
				if (entry) found.push([key.slice(entryPrefix.length), entry]);
			}
			return found;
		},
		touch: (id, entry) => txn.set(entryPrefix + id, entry, idleMs),
		made: () => txn.set(madeKey, ((txn.get(madeKey) as number | undefined) ?? 0) + 1, Infinity),
		madeCount: () => (txn.get(madeKey) as number | undefined) ?? 0,
		forget: (id) => {
			txn.delete(entryPrefix + id);
		}
	};
}
