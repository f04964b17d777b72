import { describe } from 'vitest';
import { clientCredentialsMachine } from './client-credentials.machine';
import { modelSuite } from './model-suite.test-helpers';

describe('client credentials machine against the emulator', () => {
	modelSuite(clientCredentialsMachine, {
		'safe defaults': {},
		'JSON body': { bodyAsJson: true }
	});
});
