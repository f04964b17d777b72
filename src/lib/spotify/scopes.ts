/**
 * Spotify's authorization scopes (developer.spotify.com/documentation/web-api/concepts/scopes),
 * as in shared/spotify-reference.md §8. The emulator's consent page, the scopes page and the
 * authorize checks read this one list.
 */

export type ScopeGroup =
	| 'Images'
	| 'Spotify Connect'
	| 'Playback'
	| 'Playlists'
	| 'Follow'
	| 'Listening history'
	| 'Library'
	| 'Users'
	| 'Open Access';

export interface Scope {
	name: string;
	group: ScopeGroup;
	/** What the scope lets an app do. */
	grants: string;
	/** How a consent screen words it, in plain language. */
	consent: string;
	/** Web API endpoints that need it (examples, not exhaustive). */
	endpoints: readonly string[];
}

export const scopes: readonly Scope[] = [
	{
		name: 'ugc-image-upload',
		group: 'Images',
		grants: 'Upload images the user made, such as a custom playlist cover.',
		consent: 'Upload images to your Spotify account',
		endpoints: ['PUT /v1/playlists/{playlist_id}/images']
	},
	{
		name: 'user-read-playback-state',
		group: 'Spotify Connect',
		grants: "Read the user's player state and their Spotify Connect devices.",
		consent: 'Read your currently playing content and Spotify Connect devices information',
		endpoints: ['GET /v1/me/player', 'GET /v1/me/player/devices']
	},
	{
		name: 'user-modify-playback-state',
		group: 'Spotify Connect',
		grants: 'Control playback: play, pause, seek, volume, queue and transfer between devices.',
		consent: 'Control Spotify on your devices',
		endpoints: ['PUT /v1/me/player/play', 'POST /v1/me/player/queue']
	},
	{
		name: 'user-read-currently-playing',
		group: 'Spotify Connect',
		grants: 'Read what the user is playing right now, and their queue.',
		consent: 'Read your currently playing content',
		endpoints: ['GET /v1/me/player/currently-playing', 'GET /v1/me/player/queue']
	},
	{
		name: 'app-remote-control',
		group: 'Playback',
		grants: 'Remote-control the Spotify app; only the iOS and Android SDKs use it.',
		consent: 'Communicate with the Spotify app on your device',
		endpoints: []
	},
	{
		name: 'streaming',
		group: 'Playback',
		grants: 'Play content in the Web Playback SDK; the user needs Spotify Premium.',
		consent: 'Play content and control playback on your other devices',
		endpoints: []
	},
	{
		name: 'playlist-read-private',
		group: 'Playlists',
		grants: "Read the user's private playlists.",
		consent: 'Access your private playlists',
		endpoints: ['GET /v1/me/playlists']
	},
	{
		name: 'playlist-read-collaborative',
		group: 'Playlists',
		grants: "Include collaborative playlists in the user's playlist listings.",
		consent: 'Access your collaborative playlists',
		endpoints: ['GET /v1/me/playlists']
	},
	{
		name: 'playlist-modify-private',
		group: 'Playlists',
		grants: "Create and edit the user's private playlists.",
		consent: 'Manage your private playlists',
		endpoints: ['POST /v1/me/playlists', 'POST /v1/playlists/{playlist_id}/items']
	},
	{
		name: 'playlist-modify-public',
		group: 'Playlists',
		grants: "Create and edit the user's public playlists.",
		consent: 'Manage your public playlists',
		endpoints: ['POST /v1/me/playlists', 'PUT /v1/playlists/{playlist_id}']
	},
	{
		name: 'user-follow-modify',
		group: 'Follow',
		grants: 'Follow and unfollow artists and other users.',
		consent: 'Manage who you are following',
		endpoints: ['PUT /v1/me/following', 'DELETE /v1/me/following']
	},
	{
		name: 'user-follow-read',
		group: 'Follow',
		grants: 'Read which artists and users the user follows.',
		consent: 'Access your followers and who you are following',
		endpoints: ['GET /v1/me/following']
	},
	{
		name: 'user-read-playback-position',
		group: 'Listening history',
		grants: 'Read where the user stopped in episodes and shows.',
		consent: 'Read your position in content you have played',
		endpoints: ['GET /v1/me/episodes']
	},
	{
		name: 'user-top-read',
		group: 'Listening history',
		grants: "Read the user's top artists and tracks.",
		consent: 'Read your top artists and content',
		endpoints: ['GET /v1/me/top/artists', 'GET /v1/me/top/tracks']
	},
	{
		name: 'user-read-recently-played',
		group: 'Listening history',
		grants: 'Read what the user played recently.',
		consent: 'Access your recently played items',
		endpoints: ['GET /v1/me/player/recently-played']
	},
	{
		name: 'user-library-modify',
		group: 'Library',
		grants: "Save and remove items in the user's library.",
		consent: 'Manage your saved content',
		endpoints: ['PUT /v1/me/library', 'DELETE /v1/me/library']
	},
	{
		name: 'user-library-read',
		group: 'Library',
		grants: "Read the user's saved tracks, albums, episodes and shows.",
		consent: 'Access your saved content',
		endpoints: ['GET /v1/me/tracks', 'GET /v1/me/albums']
	},
	{
		name: 'user-read-email',
		group: 'Users',
		grants: "Read the user's email address (as entered, not verified).",
		consent: 'Get your real email address',
		endpoints: ['GET /v1/me']
	},
	{
		name: 'user-read-private',
		group: 'Users',
		grants: "Read the user's subscription level, country and explicit-content setting.",
		consent: 'Access your subscription details',
		endpoints: ['GET /v1/me']
	},
	{
		name: 'user-soa-link',
		group: 'Open Access',
		grants: "Link a partner's user account to a Spotify user (Open Access partners only).",
		consent: 'Link your partner account to Spotify',
		endpoints: []
	},
	{
		name: 'user-soa-unlink',
		group: 'Open Access',
		grants: "Unlink a partner's user account from a Spotify user (Open Access partners only).",
		consent: 'Unlink your partner account from Spotify',
		endpoints: []
	},
	{
		name: 'soa-manage-entitlements',
		group: 'Open Access',
		grants: "Change a partner's user entitlements (Open Access partners only).",
		consent: 'Manage your entitlements',
		endpoints: []
	},
	{
		name: 'soa-manage-partner',
		group: 'Open Access',
		grants: "Update a partner's information and logo (Open Access partners only).",
		consent: 'Manage partner information',
		endpoints: []
	},
	{
		name: 'soa-create-partner',
		group: 'Open Access',
		grants: 'Create new partners (platform partners only).',
		consent: 'Create partners',
		endpoints: []
	}
];

