/** The emulator's developer dashboard: the apps, their credentials and redirect URIs. */
import { eraIds, eras } from '../../../spotify/eras';
import { html, page } from '../html';
import type { App, EmuResponse } from '../types';

interface Common {
	mount: string;
	nonce: string;
	csrf: string;
	cookies?: string[];
}

/** What the create form held, so a refused attempt loses nothing typed. */
export interface CreateDraft {
	name: string;
	era: string;
	redirectUri: string;
}

export function dashboardPage(
	o: Common & { apps: App[]; error?: string; draft?: CreateDraft }
): EmuResponse {
	const rows = o.apps.map(
		(app) =>
			html`<tr>
				<td><a href="${o.mount}/dashboard/apps/${app.clientId}">${app.name}</a></td>
				<td><code>${app.clientId}</code></td>
				<td>${eras[app.era].name}</td>
				<td>${app.redirectUris.length}</td>
			</tr>`
	);
	const draft = o.draft ?? { name: '', era: '', redirectUri: 'http://127.0.0.1/callback' };
	const options = eraIds.map((id) =>
		id === draft.era
			? html`<option value="${id}" selected>${eras[id].name}</option>`
			: html`<option value="${id}">${eras[id].name}</option>`
	);
	return page({
		title: 'Dashboard',
		nonce: o.nonce,
		wide: true,
		cookies: o.cookies,
		status: o.error ? 400 : 200,
		body: html`<h1>Developer dashboard</h1>
			<p class="muted">
				The emulator’s apps. Point your own app at the emulator with one of these Client IDs.
			</p>
			<table>
				<caption class="muted">
					Apps, newest last
				</caption>
				<thead>
					<tr>
						<th scope="col">Name</th>
						<th scope="col">Client ID</th>
						<th scope="col">Rules</th>
						<th scope="col">Redirect URIs</th>
					</tr>
				</thead>
				<tbody>
					${rows}
				</tbody>
			</table>
			<h2 id="create">Create an app</h2>
			${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
			<form method="post" action="${o.mount}/dashboard/apps">
				<input type="hidden" name="csrf" value="${o.csrf}" />
				<label for="name">App name</label
				><input id="name" name="name" required maxlength="100" value="${draft.name}" />
				<label for="era">Rules</label
				><select id="era" name="era">
					${options}
				</select>
				<label for="redirect_uri">Redirect URI</label
				><input id="redirect_uri" name="redirect_uri" required value="${draft.redirectUri}" />
				<div class="actions"><button class="primary" type="submit">Create app</button></div>
			</form>
			<p class="muted">
				<a href="${o.mount}/account/apps">Account apps</a> (the user’s side: remove an app’s
				access).
			</p>`
	});
}

export function appPage(o: Common & { app: App; error?: string; value?: string }): EmuResponse {
	const { app } = o;
	const uris = app.redirectUris.map(
		(uri) =>
			html`<li>
				<code>${uri}</code>
				<form
					class="inline"
					method="post"
					action="${o.mount}/dashboard/apps/${app.clientId}/redirect-uris"
				>
					<input type="hidden" name="csrf" value="${o.csrf}" /><input
						type="hidden"
						name="remove"
						value="${uri}"
					/>
					<button type="submit" aria-label="Remove ${uri}">Remove</button>
				</form>
			</li>`
	);
	return page({
		title: app.name,
		nonce: o.nonce,
		wide: true,
		cookies: o.cookies,
		status: o.error ? 400 : 200,
		body: html`<p><a href="${o.mount}/dashboard">← Dashboard</a></p>
			<h1>${app.name}</h1>
			<p>
				Rules: <strong>${eras[app.era].name}</strong>.
				<span class="muted">${eras[app.era].summary}</span>
			</p>
			${
				app.developmentMode
					? html`<p id="quota-mode">
							Quota: <strong>development mode</strong>. Users on the allow-list:
							${app.developmentMode.allowedUsers.join(', ') || 'none'}. The owner
							${app.developmentMode.ownerHasPremium ? 'has' : 'has no'} Premium.
						</p>`
					: ''
			}
			<h2>Basic information</h2>
			<p>Client ID: <code>${app.clientId}</code></p>
			<details>
				<summary>View client secret</summary>
				<p><code>${app.clientSecret}</code></p>
			</details>
			<h2 id="redirect-uris">Redirect URIs</h2>
			<ul>
				${uris}
			</ul>
			${o.error ? html`<p class="error" role="alert" id="redirect-uri-error">${o.error}</p>` : ''}
			<form method="post" action="${o.mount}/dashboard/apps/${app.clientId}/redirect-uris">
				<input type="hidden" name="csrf" value="${o.csrf}" />
				<label for="add">Add a redirect URI</label
				><input
					id="add"
					name="add"
					required
					value="${o.value ?? ''}"
					placeholder="http://127.0.0.1:3000/callback"
				/>
				<div class="actions"><button class="primary" type="submit">Add</button></div>
			</form>`
	});
}

export function accountAppsPage(
	o: Common & { userName: string; apps: { app: App; scopes: string[] }[] }
): EmuResponse {
	const rows = o.apps.map(
		({ app, scopes }) =>
			html`<li>
				<strong>${app.name}</strong>
				<span class="muted">${scopes.length ? scopes.join(', ') : 'public profile only'}</span>
				<form class="inline" method="post" action="${o.mount}/account/apps/remove">
					<input type="hidden" name="csrf" value="${o.csrf}" /><input
						type="hidden"
						name="client_id"
						value="${app.clientId}"
					/>
					<button type="submit" aria-label="Remove access for ${app.name}">Remove access</button>
				</form>
			</li>`
	);
	return page({
		title: 'Apps',
		nonce: o.nonce,
		cookies: o.cookies,
		body: html`<h1>Manage apps</h1>
			<p class="muted">
				Logged in as <strong>${o.userName}</strong>. Removing an app’s access revokes its refresh
				tokens.
			</p>
			${
				o.apps.length
					? html`<ul>
							${rows}
						</ul>`
					: html`<p>You have not given any app access.</p>`
			}
			<form method="post" action="${o.mount}/accounts/logout">
				<input type="hidden" name="csrf" value="${o.csrf}" /><button type="submit">Log out</button>
			</form>`
	});
}

export function homePage(o: Common & { control: boolean }): EmuResponse {
	return page({
		title: 'Spotify emulator',
		nonce: o.nonce,
		cookies: o.cookies,
		body: html`<h1>Spotify emulator</h1>
			<p>
				A local imitation of <code>accounts.spotify.com</code> at
				<code>${o.mount}/accounts</code> and of <code>api.spotify.com</code> at
				<code>${o.mount}/api</code>.
			</p>
			<ul>
				<li>
					<a href="${o.mount}/dashboard">Developer dashboard</a>: apps, credentials, redirect URIs
				</li>
				<li><a href="${o.mount}/account/apps">Account apps</a>: remove an app’s access</li>
				${o.control ? html`<li><a href="${o.mount}/control">Control API</a> (JSON)</li>` : ''}
			</ul>`
	});
}
