/** The seam between the synchronous core and a store shared by several instances (Redis). */
import type { EmuResponse } from '../types';
import type { Txn } from './txn';

/** Redis is gone, or did not answer in time: the request gets a 503, never a hang. */
export class SharedStoreUnavailable extends Error {}

export interface SharedStore {
	/** Runs `handle` as one transaction on Redis (txn.ts), running it again until it has all it reads. */
	run(handle: (txn: Txn) => EmuResponse): Promise<EmuResponse>;
	/** Resolves once connected (tests and the benchmark wait for it). */
	ready(): Promise<void>;
	close(): Promise<void>;
}

/** Spotify's shape of a server error: the Web API's error object under /api, else OAuth's. */
export function unavailable(apiPath: boolean): EmuResponse {
	const body = apiPath
		? {
				error: { status: 503, message: 'Service unavailable: the emulator cannot reach its store' }
			}
		: { error: 'server_error', error_description: 'The emulator cannot reach its store' };
	return {
		status: 503,
		headers: { 'content-type': 'application/json', 'retry-after': '1' },
		body: JSON.stringify(body)
	};
}
