import type { Lane } from '$lib/attacks/types';

/** The sequence's lanes, as the page names them. */
export const laneNames: Record<Lane, string> = {
	victim: 'Victim’s browser',
	'victim-app': 'Victim’s app',
	attacker: 'Attacker’s browser',
	'attacker-site': 'Attacker’s site',
	spotify: 'Spotify (emulator)'
};
