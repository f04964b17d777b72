import { describe, expect, it } from 'vitest';
import { basicAuthorization, base64, hex, sha256 } from '$lib/core/encoding';
import { createExecutor } from '$lib/server/exercises/executor';
import type { MistakeId } from '$lib/tools/mistakes/catalog';
import type { Exercise } from './exercise';
import { requestExercises } from './request-exercises';
import type { Executor } from './types';
import { makeWorld, type ExerciseWorld } from './world';

type Make = (w: ExerciseWorld, exec: Executor) => string;
const T = 'https://accounts.spotify.com/api/token';
const A = 'https://accounts.spotify.com/authorize';
const FORM = 'Content-Type: application/x-www-form-urlencoded';

function url(w: ExerciseWorld, change: Record<string, string | null> = {}, base = A, pkce = false) {
	const q = new URLSearchParams({
		client_id: w.clientId,
		response_type: 'code',
		redirect_uri: w.redirectUri,
		scope: w.scopes.join(' '),
		state: w.state,
		...(pkce ? { code_challenge_method: 'S256', code_challenge: w.challenge } : {})
	});
	for (const [k, v] of Object.entries(change))
		if (v === null) q.delete(k);
		else q.set(k, v);
	return `${base}?${q}`;
}
const rename = (u: string, from: string, to: string) => u.replace(`${from}=`, `${to}=`);
const digest = (w: ExerciseWorld) => sha256(new TextEncoder().encode(w.verifier));

const authorize = (pkce: boolean): Partial<Record<MistakeId, Make>> => ({
	'authorize-wrong-endpoint': (w) => url(w, {}, 'https://api.spotify.com/authorize', pkce),
	'misspelt-parameter': (w) => rename(url(w, {}, A, pkce), 'redirect_uri', 'redirect_url'),
	'missing-client-id': (w) => url(w, { client_id: null }, A, pkce),
	'wrong-client-id': (w) => url(w, { client_id: 'undefined' }, A, pkce),
	'secret-in-authorize-url': (w) => url(w, { client_secret: w.clientSecret }, A, pkce),
	'missing-response-type': (w) => url(w, { response_type: null }, A, pkce),
	'response-type-token': (w) => url(w, { response_type: 'token' }, A, pkce),
	'response-type-unknown': (w) => url(w, { response_type: 'authorization_code' }, A, pkce),
	'missing-redirect-uri': (w) => url(w, { redirect_uri: null }, A, pkce),
	'quoted-redirect-uri': (w) => url(w, { redirect_uri: `"${w.redirectUri}"` }, A, pkce),
	'redirect-uri-double-encoded': (w) =>
		url(w, { redirect_uri: encodeURIComponent(w.redirectUri) }, A, pkce),
	'insecure-redirect-uri': (w) =>
		url(w, { redirect_uri: w.redirectUri.replace('127.0.0.1', 'localhost') }, A, pkce),
	'unregistered-redirect-uri': (w) => url(w, { redirect_uri: `${w.redirectUri}/` }, A, pkce),
	'illegal-scope': (w) => url(w, { scope: `${w.scopes.join(' ')} user-read-birthdate` }, A, pkce),
	'scope-comma-separated': (w) => url(w, { scope: w.scopes.join(',') }, A, pkce),
	'missing-scopes': (w) => url(w, { scope: w.scopes[0] }, A, pkce),
	'missing-state': (w) => url(w, { state: null }, A, pkce),
	'wrong-state': (w) => url(w, { state: 'abc123' }, A, pkce),
	...(pkce && {
		'pkce-missing-challenge': (w) =>
			url(w, { code_challenge: null, code_challenge_method: null }, A),
		'pkce-method-not-s256': (w) => url(w, { code_challenge_method: 'plain' }, A, true),
		'challenge-standard-base64': (w) => url(w, { code_challenge: base64(digest(w)) }, A, true),
		'challenge-padded': (w) => url(w, { code_challenge: `${w.challenge}=` }, A, true),
		'challenge-hex': (w) => url(w, { code_challenge: hex(digest(w)) }, A, true),
		'challenge-is-verifier': (w) => url(w, { code_challenge: w.verifier }, A, true),
		'challenge-wrong': (w) =>
			url(w, { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }, A, true)
	})
});

