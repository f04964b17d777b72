/**
 * The consent page: requested scopes in plain words, buttons "Agree" and "Cancel" (DESIGN.md).
 * When the emulator asks for consent every time (a workshop, config.consent), a box "Remember my
 * approval", unticked, lets the user choose Spotify's behaviour; otherwise a line says that the
 * approval is remembered, as on Spotify.
 */
import { findScope } from '../../../spotify/scopes';
import type { ConsentMode } from '../config';
import { html, page, type Html } from '../html';
import type { App, AuthorizeRequest, EmuResponse, User } from '../types';

/** The form field of the box "Remember my approval", and the one value it sends when ticked. */
export const rememberField = 'remember';
export const rememberValue = 'yes';

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
	consent: ConsentMode;
	/** Why the last submission was refused (the page is shown again, nothing approved). */
	problem?: string;
}

function rememberChoice(o: ConsentPageOptions): Html {
	if (o.consent === 'remember')
		return html`<p class="muted">
			As on Spotify, your approval is remembered: next time ${o.app.name} asks for these permissions
			you go straight back, unless it sends <code>show_dialog=true</code>.
		</p>`;
	return html`<label class="check" for="remember">
			<input
				type="checkbox"
				id="remember"
				name="${rememberField}"
				value="${rememberValue}"
				aria-describedby="remember-help"
			/>
			Remember my approval
		</label>
		<p class="muted" id="remember-help">
			This server asks for consent on every run, so the whole class sees this page. Tick the box to
			be sent straight back next time, as Spotify does.
		</p>`;
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
		status: o.problem ? 400 : 200,
		body: html`<h1>Allow ${o.app.name} to access your account?</h1>
			${o.problem ? html`<p class="error" role="alert">${o.problem}</p>` : ''}
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
				${rememberChoice(o)}
				<div class="actions">
					<button class="primary" type="submit" name="action" value="agree">Agree</button>
					<button type="submit" name="action" value="cancel">Cancel</button>
				</div>
			</form>`
	});
}
