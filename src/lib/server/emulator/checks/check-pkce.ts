/**
 * /api/token: the PKCE verifier (RFC 7636 §4.5, §4.6). The challenge must equal
 * BASE64URL(SHA256(ASCII(code_verifier))); a standard-base64 challenge never does (reference §4).
 */
import { s256Challenge, VERIFIER_PATTERN } from '../../../core/encoding';
import { param } from '../form';
import { tokenError } from '../http';
import { laxOn } from '../laxities';
import type { TokenCheck } from './token-state';

/** RFC 7636 §4.6 S256 transformation (the one implementation, in core/encoding). */
export const s256 = s256Challenge;

export const checkVerifier: TokenCheck = (ctx, state) => {
	const challenge = state.code!.record.codeChallenge;
	const verifier = param(state.params, 'code_verifier');
	// RFC 9700 §4.8.2: a verifier for a code issued without a challenge MUST be refused (the PKCE
	// downgrade). What Spotify answers is not known; the emulator says the verifier is incorrect.
	if (challenge === null)
		return verifier === null || laxOn(ctx, 'ignoreVerifierWithoutChallenge')
			? undefined
			: tokenError('code-verifier-incorrect');
	if (verifier === null) return tokenError('code-verifier-required');
	if (ctx.config.enforceVerifierFormat && !VERIFIER_PATTERN.test(verifier))
		return tokenError('code-verifier-invalid');
	return s256(verifier) === challenge ? undefined : tokenError('code-verifier-incorrect');
};
