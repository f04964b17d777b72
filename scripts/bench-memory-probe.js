// Loaded into the served site by `npm run bench:follow` (node --import): answers the benchmark's
// "memory" message over the IPC channel with the server's own process.memoryUsage(), after a
// full garbage collection when node runs with --expose-gc, so heap figures are live objects only.
process.on('message', (message) => {
	if (message !== 'memory') return;
	globalThis.gc?.();
	process.send?.({ memory: process.memoryUsage() });
});
// The channel must not keep a server that was asked to stop alive.
process.channel?.unref();