const challenge: Partial<Record<MistakeId, Make>> = {
	'challenge-standard-base64': (w) => base64(digest(w)),
	'challenge-padded': (w) => `${w.challenge}=`,
	'challenge-hex': (w) => hex(digest(w)),
	'challenge-is-verifier': (w) => w.verifier,
	'challenge-wrong': () => 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
};

const b64 = (s: string) => btoa(s);
const basicOf = (w: ExerciseWorld): Partial<Record<MistakeId, string>> => ({
	'basic-missing-scheme': `Bearer ${b64(`${w.clientId}:${w.clientSecret}`)}`,
	'basic-bytes-repr': `Basic b'${b64(`${w.clientId}:${w.clientSecret}`)}'`,
	'basic-not-encoded': `Basic ${w.clientId}:${w.clientSecret}`,
	'basic-not-base64': `Basic ${w.clientId}${w.clientSecret}!`,
	'basic-newline': `Basic ${b64(`${w.clientId}:${w.clientSecret}\n`)}`,
	'basic-separator': `Basic ${b64(`${w.clientId};${w.clientSecret}`)}`,
	'basic-swapped': `Basic ${b64(`${w.clientSecret}:${w.clientId}`)}`,
	'basic-wrong-credentials': `Basic ${b64(`${w.clientId}:${'0'.repeat(32)}`)}`
});
const basic: Partial<Record<MistakeId, Make>> = Object.fromEntries(
	Object.keys(basicOf(makeWorld('x0x0'))).map((id) => [
		id,
		(w: ExerciseWorld) => `Authorization: ${basicOf(w)[id as MistakeId]}`
	])
);

/** A token request as raw HTTP, from parts. */
function raw(
	fields: Record<string, string>,
	headers: string[],
	opts: { method?: string; url?: string; json?: boolean } = {}
) {
	const body = opts.json ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
	const u = new URL(opts.url ?? T);
	return [
		`${opts.method ?? 'POST'} ${u.pathname}${u.search} HTTP/1.1`,
		`Host: ${u.host}`,
		...headers,
		'',
		body
	].join('\n');
}

interface TokenCase {
	fields: (w: ExerciseWorld, exec: Executor) => Record<string, string>;
	confidential: boolean;
}

function tokenMistakes({ fields, confidential }: TokenCase): Partial<Record<MistakeId, Make>> {
	const auth = (w: ExerciseWorld) =>
		confidential ? [`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`] : [];
	const ok = (w: ExerciseWorld, e: Executor) => fields(w, e);
	const without = (w: ExerciseWorld, e: Executor, name: string) => {
		const f = { ...ok(w, e) };
		delete f[name];
		return f;
	};
	const grant = (w: ExerciseWorld, e: Executor) => ok(w, e).grant_type;
	const m: Partial<Record<MistakeId, Make>> = {
		'token-wrong-endpoint': (w, e) =>
			raw(ok(w, e), [...auth(w), FORM], { url: 'https://api.spotify.com/api/token' }),
		'token-request-as-get': (w, e) =>
			`curl -G ${T} ${auth(w)
				.map((h) => `-H '${h}'`)
				.join(' ')} ${Object.entries(ok(w, e))
				.map(([k, v]) => `-d ${k}=${encodeURIComponent(v)}`)
				.join(' ')}`,
		'body-as-json': (w, e) =>
			`axios.post('${T}', ${JSON.stringify(ok(w, e))}, { headers: { ${confidential ? `Authorization: '${basicAuthorization(w.clientId, w.clientSecret)}'` : ''} } })`,
		'body-multipart': (w, e) =>
			`curl ${T} ${auth(w)
				.map((h) => `-H '${h}'`)
				.join(' ')} ${Object.entries(ok(w, e))
				.map(([k, v]) => `-F '${k}=${v}'`)
				.join(' ')}`,
		'body-in-query': (w, e) =>
			raw({}, [...auth(w), FORM], { url: `${T}?${new URLSearchParams(ok(w, e))}` }),
		'missing-content-type': (w, e) => raw(ok(w, e), auth(w)),
		'missing-grant-type': (w, e) => raw(without(w, e, 'grant_type'), [...auth(w), FORM]),
		'misspelt-grant-type': (w, e) =>
			raw({ ...ok(w, e), grant_type: grant(w, e).replace(/_/g, '-') }, [...auth(w), FORM]),
		'wrong-grant-type': (w, e) =>
			raw(
				{
					...ok(w, e),
					grant_type:
						grant(w, e) === 'client_credentials' ? 'authorization_code' : 'client_credentials'
				},
				[...auth(w), FORM]
			),
		'misspelt-parameter': (w, e) => {
			const f = ok(w, e);
			const name = Object.keys(f).find((k) => k !== 'grant_type');
			if (!name) return raw({ 'grant-type': f.grant_type }, [...auth(w), FORM]);
			const v = f[name];
			delete f[name];
			return raw(
				{ ...f, [name.replace('_', '-') === name ? `${name}s` : name.replace('_', '-')]: v },
				[...auth(w), FORM]
			);
		}
	};
	if (confidential) {
		for (const id of Object.keys(basicOf(makeWorld('x0x0'))))
			m[id as MistakeId] = (w, e) =>
				raw(ok(w, e), [`Authorization: ${basicOf(w)[id as MistakeId]}`, FORM]);
		m['missing-client-auth'] = (w, e) => raw(ok(w, e), [FORM]);
		m['body-secret-wrong'] = (w, e) =>
			raw({ ...ok(w, e), client_id: w.clientId, client_secret: '0'.repeat(32) }, [FORM]);
	} else {
		m['secret-in-public-client'] = (w, e) =>
			raw(ok(w, e), [`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`, FORM]);
		m['pkce-missing-client-id'] = (w, e) => raw(without(w, e, 'client_id'), [FORM]);
		m['pkce-wrong-client-id'] = (w, e) => raw({ ...ok(w, e), client_id: 'f'.repeat(32) }, [FORM]);
	}
	return m;
}

