import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1', port: 5173, strictPort: true },
	test: {
		// examples/: the worked examples of the README's "Use the emulator in your tests".
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'examples/**/*.test.ts'],
		environment: 'node',
		// One module registry per worker, not per file: importing the emulator, the content and
		// the flows again for each of ~90 files was half the unit stage's CPU (measured A/B,
		// user+sys: 50 s isolated, 22 s shared). Tests that stub globals unstub them after.
		isolate: false
	}
});
