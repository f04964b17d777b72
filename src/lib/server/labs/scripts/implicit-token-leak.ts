/**
 * The implicit grant's token in the URL fragment (RFC 9700 §2.1.2, §4.2, §4.3.2). Each way the
 * fragment can leave the victim's browser is played on the simulated browser, and the verdict
 * lists which of them carried the token in this run: the history list, the address bar (a shared
 * screenshot), a third-party analytics tag reading location.href, the Referer of the tag's
 * request, and the app's open redirector. Referrer-Policy and scrubbing the fragment each close
 * some of them; on today's rules Spotify answers `response_type must be code` and no token exists.
 */
import type { LeakChannel, Verdict } from '../../../attacks/types';
import { buildAuthorizeRequest } from '../../../oauth/authorize-request';
import { generateState } from '../../../oauth/state';
import {
	accessTokenIn,
	redirectTarget,
	refererFor,
	withoutFragment,
	type ReferrerPolicy
} from '../browser-rules';
import type { LabScript } from '../script';
import { attackerOrigin, short, tokenVerdict, victimAppOrigin, type LabWorld } from '../world';
import { callbackUrl, fromCallback, scopes, startSignIn } from './common';

export const implicitTokenLeak: LabScript = {
	laxities: () => [],
	async run(world, defence) {
		const today = defence === 'code-instead-of-implicit';
		const app = world.registerApp('Victim’s single-page app', today ? '2026' : 'classic', [
			callbackUrl
		]);
		const { url } = await startSignIn(world, world.victim, app, {
			state: true,
			pkce: false,
			responseType: 'token'
		});
		const answer = world.authorize(
			'victim-authorizes',
			'victim',
			today
				? 'The victim signs in: the app asks for response_type=token, on today’s rules'
				: 'The victim signs in: the app asks for response_type=token (the implicit grant, legacy rules)',
			url
		);
		if ('refusal' in answer) {
			world.note(
				'no-token',
				'victim-app',
				'No token exists, so none can leak: the app must move to the code with PKCE',
				'A leaked callback then carries a code that is useless without the verifier (see the code interception lab).'
			);
			return tokenVerdict(world, null, answer.refusal);
		}
		const channels = leakChannels(world, answer.location, {
			policy: defence === 'referrer-policy' ? 'no-referrer' : 'strict-origin-when-cross-origin',
			scrub: defence === 'scrub-fragment',
			clientId: app.clientId
		});
		const leaked = channels.filter((c) => c.leaked);
		const token = leaked.length ? fromCallback(answer.location, 'access_token') : null;
		if (token) world.attacker.storage.set('access_token', token);
		world.refresh();
		const verdict = tokenVerdict(world, token, null);
		return withChannels(verdict, channels);
	}
};

