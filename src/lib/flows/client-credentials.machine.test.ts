import { describe } from 'vitest';
import { clientCredentialsMachine } from './client-credentials.machine';
import { modelSuite } from './model-suite.test-helpers';

describe('client credentials machine against the emulator', () => {
	modelSuite(clientCredentialsMachine, {
		'safe defaults': {},
		'JSON body': { bodyAsJson: true },
		'wrong secret': { wrongSecret: true },
		'ID and secret swapped': { swappedCredentials: true },
		'newline in Basic': { basicWithNewline: true },
		'misspelt grant_type': { misspeltGrantType: true },
		'GET token request': { tokenRequestAsGet: true },
		'token object as Bearer': { tokenObjectAsBearer: true },
		'app token on /v1/me': { appTokenOnMe: true }
	});
});
