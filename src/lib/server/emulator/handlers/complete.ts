/**
 * Ending an authorization: the redirect back to the app with a code (query) or, for the implicit
 * grant, a token (fragment); or with `error=access_denied` when the user cancels (reference §2.2,
 * §2.3, §2.5). `state` is echoed unchanged.
 */
import { getSpotifyError } from '../../../spotify/errors';
import { approvalKey } from '../store';
import type { EmulatorContext } from '../context';
import { authorizationInputs, issueAccessToken, issueCode } from '../grants';
import { redirect, withParams } from '../http';
import type { AuthorizeRequest, EmuResponse, User } from '../types';

/**
 * The user approves: the scopes are granted (listed on the account apps page) and, when
 * `remember` (always, as on Spotify, unless the emulator asks every time), remembered, so the next
 * /authorize for them skips the consent page. Then the redirect back with a code or token.
 */
export function approve(
	ctx: EmulatorContext,
	request: AuthorizeRequest,
	user: User,
	status: 302 | 303,
	cookies?: string[],
	remember: boolean = ctx.config.consent === 'remember'
): EmuResponse {
	const key = approvalKey(user.id, request.clientId);
	const before = ctx.store.approvals.get(key) ?? { scopes: [], remembered: [] };
	const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
	ctx.store.approvals.set(key, {
		scopes: union(before.scopes, request.scopes),
		remembered: remember ? union(before.remembered, request.scopes) : before.remembered
	});
	if (request.responseType === 'token') {
		const token = issueAccessToken(ctx, request.clientId, user.id, request.scopes, {
			seed: request.seed,
			kind: 'implicit',
			inputs: authorizationInputs(request, user)
		});
		const fragment = {
			access_token: token,
			token_type: 'Bearer',
			expires_in: String(ctx.config.accessTokenTtlSeconds),
			state: request.state
		};
		return redirect(status, withParams(request.redirectUri, fragment, 'fragment'), cookies);
	}
	const code = issueCode(ctx, request, user);
	return redirect(status, withParams(request.redirectUri, { code, state: request.state }), cookies);
}

export function deny(request: AuthorizeRequest, cookies?: string[]): EmuResponse {
	const error = getSpotifyError('access-denied').code!;
	// Spotify's docs show the denial in the query even for the implicit grant.
	return redirect(303, withParams(request.redirectUri, { error, state: request.state }), cookies);
}

/** Has the user already approved, and asked to remember, every requested scope for this app? */
export function alreadyApproved(
	ctx: EmulatorContext,
	request: AuthorizeRequest,
	user: User
): boolean {
	const approved = ctx.store.approvals.get(approvalKey(user.id, request.clientId));
	return !!approved && request.scopes.every((s) => approved.remembered.includes(s));
}
