/**
 * /authorize: PKCE parameters (RFC 7636 §4.3). Only S256 is accepted (reference §11); the challenge
 * itself is not inspected here, so a standard-base64 challenge passes and fails later at the token
 * step with `code_verifier was incorrect`, as on Spotify.
 */
import { getSpotifyError } from '../../../spotify/errors';
import { param } from '../form';
import { redirect, withParams } from '../http';
import type { AuthorizeCheck } from './authorize-state';

/** Longer than any base64url SHA-256 digest could be, with room for the classic padding bug. */
const maxChallengeLength = 128;

export const checkPkceParams: AuthorizeCheck = (_ctx, state) => {
	const challenge = param(state.params, 'code_challenge');
	const method = param(state.params, 'code_challenge_method');
	if (state.responseType !== 'code' || (challenge === null && method === null)) {
		state.codeChallenge = null;
		return undefined;
	}
	if (challenge !== null && method === 'S256' && challenge.length <= maxChallengeLength) {
		state.codeChallenge = challenge;
		return undefined;
	}
	const error = getSpotifyError('pkce-method-unsupported').code!;
	return redirect(
		302,
		withParams(state.redirectUri!, { error, state: param(state.params, 'state') })
	);
};
