/**
 * What the /authorize checks fill in as they run, in the manner of node-oidc-provider's
 * `ctx.oidc`: each check reads what earlier ones established and adds one fact.
 */
import type { EmulatorContext } from '../context';
import type { App, EmuResponse } from '../types';

export interface AuthorizeState {
	params: URLSearchParams;
	nonce: string;
	/** The emulator's own origin (the site's): a class's demo apps accept its /callback. */
	origin: string;
	app?: App;
	/** Set once the redirect URI is known to be registered: errors may then redirect. */
	redirectUri?: string;
	responseType?: 'code' | 'token';
	scopes?: string[];
	codeChallenge?: string | null;
}

/** A check answers with an error response, or undefined to let the next one run. */
export type AuthorizeCheck = (
	ctx: EmulatorContext,
	state: AuthorizeState
) => EmuResponse | undefined;
