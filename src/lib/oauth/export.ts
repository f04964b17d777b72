/**
 * Any request as curl, JavaScript fetch or Python requests. The client secret becomes a
 * placeholder unless `includeSecrets` is set. The curl command sends exactly the described
 * request (export.test.ts runs it against a local server and compares bytes).
 */
import { encodeBody, type Field, type HttpRequestDescription, type RequestBody } from './http';
import { decodeBasicAuthorization, redactRequest, SECRET_PLACEHOLDER } from '$lib/core/masking';

export type ExportFormat = 'curl' | 'fetch' | 'python';

export interface ExportOptions {
	/** Put the real client secret in the output. Off by default. */
	includeSecrets?: boolean;
	/** What stands in for the secret; `YOUR_CLIENT_SECRET` by default. */
	placeholder?: string;
}

/** Renders a request in one of the export formats. */
export function exportRequest(
	request: HttpRequestDescription,
	format: ExportFormat,
	options: ExportOptions = {}
): string {
	const shown = options.includeSecrets
		? request
		: redactRequest(request, options.placeholder ?? SECRET_PLACEHOLDER);
	if (format === 'curl') return toCurl(shown);
	if (format === 'fetch') return toFetch(shown);
	return toPython(shown);
}

/** POSIX shell single quoting: everything literal, `'` written as `'\''`. */
export function shellQuote(value: string): string {
	return `'${value.replace(/'/g, `'\\''`)}'`;
}

function toCurl(request: HttpRequestDescription): string {
	const args: string[] = [];
	// curl treats [] and {} in URLs as globs; IPv6 hosts like [::1] need them literal.
	if (/[[\]{}]/.test(request.url)) args.push('--globoff');
	// curl infers GET without a body and POST with one; say the method only otherwise.
	const inferred = request.body ? 'POST' : 'GET';
	if (request.method !== inferred) args.push(`-X ${request.method}`);
	for (const [name, value] of Object.entries(request.headers)) {
		const basic =
			name.toLowerCase() === 'authorization' ? decodeBasicAuthorization(value) : undefined;
		// `-u id:secret` makes curl send exactly this Basic header, and reads better than base64.
		if (basic) args.push(`-u ${shellQuote(`${basic.clientId}:${basic.clientSecret}`)}`);
		else args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
	}
	if (request.body) args.push(`--data-raw ${shellQuote(encodeBody(request.body))}`);
	return [`curl ${shellQuote(request.url)}`, ...args].join(' \\\n  ');
}

function toFetch(request: HttpRequestDescription): string {
	const init: string[] = [];
	if (request.method !== 'GET') init.push(`method: ${jsString(request.method)}`);
	const headers = Object.entries(request.headers).map(
		([name, value]) => `${jsKey(name)}: ${jsHeaderValue(name, value)}`
	);
	if (headers.length) init.push(`headers: {\n\t\t${headers.join(',\n\t\t')}\n\t}`);
	if (request.body) {
		const fields = uniqueForJson(request.body);
		init.push(
			request.body.type === 'json'
				? `body: JSON.stringify(${jsObject(fields, '\t')})`
				: `body: new URLSearchParams(${jsObject(fields, '\t')})`
		);
	}
	const call = init.length
		? `fetch(${jsString(request.url)}, {\n\t${init.join(',\n\t')}\n})`
		: `fetch(${jsString(request.url)})`;
	return `const response = await ${call};\nconsole.log(response.status, await response.text());`;
}

function toPython(request: HttpRequestDescription): string {
	const args = [pyString(request.url)];
	const headers: string[] = [];
	for (const [name, value] of Object.entries(request.headers)) {
		const basic =
			name.toLowerCase() === 'authorization' ? decodeBasicAuthorization(value) : undefined;
		// requests builds the same Basic header from an auth tuple.
		if (basic) args.push(`auth=(${pyString(basic.clientId)}, ${pyString(basic.clientSecret)})`);
		else headers.push(`${pyString(name)}: ${pyString(value)}`);
	}
	if (headers.length) args.push(`headers={${headers.join(', ')}}`);
	if (request.body) {
		const fields = uniqueForJson(request.body);
		const names = new Set(fields.map(([name]) => name));
		// A dict cannot repeat a form name; a list of pairs can, and requests accepts both.
		const [open, close, pair] =
			names.size === fields.length
				? ['{', '}', (k: string, v: string) => `${k}: ${v}`]
				: ['[', ']', (k: string, v: string) => `(${k}, ${v})`];
		const entries = fields.map(([k, v]) => `\t\t${pair(pyString(k), pyString(v))}`);
		const literal = `${open}\n${entries.join(',\n')}\n\t${close}`;
		args.push(request.body.type === 'json' ? `json=${literal}` : `data=${literal}`);
	}
	const call = `requests.${request.method.toLowerCase()}(\n\t${args.join(',\n\t')}\n)`;
	return `import requests\n\nresponse = ${call}\nprint(response.status_code, response.text)`.replace(
		/\t/g,
		'    '
	);
}

/** JSON objects keep the last of repeated names, as encodeBody's Object.fromEntries does. */
function uniqueForJson(body: RequestBody): readonly Field[] {
	return body.type === 'json' ? Object.entries(Object.fromEntries(body.fields)) : body.fields;
}

function jsHeaderValue(name: string, value: string): string {
	const basic =
		name.toLowerCase() === 'authorization' ? decodeBasicAuthorization(value) : undefined;
	// btoa only takes Latin-1; fall back to the literal header for anything else.
	if (basic && /^[\x20-\x7e]*$/.test(`${basic.clientId}:${basic.clientSecret}`))
		return `'Basic ' + btoa(${jsString(`${basic.clientId}:${basic.clientSecret}`)})`;
	return jsString(value);
}

/** An object literal; repeated names (never built here, but possible) keep every pair. */
function jsObject(fields: readonly Field[], indent: string): string {
	const names = fields.map(([name]) => name);
	if (new Set(names).size !== names.length)
		return `[${fields.map(([k, v]) => `[${jsString(k)}, ${jsString(v)}]`).join(', ')}]`;
	const lines = fields.map(([k, v]) => `${indent}\t${jsKey(k)}: ${jsString(v)}`);
	return `{\n${lines.join(',\n')}\n${indent}}`;
}

function jsKey(name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

function jsString(value: string): string {
	return `'${value.replace(/[\\'\n\r\u2028\u2029]/g, (c) => jsEscapes[c] ?? c)}'`;
}

const jsEscapes: Record<string, string> = {
	'\\': '\\\\',
	"'": "\\'",
	'\n': '\\n',
	'\r': '\\r',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029'
};

function pyString(value: string): string {
	let out = '';
	for (const c of value) {
		const code = c.charCodeAt(0);
		// Control characters as \xNN so the literal stays on one line and means the same bytes.
		if (c === '\\' || c === "'") out += `\\${c}`;
		else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
		else out += c;
	}
	return `'${out}'`;
}