const codeFields =
	(pkce: boolean) =>
	(w: ExerciseWorld, e: Executor): Record<string, string> => ({
		grant_type: 'authorization_code',
		code: e.code(pkce),
		redirect_uri: w.redirectUri,
		...(pkce ? { client_id: w.clientId, code_verifier: w.verifier } : {})
	});

function codeMistakes(pkce: boolean): Partial<Record<MistakeId, Make>> {
	const f = codeFields(pkce);
	const h = (w: ExerciseWorld) =>
		pkce ? [FORM] : [`Authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`, FORM];
	return {
		...tokenMistakes({ fields: f, confidential: !pkce }),
		'missing-code': (w, e) => raw({ ...f(w, e), code: '' }, h(w)),
		'wrong-code': (w, e) => raw({ ...f(w, e), code: `${e.code(pkce)}x` }, h(w)),
		'token-redirect-uri-mismatch': (w, e) =>
			raw({ ...f(w, e), redirect_uri: `${w.redirectUri}/` }, h(w)),
		'redirect-uri-double-encoded': (w, e) =>
			raw({ ...f(w, e), redirect_uri: encodeURIComponent(w.redirectUri) }, h(w)),
		...(pkce && {
			'missing-verifier': (w: ExerciseWorld, e: Executor) => {
				const x = f(w, e);
				delete x.code_verifier;
				return raw(x, h(w));
			},
			'malformed-verifier': (w: ExerciseWorld, e: Executor) =>
				raw({ ...f(w, e), code_verifier: w.verifier.slice(0, 42) }, h(w)),
			'wrong-verifier': (w: ExerciseWorld, e: Executor) =>
				raw(
					{
						...f(w, e),
						code_verifier:
							`${w.verifier.slice(0, -1)}A` === w.verifier
								? `${w.verifier.slice(0, -1)}B`
								: `${w.verifier.slice(0, -1)}A`
					},
					h(w)
				)
		})
	};
}

const refreshFields = (w: ExerciseWorld, e: Executor): Record<string, string> => ({
	grant_type: 'refresh_token',
	refresh_token: e.refreshToken(),
	...(w.refreshClient === 'pkce' ? { client_id: w.clientId } : {})
});

