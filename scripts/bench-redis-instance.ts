// One emulator instance for `npm run bench:redis`: `tsx scripts/bench-redis-instance.ts <port> [redis-url]`
// (no URL: the in-memory store). Prints "ready" once it listens (and, on Redis, is connected).
import { createServer } from 'node:http';
import { defaultConfig } from '../src/lib/server/emulator/config';
import { createEmulator } from '../src/lib/server/emulator/index';
import { nodeListener } from '../src/lib/server/emulator/node';
import { createRedisStore } from '../src/lib/server/emulator/shared/redis-store';

const [port, url] = process.argv.slice(2);
const shared = url ? createRedisStore(url) : undefined;
await shared?.ready();
const emulator = createEmulator({ config: defaultConfig(), ...(shared && { shared }) });
createServer(nodeListener(emulator, `http://127.0.0.1:${port}`)).listen(
	Number(port),
	'127.0.0.1',
	() => console.log('ready')
);
