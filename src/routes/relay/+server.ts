import { env } from '$env/dynamic/private';
import { handleRelayRequest, relayInfo } from '$lib/server/relay';
import type { RequestHandler } from './$types';

// Thin: the relay's rules live in $lib/server/relay.ts. The global fetch, not event.fetch, so
// nothing of the site's own request (cookies) can travel with it.
export const POST: RequestHandler = ({ request, url }) =>
	handleRelayRequest(request, {
		origin: url.origin,
		clientId: env.SPOTIFY_CLIENT_ID,
		clientSecret: env.SPOTIFY_CLIENT_SECRET
	});

export const GET: RequestHandler = () =>
	relayInfo({ clientId: env.SPOTIFY_CLIENT_ID, clientSecret: env.SPOTIFY_CLIENT_SECRET });
