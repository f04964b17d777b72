// The one shiki highlighter (CONVENTIONS 8): created once, explicit languages, used at build
// time by mdsvex and on the server. Never imported by browser code.
import { createHighlighter } from 'shiki';
import { escapeSvelte } from 'mdsvex';

export const languages = ['http', 'json', 'bash', 'ts', 'js', 'python', 'text'];
// github-dark-default: its comment colour keeps WCAG AA contrast, github-dark's does not.
const themes = { light: 'github-light', dark: 'github-dark-default' };

/** @type {Promise<import('shiki').Highlighter> | undefined} */
let highlighter;

function getHighlighter() {
	highlighter ??= createHighlighter({
		themes: Object.values(themes),
		langs: languages.slice(0, -1)
	});
	return highlighter;
}

/**
 * Highlights code as HTML with both themes as CSS variables (light by default, dark by media query).
 * @param {string} code
 * @param {string | null | undefined} lang
 */
export async function highlight(code, lang) {
	const h = await getHighlighter();
	const language = lang && languages.includes(lang) ? lang : 'text';
	return h.codeToHtml(code, { lang: language, themes, defaultColor: 'light' });
}

/**
 * mdsvex highlighter: returns the HTML as a Svelte `{@html}` expression so braces in code survive.
 * @param {string} code
 * @param {string | null | undefined} lang
 */
export async function highlightToSvelte(code, lang) {
	// The HTML lands inside a JS template literal: backslashes must survive it (curl's `\`).
	const html = escapeSvelte((await highlight(code, lang)).replace(/\\/g, '&#92;'));
	return `{@html \`${html}\`}`;
}
