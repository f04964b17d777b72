// The package as a consumer gets it: package.json's exports and bin point at files the build made
// (npm install's prepare, npm test's pretest), and the bin runs from dist/ without tsx.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

describe('the package entry grantwalk/emulator and the bin grantwalk-emulator', () => {
	it('exports built JavaScript and bundled types, and ships only them and the bin', () => {
		const entry = manifest.exports['./emulator'];
		for (const file of [entry.types, entry.default, manifest.bin['grantwalk-emulator']])
			expect(existsSync(new URL(file, root)), file).toBe(true);
		expect(manifest.files).toEqual(['dist/emulator/', 'bin/']);
		expect(readFileSync(new URL(entry.types, root), 'utf8')).not.toMatch(/from ["']\.|\$lib/);
	});

	it('imports by its own name from plain Node, outside Vite', async () => {
		const { stdout } = await run(process.execPath, [
			'--input-type=module',
			'-e',
			"import('grantwalk/emulator').then((m) => console.log(typeof m.createSpotifyEmulator))"
		]);
		expect(stdout.trim()).toBe('function');
	});

	it('prints its usage, and exits 2 on a bad argument', async () => {
		const bin = new URL(manifest.bin['grantwalk-emulator'], root).pathname;
		const help = await run(process.execPath, [bin, '--help']);
		expect(help.stdout).toContain('Usage: grantwalk-emulator');
		const bad = await run(process.execPath, [bin, '--era', '1999']).catch((e) => e);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--era must be one of');
	});
});
