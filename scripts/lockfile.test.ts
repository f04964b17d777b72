import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm install` rewrites package-lock.json whenever its root entry no longer matches
 * package.json, so a fresh clone would be dirty at once (it was: the bin was missing). npm copies
 * these fields of package.json into the lock's root entry; the two must agree.
 */
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = read('package.json');
const root = read('package-lock.json').packages[''];

describe('package-lock.json', () => {
	it.each(['name', 'version', 'license', 'bin', 'devDependencies', 'dependencies', 'engines'])(
		'records package.json’s %s as npm install would',
		(field) => {
			expect(root[field]).toEqual(pkg[field]);
		}
	);
});
