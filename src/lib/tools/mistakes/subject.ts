/**
 * What a mistake is detected in: an authorize URL, a token request, a Basic header, a PKCE
 * challenge or a redirect URI, each read once into a plain shape. The grader adds what the
 * exercise expects; the debug tools have no expectation, so the checks that need one stay quiet.
 */
import { decodeBase64Utf8 } from '$lib/core/encoding';
import type { FlowSlug } from '$lib/spotify/flows';
import type { ExerciseWorld } from '$lib/tools/exercises/world';
import type { PastedRequest } from '$lib/tools/http-paste';

export interface AuthorizeSubject {
	kind: 'authorize';
	url: URL;
	query: URLSearchParams;
}

export interface BasicReading {
	/** The header value as written, e.g. `Basic b'…'`. */
	raw: string;
	scheme: string;
	credentials: string;
	/** The base64 decoded, when it is base64 of UTF-8 text. */
	decoded?: string;
	bytesRepr: boolean;
}

export interface TokenSubject {
	kind: 'token';
	method: string;
	url?: URL;
	headers: [string, string][];
	contentType: string;
	bodyKind: PastedRequest['bodyKind'];
	body?: string;
	/** The body as the learner meant it: form fields, or a JSON object's fields. */
	fields: [string, string][];
	json: boolean;
	basic?: BasicReading;
}

export interface BasicSubject {
	kind: 'basic';
	basic: BasicReading;
}

export interface ChallengeSubject {
	kind: 'challenge';
	challenge: string;
}

/** A redirect URI as the dashboard would be asked to register it. */
export interface RedirectUriSubject {
	kind: 'redirect-uri';
	uri: string;
}

/** The flow chosen for an app described in a sentence. */
export interface FlowChoiceSubject {
	kind: 'flow-choice';
	chosen: FlowSlug;
	user: boolean;
	/** Can the app keep a secret: a server of its own, not code on users' devices. */
	canKeepSecret: boolean;
}

export type Subject =
	| AuthorizeSubject
	| TokenSubject
	| BasicSubject
	| ChallengeSubject
	| RedirectUriSubject
	| FlowChoiceSubject;
export type SubjectKind = Subject['kind'];

/** What the exercise asked for; absent in the debug tools. */
export interface Expectation {
	world: ExerciseWorld;
	pkce?: boolean;
	grant?: 'authorization_code' | 'refresh_token' | 'client_credentials';
	/** A confidential client authenticates with its secret; a PKCE one with client_id only. */
	confidential?: boolean;
	code?: string;
	refreshToken?: string;
}

/** Reads an `Authorization` value (or a bare `Basic …`). */
export function readBasic(value: string): BasicReading {
	const raw = value.trim();
	const m = /^(\S+)\s+(.*)$/s.exec(raw);
	const scheme = m ? m[1] : '';
	let credentials = m ? m[2].trim() : raw;
	const bytesRepr = /^b(['"]).*\1$/s.test(credentials);
	if (bytesRepr) credentials = credentials.slice(2, -1);
	const plain = credentials.replace(/\\n$/, '\n');
	const decoded = decodeBase64Utf8(plain.replace(/\n$/, '')) ?? undefined;
	return {
		raw,
		scheme,
		credentials,
		decoded: decoded === undefined ? undefined : plain.endsWith('\n') ? `${decoded}` : decoded,
		bytesRepr
	};
}

export function field(subject: TokenSubject, name: string): string | undefined {
	return subject.fields.find(([n]) => n === name)?.[1];
}

export function header(subject: TokenSubject, name: string): string | undefined {
	return subject.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}
