import { describe } from 'vitest';
import { authorizationCodeMachine } from './authorization-code.machine';
import { modelSuite } from './model-suite.test-helpers';

describe('authorization code machine against the emulator', () => {
	modelSuite(authorizationCodeMachine, {
		'safe defaults': {},
		'reuse the code': { reuseCode: true },
		'different redirect URI': { differentRedirectUri: true },
		'JSON body': { bodyAsJson: true },
		'no state': { omitState: true },
		'unregistered redirect URI': { unregisteredRedirectUri: true },
		'localhost redirect URI': { insecureRedirectUri: true },
		'unknown client ID': { unknownClientId: true },
		'wrong secret': { wrongSecret: true },
		'ID and secret swapped': { swappedCredentials: true },
		'newline in Basic': { basicWithNewline: true },
		'garbled refresh token': { garbledRefreshToken: true },
		'GET token request': { tokenRequestAsGet: true }
	});
});
