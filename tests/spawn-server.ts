import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnedServer {
	/** Its origin, e.g. http://127.0.0.1:40123 */
	url: string;
	/** Everything it wrote to stdout and stderr so far. */
	output: () => string;
	stop: () => Promise<void>;
}

/**
 * A server of its own for a test that needs other environment variables than the shared one
 * (a server secret, a proxy's address header) or reads the server's log. The built site, as
 * `npm start` serves it (GRANTWALK_BUILD_DIR honoured), on a free port.
 */
export async function spawnServer(env: Record<string, string> = {}): Promise<SpawnedServer> {
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: fileURLToPath(new URL('..', import.meta.url)),
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			const listening = output.match(/Listening on (http:\/\/\S+)/);
			if (listening) resolve(listening[1]);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		void exited.then(() => reject(new Error(`The server exited before listening:\n${output}`)));
	});
	return {
		url,
		output: () => output,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
