import { describe, expect, it } from 'vitest';
import { clientCheckErrors } from '$lib/spotify/errors';
import {
	AccessDeniedError,
	AuthorizePageError,
	clientCheckCodes,
	TokenResponseError
} from './errors';
import { explainError } from './explain';

describe('explainError', () => {
	it("the client's own codes are the catalog's", () => {
		expect(clientCheckCodes).toEqual(
			Object.fromEntries(clientCheckErrors.map((e) => [e.slug, e.code]))
		);
	});

	it('finds an entry from the wire values, or from the slug the kind names', () => {
		expect(
			explainError(new TokenResponseError(400, 'invalid_grant', 'Invalid authorization code'))?.slug
		).toBe('invalid-authorization-code');
		expect(
			explainError(new AuthorizePageError(400, 'INVALID_CLIENT: Invalid redirect URI'))?.slug
		).toBe('invalid-redirect-uri-authorize');
		expect(explainError(new AccessDeniedError().toJSON())?.slug).toBe('access-denied');
		expect(explainError(new TokenResponseError(400, 'no_such_code'))).toBeUndefined();
		expect(explainError(undefined)).toBeUndefined();
	});
});
