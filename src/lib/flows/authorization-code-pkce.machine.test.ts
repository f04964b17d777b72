import { describe } from 'vitest';
import { authorizationCodePkceMachine } from './authorization-code-pkce.machine';
import { modelSuite } from './model-suite.test-helpers';

describe('authorization code with PKCE machine against the emulator', () => {
	modelSuite(authorizationCodePkceMachine, {
		'safe defaults': {},
		'reuse the code': { reuseCode: true },
		'wrong verifier': { wrongVerifier: true },
		'standard base64 challenge': { standardBase64Challenge: true },
		'different redirect URI': { differentRedirectUri: true },
		'no state': { omitState: true },
		'no PKCE': { omitPkce: true },
		'JSON body': { bodyAsJson: true },
		// /authorize's own page (one switch stands for all eight: same path, other text).
		'illegal scope': { illegalScope: true },
		'no response_type': { omitResponseType: true },
		// Refused at once by a redirect back with invalid_request.
		'plain PKCE': { plainChallenge: true },
		'no code_verifier': { omitVerifier: true },
		'short verifier': { shortVerifier: true },
		'empty code': { emptyCode: true },
		'misspelt grant_type': { misspeltGrantType: true },
		'garbled refresh token': { garbledRefreshToken: true },
		'no refresh token': { omitRefreshToken: true },
		'token object as Bearer': { tokenObjectAsBearer: true }
	});
});
