/** The consent page: requested scopes in plain words, buttons "Agree" and "Cancel" (DESIGN.md). */
import { findScope } from '../../../spotify/scopes';
import { html, page } from '../html';
import type { App, AuthorizeRequest, EmuResponse, User } from '../types';

export interface ConsentPageOptions {
	mount: string;
	nonce: string;
	csrf: string;
	interaction: string;
	app: App;
	user: User;
	request: AuthorizeRequest;
	formTargets: string[];
	cookies?: string[];
}

export function consentPage(o: ConsentPageOptions): EmuResponse {
	const items = o.request.scopes.map((name) => {
		const scope = findScope(name);
		return html`<li>${scope?.consent ?? name} <code class="muted">${name}</code></li>`;
	});
	const implicit = o.request.responseType === 'token';
	return page({
		title: 'Authorize access',
		nonce: o.nonce,
		formTargets: o.formTargets,
		cookies: o.cookies,
		body: html`<h1>Allow ${o.app.name} to access your account?</h1>
			<form class="inline" method="post" action="${o.mount}/accounts/logout">
				<p class="muted">
					Logged in as <strong>${o.user.displayName}</strong>.
					<input type="hidden" name="csrf" value="${o.csrf}" />
					<input type="hidden" name="interaction" value="${o.interaction}" />
					<button type="submit">Not you?</button>
				</p>
			</form>
			<h2>${o.app.name} will be able to:</h2>
			<ul>
				<li>
					View your Spotify account data: your name and username, your profile picture and how many
					followers you have
				</li>
				${items}
			</ul>
			${implicit ? html`<p class="error">This app uses the implicit grant: the access token will travel in the URL fragment.</p>` : ''}
			<p class="muted">
				Then you go back to <code>${o.request.redirectUri}</code>. You can remove this access at any
				time on your <a href="${o.mount}/account/apps">account apps</a> page.
			</p>
			<form method="post" action="${o.mount}/accounts/consent">
				<input type="hidden" name="csrf" value="${o.csrf}" />
				<input type="hidden" name="interaction" value="${o.interaction}" />
				<div class="actions">
					<button class="primary" type="submit" name="action" value="agree">Agree</button>
					<button type="submit" name="action" value="cancel">Cancel</button>
				</div>
			</form>`
	});
}
