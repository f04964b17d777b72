import { describe, expect, it } from 'vitest';
import { isClientSecretField } from './masking';

describe('isClientSecretField (presenter mode blurs these)', () => {
	it.each([
		['client_secret', 'abc'],
		['clientSecret', 'abc'],
		['SPOTIFY_CLIENT_SECRET', 'abc'],
		['client_id:client_secret', 'id:••••••••'],
		['Authorization', 'Basic NWNhMWFiMWU='],
		['authorization', 'basic ••••••••']
	])('blurs %s', (name, value) => expect(isClientSecretField(name, value)).toBe(true));

	it.each([
		['Authorization', 'Bearer BQDx1234'],
		['code', 'AQBk3vXq9Lr2Tm7Yw4Nz8Pd1Hs6Fj0Gc5Ue'],
		['access_token', 'BQDx…••••••••'],
		['refresh_token', 'AQ…'],
		['code_verifier', 'x'.repeat(43)],
		['client_id', '5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e'],
		['state', 'q1w2e3']
	])('keeps %s visible (the room compares it)', (name, value) =>
		expect(isClientSecretField(name, value)).toBe(false)
	);
});
