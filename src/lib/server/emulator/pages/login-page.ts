/** The login page: pre-filled with the demo user, with a button named "Log in" (DESIGN.md). */
import { demoUsers } from '../fixtures/users';
import { html, page } from '../html';
import type { EmuResponse, User } from '../types';

export interface LoginPageOptions {
	mount: string;
	nonce: string;
	csrf: string;
	interaction: string;
	/** Who asks: the app name on an authorize login, null for the account pages. */
	appName: string | null;
	username?: string;
	failed?: boolean;
	formTargets?: string[];
	cookies?: string[];
	/** The users the hints list (config.users); the demo users by default. */
	users?: readonly User[];
}

export function loginPage(o: LoginPageOptions): EmuResponse {
	const users = o.users?.length ? o.users : demoUsers;
	const demo = users[0];
	const hints = users.map(
		(u, i) => html`${i ? ', ' : ''}<code>${u.username}</code> / <code>${u.password}</code>`
	);
	return page({
		title: 'Log in',
		nonce: o.nonce,
		status: 200,
		formTargets: o.formTargets,
		cookies: o.cookies,
		body: html`<h1>Log in to Spotify</h1>
			${o.appName ? html`<p>to continue to <strong>${o.appName}</strong></p>` : ''}
			${o.failed ? html`<p class="error" role="alert">Incorrect username or password.</p>` : ''}
			<form method="post" action="${o.mount}/accounts/login">
				<input type="hidden" name="csrf" value="${o.csrf}" />
				<input type="hidden" name="interaction" value="${o.interaction}" />
				<label for="username">Email address or username</label>
				<input
					id="username"
					name="username"
					autocomplete="username"
					required
					value="${o.username ?? demo.username}"
				/>
				<label for="password">Password</label>
				<input
					id="password"
					name="password"
					type="password"
					autocomplete="current-password"
					required
					value="${o.failed ? '' : demo.password}"
				/>
				<p class="muted">Demo users (username / password): ${hints}.</p>
				<div class="actions"><button class="primary" type="submit">Log in</button></div>
			</form>`
	});
}
