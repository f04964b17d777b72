/**
 * The world an attack lab runs in: one throwaway lab sandbox of the emulator (its own apps, codes
 * and tokens, and the lab's named laxities), two browsers that share nothing (the victim's and the
 * attacker's, each with its own cookies, storage and history), and the attacker's site. Every
 * request goes to the emulator in-process through the lab sandbox's handler: there is no network
 * transport here, so a lab can never reach real Spotify. Each step is recorded as it happens.
 */
import { STATUS_CODES } from 'node:http';
import type {
	LabStep,
	Lane,
	Refusal,
	SideState,
	Sides,
	AttackerSite,
	Verdict
} from '../../attacks/types';
import { buildWebApiRequest } from '../../oauth/api-request';
import { emulatorBaseUrls, type BaseUrls } from '../../oauth/endpoints';
import {
	contentTypeOf,
	encodeBody,
	type HttpRequestDescription,
	type HttpResponseDescription
} from '../../oauth/http';
import type { EraId } from '../../spotify/eras';
import { createApp } from '../emulator/apps';
import { findUserByUsername } from '../emulator/fixtures/users';
import { openLabSandbox, type LabSandbox } from '../emulator/lab';
import type { LabBehaviour } from '../emulator/laxities';
import type { Sandboxes } from '../emulator/sandbox';
import type { App, EmuRequest } from '../emulator/types';

/** The apps' and the attacker's made-up origins: names under .example never resolve. */
export const victimAppOrigin = 'https://victim-app.example';
export const attackerOrigin = 'https://attacker.example';
export const victimUser = findUserByUsername('demo')!;
export const attackerUser = findUserByUsername('alex')!;

/**
 * A browser: its cookies (per site), storage, history list and address bar, shared with no other.
 * The history list keeps every URL visited: history.replaceState rewrites the address bar and the
 * session's entry, not the list most browsers keep (the HTML standard leaves that list to them).
 */
export class Browser {
	readonly cookies = new Map<string, string>();
	readonly storage = new Map<string, string>();
	readonly history: string[] = [];
	address: string | null = null;

	visit(url: string): void {
		this.history.push(url);
		this.address = url;
	}

	/** history.replaceState(null, '', url): a same-document URL change, no request. */
	replaceState(url: string): void {
		this.address = url;
	}

	snapshot(): SideState {
		return {
			cookies: [...this.cookies].map(([k, v]) => `${k}=${short(v)}`),
			storage: [...this.storage].map(([k, v]) => `${k}: ${short(v)}`),
			history: this.history.map(shortUrl),
			address: this.address === null ? [] : [shortUrl(this.address)]
		};
	}
}

export interface WorldOptions {
	sandboxes: Sandboxes;
	/** The site's origin: the emulator is at `<origin>/emulator/…`, as for every flow. */
	origin: string;
	/** The lab sandbox's lax and strict behaviours (laxities.ts). */
	behaviours?: readonly LabBehaviour[];
}

export class LabWorld {
	readonly lab: LabSandbox;
	readonly bases: BaseUrls;
	readonly victim = new Browser();
	readonly attacker = new Browser();
	readonly site: AttackerSite = { stored: [], delivered: [], accessLog: [] };
	readonly steps: LabStep[] = [];

	constructor(readonly options: WorldOptions) {
		this.lab = openLabSandbox(options.sandboxes, options.behaviours ?? []);
		this.bases = emulatorBaseUrls(options.origin);
	}

	/** An app registered in this lab sandbox only (the victim's app, as its developer set it up). */
	registerApp(name: string, era: EraId, redirectUris: string[]): App {
		return createApp(this.lab.ctx, name, era, redirectUris);
	}

	/** Sends `request` to the emulator and records the exchange as step `id`. */
	send(
		id: string,
		lane: Lane,
		title: string,
		request: HttpRequestDescription,
		detail?: string
	): HttpResponseDescription {
		const emu = this.lab.handle(toEmuRequest(request));
		const headers: Record<string, string> = { ...emu.headers };
		if (emu.cookies?.length) headers['set-cookie'] = emu.cookies.join(', ');
		const response: HttpResponseDescription = {
			status: emu.status,
			statusText: STATUS_CODES[emu.status] ?? '',
			headers,
			body: emu.body
		};
		this.record({ id, lane, to: 'spotify', title, detail, exchange: { request, response } });
		return response;
	}

	/** A step with no request to the emulator: a browser, an app or the attacker's site acts. */
	note(id: string, lane: Lane, title: string, detail?: string, to?: Lane): void {
		this.record({ id, lane, to, title, detail });
	}

	/**
	 * The user logs in and answers the consent page, through the emulator's consent replay
	 * (`POST /emulator/control/authorize`): /authorize's own checks, then where the browser ends up.
	 */
	authorize(
		id: string,
		lane: 'victim' | 'attacker',
		title: string,
		authorizeUrl: string
	): { location: string } | { refusal: Refusal } {
		const browser = lane === 'victim' ? this.victim : this.attacker;
		const user = lane === 'victim' ? victimUser : attackerUser;
		browser.visit(authorizeUrl);
		const response = this.send(
			id,
			lane,
			title,
			{
				method: 'POST',
				url: `${this.options.origin}/emulator/control/authorize`,
				headers: { 'Content-Type': 'application/json' },
				body: {
					type: 'json',
					fields: [
						['url', authorizeUrl],
						['decision', 'agree'],
						['username', user.username]
					]
				}
			},
			`${user.displayName} (${user.username}) logs in and presses Agree.`
		);
		const outcome = JSON.parse(response.body) as {
			outcome: 'page' | 'redirect';
			status: number;
			text?: string;
			location?: string;
		};
		if (outcome.outcome === 'page')
			return {
				refusal: { by: 'emulator', status: outcome.status, body: outcome.text ?? '', stepId: id }
			};
		browser.visit(outcome.location!);
		this.refresh();
		return { location: outcome.location! };
	}

