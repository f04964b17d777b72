// The V8 flags `npm start` gives the server. A young generation of 4 MB keeps a class server's
// memory flat under load: `npm run bench:memory -- --target site` (2026-12-04, two 60 s runs at
// 100 connections each) peaked at 273 then 281 MB with Node's defaults, and at 252 then 252 MB
// with it, at the same throughput. The old space is left to Node: 200 attendee sandboxes at their
// caps need more than a small bound would give. A flag already in NODE_OPTIONS wins.

/**
 * @param {string | undefined} nodeOptions the NODE_OPTIONS the server would inherit
 * @returns {string[]} the flags to put before the server's script
 */
export function serverFlags(nodeOptions) {
	return /--max-semi-space-size\b/.test(nodeOptions ?? '') ? [] : ['--max-semi-space-size=4'];
}
