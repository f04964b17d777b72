import { describe } from 'vitest';
import { implicitGrantMachine } from './implicit-grant.machine';
import { modelSuite } from './model-suite.test-helpers';

describe('implicit grant machine against the emulator (legacy app)', () => {
	modelSuite(implicitGrantMachine, {
		'safe defaults': {},
		'no state': { omitState: true },
		'no client_id': { omitClientId: true },
		'quoted redirect URI': { quotedRedirectUri: true },
		'no redirect_uri': { omitRedirectUri: true },
		'token object as Bearer': { tokenObjectAsBearer: true }
	});
});