	/** `GET /v1/me` with `token`: whose account the token opens, if any. */
	whoIs(id: string, lane: Lane, token: string, title: string): string | null {
		const response = this.send(
			id,
			lane,
			title,
			buildWebApiRequest({ apiBase: this.bases.api, path: '/v1/me', accessToken: token })
		);
		if (response.status !== 200) return null;
		return (JSON.parse(response.body) as { id?: string }).id ?? null;
	}

	/** Re-records the sides of the last step (after a browser's storage changed). */
	refresh(): void {
		const last = this.steps.at(-1);
		if (last) last.sides = this.sides();
	}

	sides(): Sides {
		return {
			victim: this.victim.snapshot(),
			attacker: this.attacker.snapshot(),
			site: {
				stored: this.site.stored.map(shortUrl),
				delivered: this.site.delivered.map(shortUrl),
				accessLog: this.site.accessLog.map(shortUrl)
			}
		};
	}

	private record(step: Omit<LabStep, 'sides'>): void {
		if (this.steps.some((s) => s.id === step.id))
			throw new Error(`Two steps are called ${step.id}`);
		this.steps.push({ ...step, sides: this.sides() });
	}
}

/** The emulator's answer at step `stepId`, as what stopped the attack. */
export function emulatorRefusal(stepId: string, response: HttpResponseDescription): Refusal {
	return { by: 'emulator', status: response.status, body: response.body, stepId };
}

/**
 * The verdict of an attack whose goal is a token for the victim's account: the attacker's
 * `GET /v1/me` says whose account the token opens. Computed from that answer, never assumed.
 */
export function tokenVerdict(
	world: LabWorld,
	token: string | null,
	refusal: Refusal | null,
	subject = 'the attacker'
): Verdict {
	if (token !== null) {
		const owner = world.whoIs(
			'attacker-checks-token',
			'attacker',
			token,
			`${cap(subject)} calls GET /v1/me with the token`
		);
		if (owner === victimUser.id)
			return {
				outcome: 'succeeded',
				text: `Attack succeeded: ${subject} holds a token for the victim's account`,
				evidence: `GET /v1/me answered 200 with "id": "${owner}", the victim's account.`
			};
		const last = world.steps.at(-1)!;
		refusal ??= emulatorRefusal(last.id, last.exchange!.response);
	}
	return blocked(refusal);
}

/** The verdict of an attack that links the victim's app session to the attacker's account. */
export function linkVerdict(
	world: LabWorld,
	appToken: string | null,
	refusal: Refusal | null
): Verdict {
	if (appToken !== null) {
		const owner = world.whoIs(
			'app-checks-account',
			'victim-app',
			appToken,
			"The victim's app asks GET /v1/me whose account it is now linked to"
		);
		if (owner === attackerUser.id)
			return {
				outcome: 'succeeded',
				text: "Attack succeeded: the victim's app is linked to the attacker's Spotify account",
				evidence: `GET /v1/me answered 200 with "id": "${owner}", the attacker's account, in the victim's session.`
			};
		const last = world.steps.at(-1)!;
		refusal ??= emulatorRefusal(last.id, last.exchange!.response);
	}
	return blocked(refusal);
}

export function blocked(refusal: Refusal | null): Verdict {
	if (!refusal) throw new Error('A blocked attack names what blocked it');
	return {
		outcome: 'blocked',
		text:
			refusal.by === 'emulator'
				? `Attack blocked: the emulator answered ${refusal.status} ${refusalSummary(refusal.body)}`
				: `Attack blocked: the app refused the callback (${refusal.message})`,
		refusal
	};
}

/** `invalid_grant / Invalid authorization code` for a JSON error, else the page's text. */
function refusalSummary(body: string): string {
	try {
		const json = JSON.parse(body) as { error?: unknown; error_description?: unknown };
		if (typeof json.error === 'string')
			return typeof json.error_description === 'string'
				? `${json.error} / ${json.error_description}`
				: json.error;
	} catch {
		// not JSON: a page's text
	}
	return body.trim();
}

function toEmuRequest(request: HttpRequestDescription): EmuRequest {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
	let body = '';
	if (request.body) {
		headers['content-type'] ??= contentTypeOf(request.body);
		body = encodeBody(request.body);
	}
	return {
		method: request.method,
		url: new URL(request.url),
		header: (n) => headers[n] ?? null,
		body
	};
}

function cap(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Long codes and tokens cut short for the side panels (the exchanges show them whole). */
export function short(value: string): string {
	return value.length > 24 ? `${value.slice(0, 12)}…` : value;
}

function shortUrl(url: string): string {
	return url.replace(
		/([=:]\s?)([A-Za-z0-9_~.-]{25,})/g,
		(_m, sep: string, v: string) => `${sep}${short(v)}`
	);
}
