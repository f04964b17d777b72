import { describe, expect, it } from 'vitest';
import { parseCallback, stripCallbackParams } from './callback';
import {
	AccessDeniedError,
	AuthorizationResponseError,
	MalformedCallbackError,
	StateMismatchError
} from './errors';
import { caught } from './testing';
import { explainError } from './explain';

const cb = 'http://127.0.0.1:5173/callback';
const query = { responseMode: 'query', expectedState: 'st4te' } as const;
const fragment = { responseMode: 'fragment', expectedState: 'st4te' } as const;

describe('parseCallback: code flows (query)', () => {
	it('returns the code and state', () => {
		expect(parseCallback(`${cb}?code=AQcode&state=st4te`, query)).toEqual({
			type: 'code',
			code: 'AQcode',
			state: 'st4te'
		});
	});

	it('accepts a URL object', () => {
		expect(parseCallback(new URL(`${cb}?code=c&state=st4te`), query)).toMatchObject({ code: 'c' });
	});

	it('rejects a wrong state', () => {
		const error = caught(() => parseCallback(`${cb}?code=AQcode&state=other`, query));
		expect(error).toBeInstanceOf(StateMismatchError);
		expect(error.kind).toBe('state-mismatch');
		expect(error.error).toBe('state_mismatch');
		expect((error as StateMismatchError).received).toBe('other');
		expect(explainError(error)?.fix).toBeTruthy();
	});

	it('rejects a missing state', () => {
		const error = caught(() => parseCallback(`${cb}?code=AQcode`, query));
		expect(error).toBeInstanceOf(StateMismatchError);
		expect((error as StateMismatchError).received).toBeUndefined();
	});

	it('checks state before the error: a forged denial is a state mismatch', () => {
		expect(caught(() => parseCallback(`${cb}?error=access_denied&state=x`, query)).kind).toBe(
			'state-mismatch'
		);
	});

	it('reports access_denied with its catalog entry', () => {
		const error = caught(() => parseCallback(`${cb}?error=access_denied&state=st4te`, query));
		expect(error).toBeInstanceOf(AccessDeniedError);
		expect(error.error).toBe('access_denied');
		expect(error.status).toBeNull();
		expect(explainError(error)?.slug).toBe('access-denied');
	});

	it('reports another error code, with its description', () => {
		const error = caught(() =>
			parseCallback(`${cb}?error=invalid_scope&error_description=bad&state=st4te`, query)
		);
		expect(error).toBeInstanceOf(AuthorizationResponseError);
		expect(error.error).toBe('invalid_scope');
		expect(error.error_description).toBe('bad');
		expect(explainError(error)).toBeUndefined();
	});

	it('rejects both code and error', () => {
		const error = caught(() =>
			parseCallback(`${cb}?code=AQ&error=access_denied&state=st4te`, query)
		);
		expect(error).toBeInstanceOf(MalformedCallbackError);
		expect(explainError(error)?.slug).toBe('callback-code-and-error');
	});

	it.each([`${cb}?state=st4te`, `${cb}?code=&state=st4te`])('rejects neither: %s', (url) => {
		const error = caught(() => parseCallback(url, query));
		expect(error).toBeInstanceOf(MalformedCallbackError);
		expect(explainError(error)?.slug).toBe('callback-empty');
	});

	it.each([`${cb}?code=a&code=b&state=st4te`, `${cb}?code=a&state=st4te&state=st4te`])(
		'rejects a repeated parameter: %s',
		(url) => {
			expect(explainError(caught(() => parseCallback(url, query)))?.slug).toBe(
				'callback-repeated-parameter'
			);
		}
	);

	it('ignores a code in the fragment', () => {
		expect(
			explainError(caught(() => parseCallback(`${cb}?state=st4te#code=AQ`, query)))?.slug
		).toBe('callback-empty');
	});

	it('omitState (expectedState null): nothing to check, the code is taken', () => {
		const options = { responseMode: 'query', expectedState: null } as const;
		expect(parseCallback(`${cb}?code=AQcode`, options)).toEqual({ type: 'code', code: 'AQcode' });
		expect(parseCallback(`${cb}?code=AQcode&state=forged`, options)).toMatchObject({
			state: 'forged'
		});
	});
});

describe('parseCallback: implicit grant (fragment)', () => {
	it('returns the token from the fragment', () => {
		expect(
			parseCallback(
				`${cb}#access_token=BQtok&token_type=Bearer&expires_in=3600&state=st4te`,
				fragment
			)
		).toEqual({
			type: 'token',
			accessToken: 'BQtok',
			tokenType: 'Bearer',
			expiresIn: 3600,
			state: 'st4te'
		});
	});

	it('finds the documented denial in the query', () => {
		expect(
			caught(() => parseCallback(`${cb}?error=access_denied&state=st4te`, fragment)).kind
		).toBe('access-denied');
	});

	it('explains unsupported_response_type in the fragment (implicit grant removed)', () => {
		const error = caught(() =>
			parseCallback(`${cb}#error=unsupported_response_type&state=st4te`, fragment)
		);
		expect(error).toBeInstanceOf(AuthorizationResponseError);
		expect(explainError(error)?.slug).toBe('unsupported-response-type');
	});

	it('rejects a wrong state in the fragment', () => {
		expect(
			caught(() => parseCallback(`${cb}#access_token=t&token_type=Bearer&state=x`, fragment)).kind
		).toBe('state-mismatch');
	});

	it('rejects both a token and an error', () => {
		expect(
			explainError(
				caught(() => parseCallback(`${cb}#access_token=t&error=e&state=st4te`, fragment))
			)?.slug
		).toBe('callback-code-and-error');
	});

	it('rejects neither', () => {
		expect(explainError(caught(() => parseCallback(`${cb}#state=st4te`, fragment)))?.slug).toBe(
			'callback-empty'
		);
	});

	it('leaves out a non-numeric expires_in', () => {
		expect(
			parseCallback(`${cb}#access_token=t&expires_in=soon&state=st4te`, fragment)
		).not.toHaveProperty('expiresIn');
	});
});

describe('stripCallbackParams', () => {
	it('removes the response and keeps the rest', () => {
		expect(stripCallbackParams(`${cb}?code=a&state=b&lang=en#access_token=t`)).toBe(
			`${cb}?lang=en`
		);
	});
});
