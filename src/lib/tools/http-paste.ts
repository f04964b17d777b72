/**
 * Reads a pasted HTTP request — a curl command (as curl itself reads its arguments), a raw
 * HTTP/1.1 request, or Python requests/httpx and JavaScript fetch/axios code (code-paste.ts) —
 * into method, URL, headers and body, without ever running or sending it.
 */
import { parseCodeRequest } from './code-paste';

export interface PastedRequest {
	source: 'curl' | 'http' | 'python' | 'javascript';
	/** For code: the library whose behaviour was followed (requests, httpx, fetch, axios). */
	library?: string;
	method: string;
	url: string;
	headers: [name: string, value: string][];
	body?: string;
	/** How curl was told to send the body: `-d` (form by default), `--json`, or `-F` (multipart). */
	bodyKind: 'none' | 'data' | 'json' | 'multipart' | 'raw';
	/** `-u user:password`: curl builds the Basic header from it. */
	user?: string;
	/** Things curl does that could not be followed (`-d @file`). */
	notes: string[];
}

/** Splits a shell command line into words: quotes, backslashes and line continuations. */
export function shellWords(command: string): string[] {
	const words: string[] = [];
	let word: string | null = null;
	const s = command.replace(/\\\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (/\s/.test(c)) {
			if (word !== null) words.push(word);
			word = null;
		} else if (c === "'") {
			const end = s.indexOf("'", i + 1);
			word = (word ?? '') + s.slice(i + 1, end < 0 ? s.length : end);
			i = end < 0 ? s.length : end;
		} else if (c === '$' && s[i + 1] === "'") {
			let out = '';
			for (i += 2; i < s.length && s[i] !== "'"; i++) {
				if (s[i] === '\\' && i + 1 < s.length) {
					const e = s[++i];
					out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
				} else out += s[i];
			}
			word = (word ?? '') + out;
		} else if (c === '"') {
			let out = '';
			for (i++; i < s.length && s[i] !== '"'; i++) {
				if (s[i] === '\\' && /["\\$`]/.test(s[i + 1] ?? '')) out += s[++i];
				else out += s[i];
			}
			word = (word ?? '') + out;
		} else if (c === '\\' && i + 1 < s.length) {
			word = (word ?? '') + s[++i];
		} else word = (word ?? '') + c;
	}
	if (word !== null) words.push(word);
	return words;
}

const dataOptions = new Set(['-d', '--data', '--data-raw', '--data-ascii', '--data-binary']);
/** Options whose argument the inspector does not need, skipped with it. */
const ignoredWithArgument = new Set([
	'-o',
	'--output',
	'-A',
	'--user-agent',
	'-e',
	'--referer',
	'-b',
	'--cookie',
	'-c',
	'--cookie-jar',
	'-w',
	'--write-out',
	'--connect-timeout',
	'-m',
	'--max-time',
	'--retry',
	'-x',
	'--proxy',
	'--cacert',
	'-E',
	'--cert',
	'--key',
	'-r',
	'--range',
	'--resolve'
]);

function curlToRequest(words: string[]): PastedRequest {
	const req: PastedRequest = {
		source: 'curl',
		method: '',
		url: '',
		headers: [],
		bodyKind: 'none',
		notes: []
	};
	const data: string[] = [];
	let get = false;
	for (let i = 1; i < words.length; i++) {
		let opt = words[i];
		let arg: string | undefined;
		const eq = opt.startsWith('--') ? opt.indexOf('=') : -1;
		if (eq > 0) [opt, arg] = [opt.slice(0, eq), opt.slice(eq + 1)];
		else if (/^-[XHdFu].+/.test(opt)) [opt, arg] = [opt.slice(0, 2), opt.slice(2)];
		const next = () => arg ?? words[++i] ?? '';
		if (opt === '-X' || opt === '--request') req.method = next().toUpperCase();
		else if (opt === '-H' || opt === '--header') {
			const h = next();
			const colon = h.indexOf(':');
			if (colon > 0) req.headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()]);
		} else if (dataOptions.has(opt)) {
			const d = next();
			if (d.startsWith('@') && opt !== '--data-raw')
				req.notes.push(
					`curl reads the body from the file ${d.slice(1)}, which cannot be checked here.`
				);
			data.push(opt === '--data-binary' || opt === '--data-raw' ? d : d.replace(/\r?\n/g, ''));
			req.bodyKind = req.bodyKind === 'json' ? 'json' : 'data';
		} else if (opt === '--data-urlencode') {
			const d = next();
			const at = d.indexOf('=');
			data.push(
				at < 0
					? encodeURIComponent(d)
					: `${d.slice(0, at + 1)}${encodeURIComponent(d.slice(at + 1))}`
			);
			req.bodyKind = 'data';
		} else if (opt === '--json') {
			data.push(next());
			req.bodyKind = 'json';
			req.headers.push(['Content-Type', 'application/json'], ['Accept', 'application/json']);
		} else if (opt === '-F' || opt === '--form') {
			data.push(next());
			req.bodyKind = 'multipart';
		} else if (opt === '-u' || opt === '--user') req.user = next();
		else if (opt === '--url') req.url = next();
		else if (opt === '-G' || opt === '--get') get = true;
		else if (ignoredWithArgument.has(opt)) next();
		else if (!opt.startsWith('-') && req.url === '') req.url = opt;
	}
	if (data.length > 0) {
		if (get) req.url += (req.url.includes('?') ? '&' : '?') + data.join('&');
		else req.body = data.join(req.bodyKind === 'multipart' ? '\n' : '&');
	}
	req.method ||= data.length > 0 && !get ? 'POST' : 'GET';
	return req;
}

function rawToRequest(text: string): PastedRequest | undefined {
	const normalised = text.replace(/\r\n/g, '\n');
	const split = normalised.indexOf('\n\n');
	const head = split < 0 ? normalised : normalised.slice(0, split);
	const body = split < 0 ? undefined : normalised.slice(split + 2);
	const [first, ...lines] = head.split('\n');
	const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(first.trim());
	if (!m) return undefined;
	const headers = lines
		.map(
			(l) =>
				[l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]
		)
		.filter(([n]) => n !== '' && !n.includes(' '));
	const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
	const url = /^https?:\/\//i.test(m[2]) ? m[2] : host ? `https://${host}${m[2]}` : m[2];
	return {
		source: 'http',
		method: m[1],
		url,
		headers,
		body: body === undefined || body === '' ? undefined : body.replace(/\n+$/, ''),
		bodyKind: body ? 'raw' : 'none',
		notes: []
	};
}

/** Reads a curl command, a raw HTTP request or request code; undefined when it is none of them. */
export function parsePastedRequest(input: string): PastedRequest | undefined {
	const text = input.trim().replace(/^[$>#]\s*/, '');
	if (/^curl(\.exe)?\s/i.test(text)) return curlToRequest(shellWords(text));
	return rawToRequest(text) ?? parseCodeRequest(input.trim());
}
