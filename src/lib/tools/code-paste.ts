/**
 * Reads a token request written as code, the way developers paste it: Python `requests` or
 * `httpx`, JavaScript `fetch` or `axios`. A tiny evaluator for the literals such code uses
 * (strings, f-strings and template literals, dicts and objects, `+`, base64 and URL-encoding
 * helpers, variables assigned earlier in the snippet) turns it into the request the library would
 * send, headers and body as that library builds them. Nothing is ever run.
 */
import { base64, base64Utf8 } from '$lib/core/encoding';
import type { PastedRequest } from './http-paste';

/** Python bytes (b'…', .encode(), b64encode()), kept apart from text as Python does. */
class Bytes {
	constructor(readonly bytes: string) {}
}
/** A form body (URLSearchParams, urlencode): pairs in order. */
class Form {
	constructor(readonly form: [string, string][]) {}
}
type Value = string | Bytes | Form | Value[] | { [key: string]: Value } | undefined;

type Token = { t: 'str' | 'id' | 'num' | 'p'; v: string; prefix?: string };

function tokenize(src: string): Token[] {
	const out: Token[] = [];
	let i = 0;
	while (i < src.length) {
		const c = src[i];
		if (/\s/.test(c)) i++;
		else if (c === '#' || (c === '/' && src[i + 1] === '/'))
			while (i < src.length && src[i] !== '\n') i++;
		else if (/[A-Za-z_$]/.test(c)) {
			let j = i;
			while (j < src.length && /[\w$]/.test(src[j])) j++;
			const word = src.slice(i, j);
			if (/^[bfrBFR]{1,2}$/.test(word) && /['"]/.test(src[j] ?? '')) {
				i = j;
				const s = readString(src, i);
				out.push({ t: 'str', v: s.value, prefix: word.toLowerCase() });
				i = s.end;
			} else {
				out.push({ t: 'id', v: word });
				i = j;
			}
		} else if (/['"`]/.test(c)) {
			const s = readString(src, i);
			out.push({ t: 'str', v: s.value, prefix: c === '`' ? 't' : '' });
			i = s.end;
		} else if (/\d/.test(c)) {
			let j = i;
			while (j < src.length && /[\d.]/.test(src[j])) j++;
			out.push({ t: 'num', v: src.slice(i, j) });
			i = j;
		} else if (src.startsWith('**', i) || src.startsWith('...', i)) {
			out.push({ t: 'p', v: src.startsWith('**', i) ? '**' : '...' });
			i += src.startsWith('**', i) ? 2 : 3;
		} else {
			out.push({ t: 'p', v: c });
			i++;
		}
	}
	return out;
}

function readString(src: string, start: number): { value: string; end: number } {
	const quote = src[start];
	const triple = src.startsWith(quote.repeat(3), start);
	const close = triple ? quote.repeat(3) : quote;
	let i = start + close.length;
	let value = '';
	while (i < src.length && !src.startsWith(close, i)) {
		if (src[i] === '\\' && i + 1 < src.length) {
			const e = src[i + 1];
			value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
			i += 2;
		} else value += src[i++];
	}
	return { value, end: i + close.length };
}

const isObj = (v: Value): v is { [key: string]: Value } =>
	typeof v === 'object' && !Array.isArray(v) && !(v instanceof Bytes) && !(v instanceof Form);

function text(v: Value): string {
	if (typeof v === 'string') return v;
	if (v instanceof Bytes) return v.bytes;
	if (v instanceof Form) return new URLSearchParams(v.form).toString();
	return v === undefined ? '' : JSON.stringify(plain(v));
}

function plain(v: Value): unknown {
	if (Array.isArray(v)) return v.map(plain);
	if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
	return text(v);
}

function pairs(v: Value): [string, string][] {
	if (v instanceof Form) return v.form;
	if (isObj(v)) return Object.entries(v).map(([k, x]) => [k, text(x)]);
	return [];
}

class Parser {
	i = 0;
	constructor(
		readonly tokens: Token[],
		readonly vars: Map<string, Value>
	) {}
	peek(v?: string) {
		const t = this.tokens[this.i];
		return v === undefined ? t : t?.v === v && t.t === 'p' ? t : undefined;
	}
	eat(v: string) {
		if (this.peek(v)) {
			this.i++;
			return true;
		}
		return false;
	}
	expression(): Value {
		let left = this.postfix();
		while (this.peek('+')) {
			this.i++;
			const right = this.postfix();
			left =
				left instanceof Bytes && right instanceof Bytes
					? new Bytes(left.bytes + right.bytes)
					: text(left) + text(right);
		}
		return left;
	}
	interpolate(s: string, marker: RegExp): string {
		return s.replace(marker, (_, expression: string) => {
			try {
				return text(new Parser(tokenize(expression), this.vars).expression());
			} catch {
				return `{${expression.trim()}}`;
			}
		});
	}
	primary(): { value: Value; name?: string } {
		const t = this.tokens[this.i++];
		if (!t) return { value: undefined };
		if (t.t === 'str') {
			if (t.prefix === 't') return { value: this.interpolate(t.v, /\$\{([^}]+)\}/g) };
			if (t.prefix?.includes('f')) return { value: this.interpolate(t.v, /\{([^}]+)\}/g) };
			if (t.prefix?.includes('b')) return { value: new Bytes(t.v) };
			return { value: t.v };
		}
		if (t.t === 'num') return { value: t.v };
		if (t.t === 'p' && (t.v === '{' || t.v === '[' || t.v === '(')) {
			const close = t.v === '{' ? '}' : t.v === '[' ? ']' : ')';
			if (t.v === '{') return { value: this.object(close) };
			const items: Value[] = [];
			while (this.peek() && !this.eat(close)) {
				items.push(this.expression());
				this.eat(',');
			}
			return { value: t.v === '(' && items.length === 1 ? items[0] : items };
		}
		if (t.t === 'id') {
			if (t.v === 'new' || t.v === 'await') return this.primary();
			let name = t.v;
			while (this.peek('.') && this.tokens[this.i + 1]?.t === 'id' && !this.isCallAfterDot()) {
				this.i++;
				name += `.${this.tokens[this.i++].v}`;
			}
			if (/^(process\.env|os\.environ)\.?/.test(name) && !this.peek('(')) {
				const key = name.replace(/^(process\.env|os\.environ)\.?/, '');
				if (key) return { value: `{${key}}` };
			}
			const known = this.vars.get(name);
			const called = this.peek('(') !== undefined;
			// An unknown variable reads as a placeholder, so `code=${code}` shows as code={code}.
			return { value: known ?? (called ? undefined : `{${name}}`), name };
		}
		return { value: undefined };
	}
	isCallAfterDot(): boolean {
		// `x.decode()`: a method on the value, not part of a dotted name.
		const name = this.tokens[this.i + 1]?.v;
		return ['decode', 'encode', 'toString', 'strip', 'trim', 'join'].includes(name ?? '');
	}
	object(close: string): Value {
		const obj: { [key: string]: Value } = {};
		while (this.peek() && !this.eat(close)) {
			if (this.eat('**') || this.eat('...')) {
				const spread = this.expression();
				if (isObj(spread)) Object.assign(obj, spread);
			} else {
				const keyToken = this.tokens[this.i++];
				const key = keyToken.t === 'str' || keyToken.t === 'id' ? keyToken.v : '';
				if (this.eat(':')) obj[key] = this.expression();
				else obj[key] = this.vars.get(key) ?? `{${key}}`;
			}
			this.eat(',');
		}
		return obj;
	}
	args(): { positional: Value[]; named: Record<string, Value> } {
		const positional: Value[] = [];
		const named: Record<string, Value> = {};
		while (this.peek() && !this.eat(')')) {
			const t = this.tokens[this.i];
			if (
				t.t === 'id' &&
				this.tokens[this.i + 1]?.v === '=' &&
				this.tokens[this.i + 2]?.v !== '='
			) {
				this.i += 2;
				named[t.v] = this.expression();
			} else positional.push(this.expression());
			this.eat(',');
		}
		return { positional, named };
	}
	postfix(): Value {
		const start = this.primary();
		let { value } = start;
		let name = start.name;
		for (;;) {
			if (this.peek('(')) {
				this.i++;
				const { positional, named } = this.args();
				value = call(name ?? '', value, positional, named);
				name = undefined;
			} else if (this.peek('.') && this.tokens[this.i + 1]?.t === 'id') {
				this.i++;
				const method = this.tokens[this.i++].v;
				if (this.peek('(')) {
					this.i++;
					const { positional } = this.args();
					value = method_(value, method, positional);
				} else value = isObj(value) ? value[method] : undefined;
			} else if (this.peek('[')) {
				this.i++;
				const key = text(this.expression());
				this.eat(']');
				value = isObj(value) ? value[key] : name && /environ$/.test(name) ? `{${key}}` : undefined;
			} else return value;
		}
	}
}

