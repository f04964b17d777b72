import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1', port: 5173, strictPort: true },
	test: {
		// examples/: the worked examples of the README's "Use the emulator in your tests".
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'examples/**/*.test.ts'],
		environment: 'node'
	}
});
