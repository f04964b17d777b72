/**
 * The one paste box of /debug: which tool a pasted text is for. A token request (curl, raw HTTP,
 * or the code that sends it) goes to the token-request inspector, an authorize URL to its
 * inspector, bare redirect URIs to the linter, anything else to the error decoder.
 */
import { parsePastedRequest } from './http-paste';

export type PasteTool = 'token-request' | 'authorize-url' | 'redirect-uri' | 'errors';

export interface PasteRoute {
	tool: PasteTool;
	/** Why, in a few words, shown above the answer. */
	why: string;
}

export function routePaste(input: string): PasteRoute {
	const text = input.trim();
	const request = parsePastedRequest(text);
	if (request && !/\/authorize\b/.test(request.url))
		return {
			tool: 'token-request',
			why:
				request.source === 'curl'
					? 'a curl command'
					: request.source === 'http'
						? 'a raw HTTP request'
						: `${request.source === 'python' ? 'Python' : 'JavaScript'} ${request.library ?? ''} code`
		};
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	if (lines.length === 1 && /^(https?:\/\/)?[^\s]*\/authorize\?/i.test(lines[0]))
		return { tool: 'authorize-url', why: 'an authorize URL' };
	if (
		lines.length > 0 &&
		lines.every((l) => /^["'`]?[a-z][\w+.-]*:\/\/[^\s?]*["'`]?$/i.test(l) && !/\{/.test(l))
	)
		return { tool: 'redirect-uri', why: lines.length === 1 ? 'a redirect URI' : 'redirect URIs' };
	return { tool: 'errors', why: 'what Spotify (or the browser) said' };
}

/** The GET link of a tool for a text (already masked); not for token requests, which are POSTed. */
export function toolLink(tool: Exclude<PasteTool, 'token-request'>, text: string): string {
	const t = text.trim();
	if (tool === 'authorize-url')
		return `/debug/authorize-url?${new URLSearchParams({ url: t })}#result`;
	if (tool === 'redirect-uri')
		return `/debug/redirect-uri?${new URLSearchParams({ registered: t })}#result`;
	return `/debug/errors?${new URLSearchParams({ q: t })}#result`;
}
