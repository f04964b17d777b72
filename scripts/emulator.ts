// `npm run emulator -- --port 8080 [--host 127.0.0.1]`: the Spotify accounts emulator alone, on
// node:http, configured by the same EMULATOR_* variables as the site. Prints no secret.
import { createServer } from 'node:http';
import { emulatorFromEnv } from '../src/lib/server/emulator/instance';
import { nodeListener } from '../src/lib/server/emulator/node';

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

const emulator = emulatorFromEnv(process.env);
const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const server = createServer(nodeListener(emulator, origin));
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
});

for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => server.close(() => process.exit(0)));
