/**
 * POST <mount>/control/authorize: the consent replay (not Spotify's). Given an authorize URL as a
 * client would open it, it runs GET /authorize's own checks and answers, as JSON, where the
 * browser would have ended up: Spotify's error page, an error redirect, or the redirect after the
 * user logged in and pressed Agree or Cancel. It never redirects and needs no login cookie, so a
 * replayed run (a link to a step) reaches its callback with no clicks.
 */
import { newId, type EmulatorContext } from '../context';
import { findUserByUsername } from '../fixtures/users';
import { controlJson } from '../http';
import { errorPageText } from '../pages/error-page';
import { authorizePath, under } from '../paths';
import { requestSeed } from '../seed';
import type { EmuRequest, EmuResponse } from '../types';
import { checkAuthorize } from './authorize';
import { approve, deny } from './complete';

/** Longer than any authorize URL a flow builds (a 512-character redirect URI, state, scopes). */
const maxUrlLength = 8192;

const decisions = ['agree', 'cancel'] as const;
type Decision = (typeof decisions)[number];

export type ReplayOutcome =
	| { outcome: 'page'; status: number; text: string }
	| { outcome: 'redirect'; status: number; location: string };

function bad(description: string): EmuResponse {
	return controlJson(400, { error: 'invalid_request', error_description: description });
}

/** The authorize URL's query, if `value` is an absolute URL of this emulator's /authorize. */
function authorizeQuery(ctx: EmulatorContext, request: EmuRequest, value: string) {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return null;
	}
	const path = under(url.pathname, ctx.config.mount);
	const ours = url.origin === request.url.origin && path !== null && authorizePath.test(path);
	return ours ? url.searchParams : null;
}

/** What the browser would have been shown: a page's status and text, or where it was sent. */
function outcomeOf(response: EmuResponse): ReplayOutcome {
	const location = response.headers.location;
	if (location !== undefined) return { outcome: 'redirect', status: response.status, location };
	// Every /authorize answer that is not a redirect is one of Spotify's error pages.
	return { outcome: 'page', status: response.status, text: errorPageText(response.errorPage!) };
}

export function replayAuthorize(
	ctx: EmulatorContext,
	request: EmuRequest,
	body: Record<string, unknown>
): EmuResponse {
	const { url, decision, username = 'demo' } = body;
	if (typeof url !== 'string' || url.length === 0 || url.length > maxUrlLength)
		return bad(`url must be the authorize URL, as a string of at most ${maxUrlLength} characters.`);
	const params = authorizeQuery(ctx, request, url);
	if (!params)
		return bad(
			`url is not an absolute authorize URL of this emulator (${request.url.origin}${ctx.config.mount}/accounts/authorize).`
		);
	if (typeof decision !== 'string' || !decisions.includes(decision as Decision))
		return bad('decision must be "agree" or "cancel".');
	const user =
		typeof username === 'string' ? findUserByUsername(username, ctx.config.users) : undefined;
	if (!user) return bad('username must name one of the emulator’s users, such as "demo".');

	// The replay's seed is the control request's: the explorer's cookie, or EMULATOR_SEED.
	const verdict = checkAuthorize(
		ctx,
		params,
		newId(ctx, 12),
		requestSeed(ctx, request),
		request.url.origin
	);
	if (!verdict.ok) return controlJson(200, outcomeOf(verdict.response));
	// Always the consent form's answer (303), even where an earlier approval would have skipped
	// the page: a replay must not depend on what other runs on this server approved before. Its
	// Agree leaves "Remember my approval" as the page shows it: remembered, as on Spotify, unless
	// the emulator asks for consent every time (a workshop), where the next run asks again.
	const answer =
		decision === 'agree' ? approve(ctx, verdict.request, user, 303) : deny(verdict.request);
	return controlJson(200, outcomeOf(answer));
}
