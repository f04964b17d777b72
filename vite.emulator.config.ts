// The package entry `grantwalk/emulator` and its bin, built to dist/emulator/ by `npm run
// build:emulator` (run by `prepare`, so `npm install` of a clone or a git dependency builds it).
// Bundled, because the source uses SvelteKit's $lib alias and extensionless imports, which Node
// cannot load; node: built-ins stay imports, and there are no other dependencies to bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`src/lib/${path}`, import.meta.url));

export default defineConfig({
	resolve: { alias: { $lib: src('') } },
	build: {
		ssr: true,
		outDir: 'dist/emulator',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		copyPublicDir: false,
		rolldownOptions: {
			input: {
				index: src('server/emulator/spotify-emulator.ts'),
				cli: src('server/emulator/cli.ts')
			},
			output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' }
		}
	}
});