function method_(value: Value, method: string, args: Value[]): Value {
	if (method === 'encode') return new Bytes(text(value));
	if (method === 'decode' || method === 'strip' || method === 'trim')
		return text(value).trim() === text(value) || method === 'decode'
			? text(value)
			: text(value).trim();
	if (method === 'toString') {
		if (args[0] === 'base64')
			return value instanceof Bytes ? base64Utf8(value.bytes) : base64Utf8(text(value));
		return text(value);
	}
	if (method === 'join' && Array.isArray(value)) return value.map(text).join(text(args[0]));
	return value;
}

function call(name: string, _value: Value, args: Value[], named: Record<string, Value>): Value {
	const [first] = args;
	const short = name.split('.').pop() ?? '';
	if (short === 'b64encode' || short === 'standard_b64encode')
		return new Bytes(base64(new TextEncoder().encode(text(first))));
	if (short === 'btoa') return base64Utf8(text(first));
	if (name === 'Buffer.from') return new Bytes(text(first));
	if (short === 'str' && name === 'str') {
		return first instanceof Bytes ? `b'${first.bytes}'` : text(first);
	}
	if (name === 'JSON.stringify') return JSON.stringify(plain(first));
	if (short === 'URLSearchParams' || short === 'urlencode' || name === 'qs.stringify')
		return new Form(
			Array.isArray(first)
				? first.map((p): [string, string] =>
						Array.isArray(p) ? [text(p[0]), text(p[1])] : ['', '']
					)
				: pairs(first)
		);
	if (short === 'dict') return named as Value;
	if (short === 'encodeURIComponent' || short === 'quote' || short === 'quote_plus')
		return encodeURIComponent(text(first));
	return undefined;
}

