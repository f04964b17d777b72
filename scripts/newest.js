// The newest modification time under some paths: how `npm start` and `pretest` tell a build
// older than its sources without a build tool's cache.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string[]} paths files or folders; missing ones count as never modified
 * @returns {number} milliseconds since the epoch, 0 when none exists
 */
export function newest(paths) {
	let time = 0;
	for (const path of paths) {
		const stat = statSync(path, { throwIfNoEntry: false });
		if (!stat) continue;
		time = Math.max(time, stat.mtimeMs);
		if (stat.isDirectory())
			time = Math.max(time, newest(readdirSync(path).map((name) => join(path, name))));
	}
	return time;
}
