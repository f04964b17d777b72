/**
 * The lax and strict lab behaviours exist only in lab sandboxes: the default sandbox and every
 * browser's sandbox answer as Spotify does whatever a request says, no endpoint or cookie reaches
 * a lab sandbox, and a copied context does not carry the lab's rules.
 */
import { describe, expect, it } from 'vitest';
import { defaultClientId } from './config';
import { createEmulator, type Emulator } from './index';
import { openLabSandbox } from './lab';
import {
	laxityNames,
	laxOn,
	strictNames,
	strictOn,
	type LabBehaviour,
	type Laxity,
	type Strictness
} from './laxities';
import { sandboxCookieName } from './sandbox';
import type { EmuRequest, EmuResponse } from './types';
import { basic, json, origin } from './testing';

type Handle = (request: EmuRequest) => EmuResponse;

interface Ask {
	headers?: Record<string, string>;
	form?: Record<string, string>;
	json?: unknown;
}

function ask(handle: Handle, method: string, path: string, options: Ask = {}): EmuResponse {
	const headers: Record<string, string> = { ...options.headers };
	let body = '';
	if (options.form) {
		body = new URLSearchParams(options.form).toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	if (options.json !== undefined) {
		body = JSON.stringify(options.json);
		headers['content-type'] = 'application/json';
	}
	return handle({ method, url: new URL(path, origin), header: (n) => headers[n] ?? null, body });
}

const redirectUri = `${origin}/callback`;

/** Consent through the replay: where the browser would end up, or the page it would see. */
function authorize(handle: Handle, params: Record<string, string>) {
	const query = new URLSearchParams({
		client_id: defaultClientId,
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 's',
		...params
	});
	const url = `${origin}/emulator/accounts/authorize?${query}`;
	return json(
		ask(handle, 'POST', '/emulator/control/authorize', { json: { url, decision: 'agree' } })
	);
}

function code(handle: Handle, params: Record<string, string> = {}): string {
	const answer = authorize(handle, params);
	return new URL(answer.location as string).searchParams.get('code')!;
}

function exchange(handle: Handle, form: Record<string, string>, secret = true) {
	return ask(handle, 'POST', '/emulator/accounts/api/token', {
		headers: secret ? { authorization: basic() } : {},
		form: { grant_type: 'authorization_code', redirect_uri: redirectUri, ...form }
	});
}

function refresh(handle: Handle, token: string) {
	return ask(handle, 'POST', '/emulator/accounts/api/token', {
		headers: { authorization: basic() },
		form: { grant_type: 'refresh_token', refresh_token: token }
	});
}

const me = (handle: Handle, token: string) =>
	ask(handle, 'GET', '/emulator/api/v1/me', { headers: { authorization: `Bearer ${token}` } });

/** Each lab behaviour as a probe: true when the emulator behaved laxly (or, for a strict one, strictly). */
const probes: Record<LabBehaviour, (handle: Handle) => boolean> = {
	reusableCodes: (h) => {
		const c = code(h);
		exchange(h, { code: c });
		return exchange(h, { code: c }).status === 200;
	},
	publicClientWithoutPkce: (h) =>
		exchange(h, { code: code(h), client_id: defaultClientId }, false).status === 200,
	ignoreVerifierWithoutChallenge: (h) =>
		exchange(h, { code: code(h), code_verifier: 'v'.repeat(43) }).status === 200,
	prefixRedirectUris: (h) =>
		authorize(h, { redirect_uri: 'http://127.0.0.1/callback.attacker.example' }).outcome ===
		'redirect',
	// The replay is refused either way; strict: the first exchange's tokens die with it.
	revokeTokensOnCodeReplay: (h) => {
		const c = code(h);
		const first = json(exchange(h, { code: c }));
		const accessToken = first.access_token as string;
		const refreshToken = first.refresh_token as string;
		expect(me(h, accessToken).status).toBe(200);
		// (A lab with reusable codes on as well answers 200 here: no replay was refused.)
		const replay = json(exchange(h, { code: c }));
		if (replay.access_token !== undefined) return false;
		expect(replay).toEqual({
			error: 'invalid_grant',
			error_description: 'Invalid authorization code'
		});
		const api = me(h, accessToken);
		const refreshed = refresh(h, refreshToken);
		// Both die together, or neither does.
		expect(api.status === 401).toBe(refreshed.status === 400);
		if (api.status !== 401) return false;
		expect(json(refreshed)).toEqual({
			error: 'invalid_grant',
			error_description: 'Refresh token revoked'
		});
		return true;
	},
	// The default app is confidential and its era does not rotate; strict: every refresh rotates,
	// and the first token presented again revokes the rotated one and its access token.
	refreshTokenReuseDetection: (h) => {
		const first = json(exchange(h, { code: code(h) }));
		const once = json(refresh(h, first.refresh_token as string));
		if (once.refresh_token === undefined) return false;
		const reuse = refresh(h, first.refresh_token as string);
		expect(json(reuse)).toEqual({
			error: 'invalid_grant',
			error_description: 'Refresh token revoked'
		});
		expect(json(refresh(h, once.refresh_token as string))).toEqual({
			error: 'invalid_grant',
			error_description: 'Refresh token revoked'
		});
		expect(me(h, once.access_token as string).status).toBe(401);
		expect(me(h, first.access_token as string).status).toBe(401);
		return true;
	}
};

const behaviourNames: readonly LabBehaviour[] = [...laxityNames, ...strictNames];

function browserSandbox(e: Emulator): Handle {
	const cookie = `${sandboxCookieName}=${'b'.repeat(32)}`;
	return (request) =>
		e.handleRaw({
			...request,
			header: (n) => (n === 'cookie' ? cookie : request.header(n))
		});
}

describe('lax and strict behaviours exist only in lab sandboxes', () => {
	for (const name of behaviourNames) {
		it(`${name}: off in the default sandbox and in a browser’s sandbox; on only in a lab that asks`, () => {
			const e = createEmulator();
			expect(probes[name](e.handleRaw)).toBe(false);
			expect(probes[name](browserSandbox(e))).toBe(false);
			expect(probes[name](openLabSandbox(e.sandboxes, []).handle)).toBe(false);
			expect(probes[name](openLabSandbox(e.sandboxes, [name]).handle)).toBe(true);
			// …and a lab with every other behaviour on does not have this one.
			const others = behaviourNames.filter((n) => n !== name);
			expect(probes[name](openLabSandbox(e.sandboxes, others).handle)).toBe(false);
		});
	}

	it('a lab sandbox is held by no one: no cookie names it and the sandbox list does not have it', () => {
		const e = createEmulator();
		const lab = openLabSandbox(e.sandboxes, behaviourNames);
		expect(lab.ctx.sandboxId).toMatch(/^lab-/);
		expect(e.sandboxes.size).toBe(0);
		expect(e.sandboxes.all()).not.toContain(lab.ctx);
		expect(e.sandboxes.get(lab.ctx.sandboxId!)).toBeUndefined();
		// Its id in a cookie: not a sandbox id, so the request lands in the default sandbox, strict.
		const viaCookie: Handle = (request) =>
			e.handleRaw({
				...request,
				header: (n) =>
					n === 'cookie' ? `${sandboxCookieName}=${lab.ctx.sandboxId}` : request.header(n)
			});
		for (const name of behaviourNames) expect(probes[name](viaCookie)).toBe(false);
	});

	it('a copy of a lab context, or the default context with a lab field, is not a lab', () => {
		const e = createEmulator();
		const lab = openLabSandbox(e.sandboxes, behaviourNames);
		const copy = { ...lab.ctx };
		const forged = { ...e.context, lab: lab.ctx.lab };
		for (const name of laxityNames) {
			expect(laxOn(lab.ctx, name)).toBe(true);
			expect(laxOn(copy, name)).toBe(false);
			expect(laxOn(forged, name)).toBe(false);
			expect(laxOn(e.context, name)).toBe(false);
		}
		for (const name of strictNames) {
			expect(strictOn(lab.ctx, name)).toBe(true);
			expect(strictOn(copy, name)).toBe(false);
			expect(strictOn(forged, name)).toBe(false);
			expect(strictOn(e.context, name)).toBe(false);
		}
	});

	it('no control endpoint sets a laxity, and an app made with one asked for stays strict', () => {
		const e = createEmulator();
		for (const path of ['/lab', '/laxities', '/sandbox/lab'])
			expect(
				ask(e.handleRaw, 'POST', `/emulator/control${path}`, {
					json: { laxities: behaviourNames, strict: strictNames }
				}).status
			).toBe(404);
		const made = ask(e.handleRaw, 'POST', '/emulator/control/apps', {
			json: { name: 'lax?', laxities: behaviourNames, strict: strictNames, lab: true }
		});
		expect(made.status).toBe(201);
		expect(e.context.lab).toBeUndefined();
		for (const name of behaviourNames) expect(probes[name](e.handleRaw)).toBe(false);
	});

	it('refuses a laxity it does not know', () => {
		const e = createEmulator();
		expect(() => openLabSandbox(e.sandboxes, ['everything' as Laxity])).toThrow(RangeError);
		expect(() => openLabSandbox(e.sandboxes, ['strictest' as Strictness])).toThrow(RangeError);
	});

	it('the lab rules are frozen once made', () => {
		const lab = openLabSandbox(createEmulator().sandboxes, []);
		expect(Object.isFrozen(lab.ctx.lab)).toBe(true);
	});
});
