/** What the /api/token checks fill in as they run (compare authorize-state.ts). */
import type { EmulatorContext } from '../context';
import type { App, CodeRecord, EmuRequest, EmuResponse, RefreshTokenRecord } from '../types';

export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

export interface TokenState {
	request: EmuRequest;
	params: URLSearchParams;
	grantType?: GrantType;
	app?: App;
	/** true when the client proved a secret; false for a PKCE client sending only client_id. */
	confidential?: boolean;
	code?: { value: string; record: CodeRecord };
	refresh?: { value: string; record: RefreshTokenRecord };
}

export type TokenCheck = (ctx: EmulatorContext, state: TokenState) => EmuResponse | undefined;