function refreshMistakes(w: ExerciseWorld): Partial<Record<MistakeId, Make>> {
	const confidential = w.refreshClient === 'confidential';
	const h = (x: ExerciseWorld) =>
		confidential
			? [`Authorization: ${basicAuthorization(x.clientId, x.clientSecret)}`, FORM]
			: [FORM];
	return {
		...tokenMistakes({ fields: refreshFields, confidential }),
		'missing-refresh-token': (x, e) => raw({ ...refreshFields(x, e), refresh_token: '' }, h(x)),
		'wrong-refresh-token': (x, e) =>
			raw({ ...refreshFields(x, e), refresh_token: e.refreshToken().slice(0, -4) }, h(x)),
		'access-token-as-refresh-token': (x, e) =>
			raw({ ...refreshFields(x, e), refresh_token: 'BQDaccesstokenvalue1234567890' }, h(x))
	};
}

const cases: Record<string, (w: ExerciseWorld) => Partial<Record<MistakeId, Make>>> = {
	'authorize-url-code': () => authorize(false),
	'authorize-url-pkce': () => authorize(true),
	'pkce-challenge': () => challenge,
	'basic-header': () => basic,
	'token-request-code': () => codeMistakes(false),
	'token-request-pkce': () => codeMistakes(true),
	'token-request-client-credentials': () =>
		tokenMistakes({ fields: () => ({ grant_type: 'client_credentials' }), confidential: true }),
	'refresh-request': refreshMistakes
};

const seeds = ['5eed0001', '5eed0002', '5eed0003'];

it('the seeds give the refresh exercise both of its apps, confidential and PKCE', () => {
	expect(new Set(seeds.map((s) => makeWorld(s).refreshClient))).toEqual(
		new Set(['confidential', 'pkce'])
	);
});

describe.each(requestExercises.map((e) => [e.slug, e] as [string, Exercise]))(
	'%s',
	(slug, exercise) => {
		it.each(seeds)('the solution passes (seed %s), and the emulator agrees', (seed) => {
			const w = makeWorld(seed);
			const result = exercise.grade(exercise.solution(w, createExecutor(w)), w, createExecutor(w));
			expect(result.failures).toEqual([]);
			expect(result.passed).toBe(true);
		});

		it('an answer made for another attempt fails', () => {
			const mine = makeWorld('5eed0001');
			const neighbour = makeWorld('5eed0002');
			const copied = exercise.solution(neighbour, createExecutor(neighbour));
			expect(exercise.grade(copied, mine, createExecutor(mine)).passed).toBe(false);
		});

		for (const seed of seeds) {
			const w = makeWorld(seed);
			const makers = cases[slug](w);
			const applicable: MistakeId[] = exercise.mistakes
				.filter(
					(id) =>
						!(
							id === 'secret-in-public-client' ||
							id === 'pkce-missing-client-id' ||
							id === 'pkce-wrong-client-id'
						) ||
						w.refreshClient === 'pkce' ||
						slug !== 'refresh-request'
				)
				.filter(
					(id) =>
						slug !== 'refresh-request' ||
						w.refreshClient === 'pkce' ||
						!['secret-in-public-client', 'pkce-missing-client-id', 'pkce-wrong-client-id'].includes(
							id
						)
				)
				.filter(
					(id) =>
						slug !== 'refresh-request' ||
						w.refreshClient === 'confidential' ||
						![
							'missing-client-auth',
							'body-secret-wrong',
							'basic-missing-scheme',
							'basic-bytes-repr',
							'basic-not-encoded',
							'basic-not-base64',
							'basic-newline',
							'basic-separator',
							'basic-swapped',
							'basic-wrong-credentials'
						].includes(id)
				);
			// Where the digest's base64 has no + or /, standard base64 differs by its padding only: that
			// answer is named challenge-padded, so standard base64 cannot be told apart for this seed.
			if (!/[+/]/.test(base64(digest(w))))
				applicable.splice(
					applicable.indexOf('challenge-standard-base64') >>> 0,
					applicable.includes('challenge-standard-base64') ? 1 : 0
				);
			it.each(applicable)(`an answer with %s fails naming it (seed ${seed})`, (id) => {
				const make = makers[id];
				expect(make, `no mistaken answer written for ${id}`).toBeDefined();
				const answer = make!(w, createExecutor(w));
				const result = exercise.grade(answer, w, createExecutor(w));
				expect(result.passed).toBe(false);
				expect(result.failures.map((f) => f.id)).toContain(id);
			});
		}
	}
);

