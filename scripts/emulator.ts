// `npm run emulator -- --port 8080 [--host 127.0.0.1]`: the Spotify accounts emulator alone, on
// node:http, configured by the same EMULATOR_* variables as the site. Prints no secret but the
// presenter key it generates when it listens beyond loopback. One sandbox (the default one) for
// everything: a developer's own app, its server and its browser all see the same apps and tokens.
import { createServer } from 'node:http';
import { configFromEnv } from '../src/lib/server/emulator/config';
import { createEmulator } from '../src/lib/server/emulator/index';
import { nodeListener } from '../src/lib/server/emulator/node';
import {
	allowedHostNames,
	ensurePresenterKey,
	isAllowedHost,
	listensBeyondLoopback
} from '../src/lib/server/hosting.js';

function option(name: string, fallback: string): string {
	const args = process.argv.slice(2);
	const i = args.indexOf(`--${name}`);
	if (i >= 0 && args[i + 1]) return args[i + 1];
	const inline = args.find((a) => a.startsWith(`--${name}=`));
	return inline ? inline.slice(name.length + 3) : fallback;
}

const port = Number(option('port', process.env.PORT ?? '8080'));
const host = option('host', process.env.HOST ?? '127.0.0.1');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`--port must be a port number, not ${port}`);
	process.exit(2);
}

const presenter = ensurePresenterKey(process.env, host);
const config = configFromEnv({ ...process.env, HOST: host });
config.sandboxes = false;
config.presenterKeyRequired = presenter.key !== null || listensBeyondLoopback(host);
const emulator = createEmulator({ config });
const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
// Like the site (scripts/serve.js): unknown host names get 421, so a DNS-rebinding page cannot
// read the dashboard's secrets.
const names = allowedHostNames({ ...process.env, HOST: host }, host);
const server = createServer(
	nodeListener(emulator, origin, (hostHeader) => isAllowedHost(hostHeader, names))
);
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
	const address = server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	const base = `http://${host.includes(':') ? `[${host}]` : host}:${actual}${emulator.context.config.mount}`;
	const demo = emulator.context.config.apps[0];
	console.log(`Spotify emulator (Grantwalk) on ${base}`);
	console.log(`  https://accounts.spotify.com -> ${base}/accounts`);
	console.log(`  https://api.spotify.com      -> ${base}/api`);
	console.log(
		`  demo app client_id ${demo.clientId} (rules: ${demo.era}); dashboard ${base}/dashboard`
	);
	console.log(`  control API ${emulator.context.config.control ? `${base}/control` : 'off'}`);
	if (presenter.generated) console.log(`  presenter key (shared settings): ${presenter.key}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => server.close(() => process.exit(0)));
