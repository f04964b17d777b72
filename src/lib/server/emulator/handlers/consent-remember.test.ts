import { describe, expect, it } from 'vitest';
import { configFromEnv, consentModeFromEnv, defaultClientId } from '../config';
import { param, testEmulator, TestClient } from '../testing';
import type { EmuResponse } from '../types';
import { rememberChoice } from './login';

/**
 * "Remember my approval" (issue 11): Spotify remembers an approval, so a second run skips the
 * consent page; a workshop asks every time, with the box a choice each attendee makes.
 */

const redirectUri = 'http://127.0.0.1:4173/callback';
const query = new URLSearchParams({
	client_id: defaultClientId,
	response_type: 'code',
	redirect_uri: redirectUri,
	scope: 'user-read-private'
});
const authorizePath = `/emulator/accounts/authorize?${query}`;

/** Logs in (first run) and returns the page /authorize shows next: consent, or the redirect. */
function afterLogin(c: TestClient): EmuResponse {
	const page = c.call('GET', authorizePath);
	return page.body.includes('name="password"') ? c.follow(c.login(page)) : page;
}

const box = /<input\s+type="checkbox"\s+id="remember"\s+name="remember"\s+value="yes"/;

describe('consent every time (a workshop)', () => {
	const workshop = () => testEmulator({ consent: 'every-time' }).client();

	it('shows the box unticked and labelled, and asks again on the next run', () => {
		const c = workshop();
		const consent = afterLogin(c);
		expect(consent.status).toBe(200);
		expect(consent.body).toMatch(box);
		expect(consent.body).toMatch(/aria-describedby="remember-help"\s*\/>\s*Remember my approval/);
		expect(consent.body).not.toMatch(/value="yes"[^>]*checked/);
		expect(c.consent(consent, 'agree').status).toBe(303);
		const second = afterLogin(c);
		expect(second.status).toBe(200);
		expect(second.body).toContain('>Agree</button>');
	});

	it('with the box ticked, remembers as Spotify does: the next run goes straight back', () => {
		const c = workshop();
		c.consent(afterLogin(c), 'agree', { remember: 'yes' });
		const third = c.call('GET', authorizePath);
		expect(third.status).toBe(302);
		expect(param(third.headers.location, 'code')).toMatch(/^AQ/);
		// show_dialog=true still asks, as on Spotify.
		expect(c.call('GET', `${authorizePath}&show_dialog=true`).status).toBe(200);
	});

	it('remembers only the scopes approved with the box ticked', () => {
		const c = workshop();
		c.consent(afterLogin(c), 'agree', { remember: 'yes' });
		const more = c.call(
			'GET',
			authorizePath.replace('user-read-private', 'user-read-private+user-top-read')
		);
		expect(more.status).toBe(200);
		c.consent(more, 'agree');
		expect(c.call('GET', authorizePath).status).toBe(302);
		expect(
			c.call('GET', authorizePath.replace('user-read-private', 'user-read-private+user-top-read'))
				.status
		).toBe(200);
	});

	it('lists an approval left unremembered on the account apps page, so it can be removed', () => {
		const c = workshop();
		c.consent(afterLogin(c), 'agree');
		const apps = c.call('GET', '/emulator/account/apps');
		expect(apps.body).toContain('Grantwalk demo app');
	});

	it('a replayed Agree (control/authorize) leaves the next run asking', () => {
		const c = workshop();
		c.control('/authorize', { url: `http://127.0.0.1:4173${authorizePath}`, decision: 'agree' });
		expect(afterLogin(c).status).toBe(200);
	});
});

describe('Spotify’s behaviour (the default)', () => {
	it('shows no box but says the approval is remembered; the next run goes straight back', () => {
		const c = testEmulator().client();
		const consent = afterLogin(c);
		expect(consent.body).not.toMatch(box);
		expect(consent.body).toContain('As on Spotify, your approval is remembered');
		c.consent(consent, 'agree');
		expect(c.call('GET', authorizePath).status).toBe(302);
	});

	it('takes remember=yes too', () => {
		const c = testEmulator().client();
		expect(c.consent(afterLogin(c), 'agree', { remember: 'yes' }).status).toBe(303);
		expect(c.call('GET', authorizePath).status).toBe(302);
	});
});

describe('a bad remember field', () => {
	for (const [name, body] of [
		['an unknown value', 'remember=maybe'],
		['the value twice', 'remember=yes&remember=yes'],
		['an empty value', 'remember=']
	] as const)
		it(`${name}: the same page again with the reason, its interaction kept, nothing approved`, () => {
			for (const consent of ['every-time', 'remember'] as const) {
				const c = testEmulator({ consent }).client();
				const page = afterLogin(c);
				const form = `csrf=${TestClient.field(page, 'csrf')}&interaction=${TestClient.field(page, 'interaction')}&action=agree&${body}`;
				const refused = c.call('POST', '/emulator/accounts/consent', {
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: form
				});
				expect(refused.status).toBe(400);
				expect(refused.headers.location).toBeUndefined();
				expect(refused.body).toContain('role="alert"');
				expect(refused.body).toContain('“Remember my approval” is a box to tick or leave');
				expect(TestClient.field(refused, 'interaction')).toBe(
					TestClient.field(page, 'interaction')
				);
				// Nothing was approved: no code was issued and the next run still asks.
				expect(c.emulator.context.store.codes.size).toBe(0);
				// Nothing lost: the same page answered properly goes on.
				const done = c.consent(refused, 'agree');
				expect(done.status).toBe(303);
				expect(param(done.headers.location, 'code')).toMatch(/^AQ/);
			}
		});

	it('rememberChoice: absent means the mode’s own behaviour, yes means remember', () => {
		const form = (s: string) => new URLSearchParams(s);
		expect(rememberChoice(form(''), 'remember')).toEqual({ remember: true });
		expect(rememberChoice(form(''), 'every-time')).toEqual({ remember: false });
		expect(rememberChoice(form('remember=yes'), 'every-time')).toEqual({ remember: true });
		expect(rememberChoice(form('remember=on'), 'every-time')).toHaveProperty('problem');
	});
});

describe('which servers ask every time', () => {
	it('a class: beyond loopback, a presenter key or a workshop seed; EMULATOR_CONSENT overrides', () => {
		expect(configFromEnv({}).consent).toBe('remember');
		expect(configFromEnv({ HOST: '127.0.0.1' }).consent).toBe('remember');
		expect(configFromEnv({ HOST: '0.0.0.0' }).consent).toBe('every-time');
		expect(configFromEnv({ GRANTWALK_PRESENTER_KEY: 'k' }).consent).toBe('every-time');
		expect(configFromEnv({ EMULATOR_SEED: 'class' }).consent).toBe('every-time');
		expect(configFromEnv({ HOST: '0.0.0.0', EMULATOR_CONSENT: 'remember' }).consent).toBe(
			'remember'
		);
		expect(configFromEnv({ EMULATOR_CONSENT: ' Every-Time ' }).consent).toBe('every-time');
		expect(consentModeFromEnv({ EMULATOR_CONSENT: 'sometimes' }, false)).toBe('remember');
		expect(consentModeFromEnv({ EMULATOR_CONSENT: 'sometimes' }, true)).toBe('every-time');
	});
});
