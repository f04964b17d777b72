/**
 * The emulator's store and the follow rooms reach Redis the same way: one client setup, a lost
 * Redis said once in the log (without the password) and once more when it is back, and every
 * operation bounded in time, so that a request answers 503 and never hangs.
 */
import { createClient } from 'redis';

/** No Redis answer within this long counts as Redis gone: a paused server must not hang a request. */
export const opTimeoutMs = 1500;

/**
 * No offline queue (a request while Redis is away fails at once, as a 503, instead of waiting),
 * a connect timeout of opTimeoutMs, and reconnecting every second at most.
 */
export function redisClient(url: string) {
	return createClient({
		url,
		disableOfflineQueue: true,
		socket: {
			connectTimeout: opTimeoutMs,
			reconnectStrategy: (retries) => Math.min(retries * 100, 1000)
		}
	});
}

/** The URL without its password, for log lines. */
export function safeUrl(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.password = '';
		parsed.username = '';
		return parsed.toString();
	} catch {
		return 'redis://?';
	}
}

export interface RedisLink {
	/** Logs the connection's errors as Redis lost, and its return. */
	watch(connection: ReturnType<typeof redisClient>): void;
	/**
	 * Connects `connection`; a failed connection rejects with `unavailable`, and is never an
	 * unhandled rejection (every use awaits it through timed()).
	 */
	connect(connection: ReturnType<typeof redisClient>): Promise<void>;
	/** Says once that Redis is lost (`why`: "is unreachable (…)", "did not answer (…)"). */
	lost(why: string): void;
	/** `operation`, or `unavailable` after opTimeoutMs; any failure is Redis lost. */
	timed<T>(operation: Promise<T>): Promise<T>;
}

/**
 * `label` names the user in the log ("grantwalk emulator", "grantwalk rooms"); `unavailable`
 * makes the user's own error, which its routes turn into a 503.
 */
export function redisLink(
	label: string,
	url: string,
	log: (line: string) => void,
	unavailable: new (message: string) => Error
): RedisLink {
	const where = safeUrl(url);
	let down = false;
	const lost = (why: string) => {
		if (down) return;
		down = true;
		log(`${label}: Redis at ${where} ${why}; answering 503 until it returns`);
	};
	return {
		lost,
		connect(connection) {
			const connecting = connection.connect().then(
				() => undefined,
				(error: Error) => {
					throw new unavailable(error.message);
				}
			);
			connecting.catch(() => {});
			return connecting;
		},
		watch(connection) {
			connection.on('error', (error: Error) => lost(`is unreachable (${error.message})`));
			connection.on('ready', () => {
				if (down) log(`${label}: Redis at ${where} is back`);
				down = false;
			});
		},
		async timed(operation) {
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new unavailable('no answer')), opTimeoutMs);
			});
			try {
				return await Promise.race([operation, timeout]);
			} catch (error) {
				lost(`did not answer (${(error as Error).message})`);
				throw error instanceof unavailable ? error : new unavailable(String(error));
			} finally {
				clearTimeout(timer);
			}
		}
	};
}
