/**
 * A small purpose-built JSON highlighter for the browser (shiki stays on the server): splits a
 * JSON text into typed tokens the view colours with classes. Unknown text passes through as
 * `plain`, so a body that is not JSON is still shown whole.
 */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation' | 'plain';

export interface JsonToken {
	kind: JsonTokenKind;
	text: string;
}

const pattern =
	/("(?:\\.|[^"\\])*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;

export function tokenizeJson(text: string): JsonToken[] {
	const tokens: JsonToken[] = [];
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) tokens.push({ kind: 'plain', text: text.slice(last, match.index) });
		const [whole, string, colon, number, literal, punctuation] = match;
		if (string !== undefined) {
			tokens.push({ kind: colon ? 'key' : 'string', text: string });
			if (colon) tokens.push({ kind: 'punctuation', text: colon });
		} else if (number !== undefined) tokens.push({ kind: 'number', text: number });
		else if (literal !== undefined) tokens.push({ kind: 'literal', text: literal });
		else tokens.push({ kind: 'punctuation', text: punctuation ?? whole });
		last = match.index + whole.length;
	}
	if (last < text.length) tokens.push({ kind: 'plain', text: text.slice(last) });
	return tokens;
}

/** Pretty-prints a JSON text with two spaces; returns undefined when it is not JSON. */
export function prettyJson(text: string): string | undefined {
	try {
		return JSON.stringify(JSON.parse(text), null, 2);
	} catch {
		return undefined;
	}
}
