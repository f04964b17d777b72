/** For the protocol core's tests: the typed error a parser throws, or a failure if none. */
import { OAuthError } from './errors';

export function caught(run: () => unknown): OAuthError {
	try {
		run();
	} catch (error) {
		if (error instanceof OAuthError) return error;
		throw error;
	}
	throw new Error('expected an OAuthError');
}
