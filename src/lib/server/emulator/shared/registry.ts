/**
 * On Redis, what every instance must agree on beyond one sandbox's store: the presenter's
 * redirect URIs of the demo apps. Read and written through the request's Txn, so they commit
 * with the rest of the request, or not at all.
 */
import type { SandboxRegistry } from '../sandbox';
import type { Txn } from './txn';

const redirectUrisKey = 'gw:shared:redirect-uris';

export function txnRegistry(txn: Txn): SandboxRegistry {
	const redirectUris = () =>
		(txn.get(redirectUrisKey) as Record<string, string[]> | undefined) ?? {};
	return {
		redirectUris,
		setRedirectUris: (clientId, uris) =>
			txn.set(redirectUrisKey, { ...redirectUris(), [clientId]: [...uris] }, Infinity)
	};
}