/** Plays each way out of the victim's browser, in the order a page load and a week go by. */
function leakChannels(
	world: LabWorld,
	callback: string,
	page: { policy: ReferrerPolicy; scrub: boolean; clientId: string }
): LeakChannel[] {
	const victim = world.victim;
	const tagUrl = `${attackerOrigin}/tag.js`;
	// 1. The page's head asks for the analytics tag: the request carries the page's Referer.
	const referer = refererFor(victim.address ?? callback, page.policy, tagUrl);
	world.site.accessLog.push(`GET /tag.js  Referer: ${referer ?? '(none)'}`);
	world.note(
		'page-loads-tag',
		'victim',
		'The callback page loads; its first tag, a third party’s analytics script, is fetched',
		page.policy === 'no-referrer'
			? 'The page was served with Referrer-Policy: no-referrer: the request carries no Referer.'
			: `No Referrer-Policy: the browser’s default (strict-origin-when-cross-origin) sends Referer: ${referer ?? '(none)'}. A Referer never carries the fragment.`,
		'attacker-site'
	);
	// 2. The tag runs before the app's code and reports the page's URL.
	const seenByTag = victim.address ?? callback;
	world.site.accessLog.push(`POST /collect  page_location=${seenByTag}`);
	world.note(
		'tag-reads-location',
		'victim',
		'The analytics tag reads location.href and sends it to its server',
		'It runs first, as its vendor asks it to be placed; whatever the URL holds now, it reports.',
		'attacker-site'
	);
	// 3. The app's code reads the fragment, and scrubs it when told to.
	victim.storage.set('app memory: access_token', fromCallback(callback, 'access_token'));
	if (page.scrub) victim.replaceState(withoutFragment(callback));
	world.note(
		page.scrub ? 'app-scrubs-fragment' : 'app-reads-fragment',
		'victim-app',
		page.scrub
			? 'The app’s code reads the token, then calls history.replaceState(null, "", "/callback")'
			: 'The app’s code reads the token from the fragment and leaves the URL as it is'
	);
	// 4. The victim asks for help with a screenshot of the page, address bar included.
	const screenshot = victim.address;
	world.site.stored.push(`screenshot: ${screenshot ?? ''}`);
	world.note(
		'victim-shares-screenshot',
		'victim',
		'The victim posts a screenshot of the page, address bar included, in a support forum',
		undefined,
		'attacker'
	);
	// 5. Later, on the shared computer, the attacker opens the browser's history list.
	const historyHit = victim.history.find((u) => accessTokenIn(u) !== null) ?? null;
	world.note(
		'attacker-reads-history',
		'attacker',
		'Later, at the same computer, the attacker opens the browser’s history list',
		'The list keeps each URL as it was loaded; history.replaceState rewrites only the address bar and the Back entry.'
	);
	// 6. The attacker's link names the app's open redirector as redirect_uri.
	const redirector = `${victimAppOrigin}/out?to=${encodeURIComponent(`${attackerOrigin}/land`)}`;
	world.site.delivered.push(`link to /authorize with redirect_uri=${redirector}`);
	const viaRedirector = world.authorize(
		'victim-follows-redirector-link',
		'victim',
		'The victim follows the attacker’s link: the app’s own authorize URL, redirect_uri set to its open redirector',
		buildAuthorizeRequest({
			accountsBase: world.bases.accounts,
			clientId: page.clientId,
			redirectUri: redirector,
			responseType: 'token',
			state: generateState(),
			scope: scopes
		}).url
	);
	let landed: string | null = null;
	if ('location' in viaRedirector) {
		// The app's /out answers 302 to ?to=…; the browser carries the fragment along.
		landed = redirectTarget(viaRedirector.location, `${attackerOrigin}/land`);
		world.site.accessLog.push(`GET /land  (the page reads location.hash: ${landed})`);
	}
	const carried = (text: string | null, none: string) => text ?? none;
	return [
		{
			id: 'history',
			label: 'the browser’s history list (a shared computer)',
			leaked: historyHit !== null,
			carried: carried(historyHit && shortToken(historyHit), 'no URL with a token')
		},
		{
			id: 'address-bar',
			label: 'the address bar (a shared screenshot)',
			leaked: accessTokenIn(screenshot) !== null,
			carried: shortToken(screenshot ?? '')
		},
		{
			id: 'third-party-script',
			label: 'the analytics tag reading location.href',
			leaked: accessTokenIn(seenByTag) !== null,
			carried: shortToken(seenByTag)
		},
		{
			id: 'referer',
			label: 'the Referer of the tag’s request',
			leaked: accessTokenIn(referer) !== null,
			carried: carried(referer, 'no Referer header')
		},
		{
			id: 'open-redirector',
			label: 'the app’s open redirector',
			leaked: accessTokenIn(landed) !== null,
			carried:
				'refusal' in viaRedirector
					? `the emulator answered ${viaRedirector.refusal.by === 'emulator' ? viaRedirector.refusal.body : ''} and redirected nowhere`
					: shortToken(landed ?? '')
		}
	];
}

/** The verdict, saying which channels carried the token and which did not. */
function withChannels(verdict: Verdict, channels: LeakChannel[]): Verdict {
	const list = (cs: LeakChannel[]) => cs.map((c) => c.label).join('; ');
	const leaked = channels.filter((c) => c.leaked);
	const closed = channels.filter((c) => !c.leaked);
	if (verdict.outcome !== 'succeeded') return { ...verdict, channels };
	return {
		...verdict,
		evidence: `${verdict.evidence} The token leaked through: ${list(leaked)}. Carried no token: ${list(closed)}.`,
		channels
	};
}

function shortToken(url: string): string {
	return url.replace(/(access_token=)([^&]+)/, (_m, k: string, v: string) => `${k}${short(v)}`);
}