/** Scopes Spotify answers with `Illegal scope`: removed, renamed or internal (reference §8). */
export const illegalScopes: readonly { name: string; why: string }[] = [
	{ name: 'user-read-birthdate', why: 'Removed by Spotify in 2019.' },
	{ name: 'openid', why: 'Spotify is not an OpenID Connect provider for third-party apps.' },
	{ name: 'playlist-modify', why: 'Renamed to playlist-modify-public in 2014.' },
	{ name: 'user-personalized', why: 'A Spotify-internal scope, not granted to third-party apps.' },
	{ name: 'playlist-read', why: 'A Spotify-internal scope, not granted to third-party apps.' },
	{ name: 'user-modify', why: 'A Spotify-internal scope, not granted to third-party apps.' },
	{
		name: 'user-read-play-history',
		why: 'A Spotify-internal scope, not granted to third-party apps.'
	}
];

const byName = new Map(scopes.map((s) => [s.name, s]));

export function findScope(name: string): Scope | undefined {
	return byName.get(name);
}

export function isKnownScope(name: string): boolean {
	return byName.has(name);
}

/** Splits a `scope` parameter the way Spotify reads it: on spaces (a `+` arrives decoded as one). */
export function splitScopeParameter(value: string): string[] {
	return value.split(/\s+/).filter((s) => s.length > 0);
}
