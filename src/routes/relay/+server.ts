import { env } from '$env/dynamic/private';
import { handleRelayRequest, relayInfo } from '$lib/server/relay';
import type { RequestHandler } from './$types';

// Thin: the relay's rules live in $lib/server/relay.ts. The global fetch, not event.fetch, so
// nothing of the site's own request (cookies) can travel with it.
export const POST: RequestHandler = ({ request, url, getClientAddress }) =>
	handleRelayRequest(request, {
		origin: url.origin,
		clientId: env.SPOTIFY_CLIENT_ID,
		clientSecret: env.SPOTIFY_CLIENT_SECRET,
		remoteAddress: clientAddress(getClientAddress),
		allowRemote: env.GRANTWALK_RELAY_REMOTE === 'allow'
	});

export const GET: RequestHandler = () =>
	relayInfo({ clientId: env.SPOTIFY_CLIENT_ID, clientSecret: env.SPOTIFY_CLIENT_SECRET });

/** adapter-node throws when ADDRESS_HEADER names a header the request lacks: then it is unknown. */
function clientAddress(get: () => string): string | undefined {
	try {
		return get();
	} catch {
		return undefined;
	}
}
