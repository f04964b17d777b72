import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { highlightToSvelte } from './scripts/highlight.js';

/**
 * Content-Security-Policy for every page SvelteKit renders. The emulator's own pages set theirs.
 * @type {import('@sveltejs/kit').KitConfig['csp']}
 */
const csp = {
	mode: 'auto',
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		// Shiki and Svelte write inline style attributes; no inline script is ever allowed.
		'style-src': ['self', 'unsafe-inline'],
		'img-src': ['self', 'data:'],
		'connect-src': ['self', 'https://accounts.spotify.com', 'https://api.spotify.com'],
		'form-action': ['self'],
		'frame-ancestors': ['none'],
		'base-uri': ['self'],
		'object-src': ['none']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			// Code fences are highlighted here, at build time, so shiki never reaches a browser.
			highlight: { highlighter: highlightToSvelte }
		})
	],
	kit: {
		// GRANTWALK_BUILD_DIR lets two builds run side by side (e.g. a test run beside a dev build).
		adapter: adapter({ out: process.env.GRANTWALK_BUILD_DIR ?? 'build' }),
		outDir: process.env.GRANTWALK_BUILD_DIR
			? `.svelte-kit-${process.env.GRANTWALK_BUILD_DIR}`
			: '.svelte-kit',
		csp,
		// The emulator must take cross-site form POSTs, as Spotify's token endpoint does (curl, other
		// apps' servers). hooks.server.ts applies the same origin check to every other path.
		csrf: { checkOrigin: false },
		alias: { $content: 'content' }
	}
};

export default config;