const httpCall =
	/(?:\b(requests|httpx|session|client|s)\.(post|get|request)|\b(fetch)|\b(axios)(?:\.(post|get|request))?)\s*\(/;

/** Reads Python requests/httpx or JavaScript fetch/axios code; undefined when it is neither. */
export function parseCodeRequest(input: string): PastedRequest | undefined {
	const m = httpCall.exec(input);
	if (!m) return undefined;
	const vars = new Map<string, Value>();
	const before = input.slice(0, m.index);
	const tokens = tokenize(before);
	// Assignments earlier in the snippet: `name = expr`, `const name = expr`.
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (
			t.t === 'id' &&
			tokens[i + 1]?.v === '=' &&
			tokens[i + 2]?.v !== '=' &&
			tokens[i - 1]?.v !== '.'
		) {
			const p = new Parser(tokens, vars);
			p.i = i + 2;
			try {
				vars.set(t.v, p.expression());
			} catch {
				// not an expression this reader knows
			}
			i = p.i - 1;
		}
	}
	const rest = tokenize(input.slice(m.index + m[0].length));
	const parser = new Parser(rest, vars);
	const { positional, named } = parser.args();
	const library = m[1] ? (m[1] === 'httpx' ? 'httpx' : 'requests') : m[3] ? 'fetch' : 'axios';
	let verb = (m[2] ?? m[5] ?? '').toLowerCase();
	if (verb === 'request') verb = text(positional.shift()).toLowerCase();
	const url = text(positional.shift() ?? named.url);
	const headers: [string, string][] = [];
	const setHeaders = (h: Value) => {
		for (const [k, v] of pairs(h)) headers.push([k, v]);
	};
	const has = (n: string) => headers.some(([k]) => k.toLowerCase() === n);
	let body: string | undefined;
	let bodyKind: PastedRequest['bodyKind'] = 'none';
	let method = verb.toUpperCase();
	const basic = (id: Value, secret: Value) =>
		headers.push(['Authorization', `Basic ${base64Utf8(`${text(id)}:${text(secret)}`)}`]);

	if (library === 'requests' || library === 'httpx') {
		setHeaders(named.headers);
		const data =
			named.data ??
			(library === 'httpx' ? named.content : undefined) ??
			(verb === 'post' ? positional[0] : undefined);
		if (named.json !== undefined) {
			body = JSON.stringify(plain(named.json));
			bodyKind = 'json';
			if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
		} else if (data !== undefined) {
			body = typeof data === 'string' ? data : new URLSearchParams(pairs(data)).toString();
			bodyKind = 'data';
			if (!has('content-type') && typeof data !== 'string')
				headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
		}
		if (Array.isArray(named.auth)) basic(named.auth[0], named.auth[1]);
		if (named.params !== undefined && pairs(named.params).length > 0)
			return finish(`${url}?${new URLSearchParams(pairs(named.params))}`);
	} else if (library === 'fetch') {
		const options = positional[0];
		const o = isObj(options) ? options : {};
		method = text(o.method).toUpperCase() || 'GET';
		setHeaders(o.headers);
		const b = o.body;
		if (b instanceof Form) {
			body = new URLSearchParams(b.form).toString();
			bodyKind = 'data';
			if (!has('content-type'))
				headers.push(['Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8']);
		} else if (b !== undefined) {
			body = text(b);
			bodyKind = body.trim().startsWith('{') ? 'json' : 'raw';
			if (!has('content-type')) headers.push(['Content-Type', 'text/plain;charset=UTF-8']);
		}
	} else {
		// axios(config), axios.post(url, data, config)
		let config: Value;
		let data: Value;
		if (!verb) {
			const c = isObj(positional[0]) ? positional[0] : isObj(positional[1]) ? positional[1] : {};
			config = c;
			method = text(c.method).toUpperCase() || 'GET';
			data = c.data;
		} else {
			data = verb === 'post' ? positional[0] : undefined;
			config = verb === 'post' ? positional[1] : positional[0];
		}
		const c = isObj(config) ? config : {};
		setHeaders(c.headers);
		if (c.auth && isObj(c.auth)) basic(c.auth.username, c.auth.password);
		if (data instanceof Form) {
			body = new URLSearchParams(data.form).toString();
			bodyKind = 'data';
			if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
		} else if (typeof data === 'string') {
			body = data;
			bodyKind = 'data';
			if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
		} else if (data !== undefined) {
			// axios's default: an object is sent as JSON (reference §10 #8).
			body = JSON.stringify(plain(data));
			bodyKind = 'json';
			if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
		}
		if (isObj(c.params) && pairs(c.params).length > 0)
			return finish(`${url}?${new URLSearchParams(pairs(c.params))}`);
	}
	return finish(url);

	function finish(finalUrl: string): PastedRequest {
		return {
			source: library === 'fetch' || library === 'axios' ? 'javascript' : 'python',
			library,
			method: method || (body !== undefined ? 'POST' : 'GET'),
			url: finalUrl,
			headers,
			body,
			bodyKind,
			notes: []
		};
	}
}
