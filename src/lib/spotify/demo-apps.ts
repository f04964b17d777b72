/**
 * The emulator's seeded apps, as plain published values: the emulator seeds them (server) and the
 * explorer falls back on them (browser), so both read this one module. Their secrets are demo
 * values that protect nothing; they are still never persisted or logged.
 */

/** The main demo app (32 hexadecimal characters, like a Spotify Client ID). */
export const demoAppCredentials = {
	clientId: 'deadbeefcafe4bad8badf00d5eed1e55',
	clientSecret: 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e'
} as const;

/** The legacy app, on the rules from before 2025-11-27: the only one allowed the implicit grant. */
export const legacyAppCredentials = {
	clientId: 'c1a551c0c1a551c0c1a551c0c1a551c0',
	clientSecret: 'c1a551c5ec2e7c1a551c5ec2e7c1a551'
} as const;

/** A development-mode app whose allow-list lacks the demo user: its Web API calls answer 403. */
export const unregisteredUserAppCredentials = {
	clientId: 'a110a110a110a110a110a110a110a110',
	clientSecret: 'a110115ec2e7a110115ec2e7a110115e'
} as const;

/** A development-mode app whose owner has no Premium (2026): every Web API call answers 403. */
export const noPremiumAppCredentials = {
	clientId: 'f2eef2eef2eef2eef2eef2eef2eef2ee',
	clientSecret: 'f2ee5ec2e7f2ee5ec2e7f2ee5ec2e7f2'
} as const;
