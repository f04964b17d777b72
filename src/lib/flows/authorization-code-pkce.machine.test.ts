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
		'JSON body': { bodyAsJson: true }
	});
});