describe('equivalent answers pass', () => {
	const w = makeWorld('5eed0004');
	const grade = (slug: string, answer: string) => {
		const ex = requestExercises.find((e) => e.slug === slug)!;
		return ex.grade(answer, w, createExecutor(w));
	};
	it('+ or %20 in scope, and any parameter order', () => {
		const q = [
			`state=${w.state}`,
			`scope=${w.scopes.join('+')}`,
			`redirect_uri=${encodeURIComponent(w.redirectUri)}`,
			'response_type=code',
			`client_id=${w.clientId}`
		].join('&');
		expect(grade('authorize-url-code', `${A}?${q}`).passed).toBe(true);
		expect(grade('authorize-url-code', `${A}?${q.replace('+', '%20')}`).passed).toBe(true);
	});
	it('header names in any case, curl -u, Python requests and fetch', () => {
		const exec = createExecutor(w);
		const code = exec.code(false);
		const body = `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(w.redirectUri)}`;
		expect(
			grade(
				'token-request-code',
				`POST /api/token HTTP/1.1\nhost: accounts.spotify.com\nauthorization: ${basicAuthorization(w.clientId, w.clientSecret)}\ncontent-type: application/x-www-form-urlencoded\n\n${body}`
			).passed
		).toBe(true);
		expect(
			grade(
				'token-request-code',
				`curl -u ${w.clientId}:${w.clientSecret} ${T} -d ${body.split('&').join(' -d ')}`
			).passed
		).toBe(true);
		expect(
			grade(
				'token-request-code',
				`import requests\nrequests.post("${T}", data={"grant_type": "authorization_code", "code": "${code}", "redirect_uri": "${w.redirectUri}"}, auth=("${w.clientId}", "${w.clientSecret}"))`
			).passed
		).toBe(true);
		expect(
			grade(
				'token-request-client-credentials',
				`await fetch('${T}', { method: 'POST', headers: { Authorization: 'Basic ' + btoa('${w.clientId}:${w.clientSecret}') }, body: new URLSearchParams({ grant_type: 'client_credentials' }) })`
			).passed
		).toBe(true);
	});
	it('Authorization: written or not in the basic header', () => {
		expect(grade('basic-header', basicAuthorization(w.clientId, w.clientSecret)).passed).toBe(true);
		expect(
			grade('basic-header', `authorization: ${basicAuthorization(w.clientId, w.clientSecret)}`)
				.passed
		).toBe(true);
	});
});

describe('ranking and answers', () => {
	const w = makeWorld('5eed0005');
	const ex = requestExercises.find((e) => e.slug === 'token-request-code')!;
	it('lists every failure, most fundamental first, with Spotify’s exact answer', () => {
		const exec = createExecutor(w);
		const answer = `axios.post('${T}', { grant_type: 'authorization-code', code: '${exec.code(false)}' }, { headers: { Authorization: "Basic b'${btoa(`${w.clientId}:${w.clientSecret}`)}'" } })`;
		const result = ex.grade(answer, w, createExecutor(w));
		const ids = result.failures.map((f) => f.id);
		expect(ids).toEqual(
			expect.arrayContaining(['body-as-json', 'misspelt-grant-type', 'basic-bytes-repr'])
		);
		expect(ids.indexOf('body-as-json')).toBeLessThan(ids.indexOf('basic-bytes-repr'));
		const json = result.failures.find((f) => f.id === 'body-as-json')!;
		expect(json.answer).toEqual({
			slug: 'grant-type-missing',
			status: 400,
			text: '{"error":"unsupported_grant_type","error_description":"grant_type parameter is missing"}'
		});
		expect(json.first).toBe(true);
		expect(result.failures.find((f) => f.id === 'misspelt-grant-type')!.didYouMean).toBe(
			'authorization_code'
		);
	});
	it('says “did you mean code_challenge?” for a misspelt parameter', () => {
		const pkce = requestExercises.find((e) => e.slug === 'authorize-url-pkce')!;
		const answer = url(w, {}, A, true).replace('code_challenge=', 'code_challange=');
		const f = pkce
			.grade(answer, w, createExecutor(w))
			.failures.find((x) => x.id === 'misspelt-parameter');
		expect(f?.didYouMean).toBe('code_challenge');
	});
});
