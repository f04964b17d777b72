/**
 * Reads a learner's answer into what the catalog's detections and the emulator take. Lenient on
 * form (a URL broken over lines, `Authorization:` written or not, curl or raw HTTP or code,
 * header names in any case), strict on substance, as Spotify is.
 */
import { parsePastedRequest } from '$lib/tools/http-paste';
import {
	readBasic,
	type AuthorizeSubject,
	type BasicSubject,
	type ChallengeSubject,
	type TokenSubject
} from '$lib/tools/mistakes/subject';
import type { WireRequest } from './types';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** An authorize URL, possibly wrapped over several lines. */
export function readAuthorizeAnswer(answer: string): Read<AuthorizeSubject> {
	const joined = answer
		.trim()
		.split(/\r?\n/)
		.map((l) => l.trim())
		.join('');
	if (joined === '') return { ok: false, message: 'Write the authorize URL first.' };
	try {
		const url = new URL(joined);
		return { ok: true, value: { kind: 'authorize', url, query: url.searchParams } };
	} catch {
		return {
			ok: false,
			message: 'This is not an absolute URL: start it with https://accounts.spotify.com/authorize?'
		};
	}
}

export function readChallengeAnswer(answer: string): Read<ChallengeSubject> {
	const challenge = answer.trim().replace(/^code_challenge\s*[=:]\s*/i, '');
	if (challenge === '') return { ok: false, message: 'Write the code challenge first.' };
	return { ok: true, value: { kind: 'challenge', challenge } };
}

export function readBasicAnswer(answer: string): Read<BasicSubject> {
	const value = answer
		.trim()
		.replace(/^authorization\s*:\s*/i, '')
		.replace(/^(['"])(.*)\1$/s, '$2');
	if (value === '') return { ok: false, message: 'Write the Authorization header first.' };
	return { ok: true, value: { kind: 'basic', basic: readBasic(value) } };
}

function fieldsOf(
	body: string | undefined,
	kind: string
): { fields: [string, string][]; json: boolean } {
	if (body === undefined) return { fields: [], json: false };
	const trimmed = body.trim();
	if (trimmed.startsWith('{'))
		try {
			const json: unknown = JSON.parse(trimmed);
			if (json && typeof json === 'object')
				return {
					json: true,
					fields: Object.entries(json).map(([k, v]) => [
						k,
						typeof v === 'string' ? v : JSON.stringify(v)
					])
				};
		} catch {
			return { fields: [], json: true };
		}
	if (kind === 'multipart')
		return {
			json: false,
			fields: trimmed.split('\n').map((line) => {
				const at = line.indexOf('=');
				return [line.slice(0, Math.max(at, 0)), line.slice(at + 1)];
			})
		};
	return { json: false, fields: [...new URLSearchParams(trimmed).entries()] };
}

/** A token request as curl, raw HTTP, Python requests/httpx or JavaScript fetch/axios. */
export function readTokenAnswer(
	answer: string
): Read<{ subject: TokenSubject; wire: WireRequest; source: string }> {
	if (answer.trim() === '') return { ok: false, message: 'Write the token request first.' };
	const req = parsePastedRequest(answer);
	if (!req || !req.url)
		return {
			ok: false,
			message:
				'This could not be read as a request. Write it as a curl command, as raw HTTP (POST /api/token HTTP/1.1, headers, a blank line, the body), or as Python requests/httpx or JavaScript fetch/axios code.'
		};
	const headers = [...req.headers];
	if (req.user !== undefined && !headers.some(([n]) => n.toLowerCase() === 'authorization'))
		headers.push(['Authorization', `Basic ${btoa(req.user)}`]);
	let contentType = headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
	if (!contentType && req.bodyKind === 'data') {
		contentType = 'application/x-www-form-urlencoded';
		headers.push(['Content-Type', contentType]);
	}
	if (!contentType && req.bodyKind === 'multipart') contentType = 'multipart/form-data';
	let url: URL | undefined;
	try {
		url = new URL(req.url);
	} catch {
		url = undefined;
	}
	const { fields, json } = fieldsOf(req.body, req.bodyKind);
	const authorization = headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1];
	const subject: TokenSubject = {
		kind: 'token',
		method: req.method.toUpperCase(),
		url,
		headers,
		contentType,
		bodyKind: req.bodyKind,
		body: req.body,
		fields,
		json,
		basic: authorization !== undefined ? readBasic(authorization) : undefined
	};
	const wire: WireRequest = {
		method: subject.method,
		headers: Object.fromEntries(headers.map(([n, v]) => [n.toLowerCase(), v])),
		body: req.bodyKind === 'multipart' ? '' : (req.body ?? ''),
		query: url?.search.slice(1) || undefined
	};
	return { ok: true, value: { subject, wire, source: req.library ?? req.source } };
}
