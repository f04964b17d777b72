import { describe, expect, it } from 'vitest';
import {
	describeResponse,
	encodeBody,
	getField,
	getHeader,
	toFetchArguments,
	type HttpRequestDescription
} from './http';

const request: HttpRequestDescription = {
	method: 'POST',
	url: 'https://accounts.spotify.com/api/token',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic eA==' },
	body: {
		type: 'form',
		fields: [
			['grant_type', 'authorization_code'],
			['redirect_uri', 'http://127.0.0.1/cb?a=1&b=2'],
			['note', 'a b+c*é']
		]
	}
};

describe('encodeBody', () => {
	it('form-encodes once, in order', () => {
		expect(encodeBody(request.body!)).toBe(
			'grant_type=authorization_code&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb%3Fa%3D1%26b%3D2&note=a+b%2Bc*%C3%A9'
		);
	});

	it('JSON-encodes for the JSON mistake', () => {
		expect(
			encodeBody({
				type: 'json',
				fields: [
					['a', '1'],
					['b', '"']
				]
			})
		).toBe('{"a":"1","b":"\\""}');
	});
});

describe('lookups', () => {
	it('finds headers whatever their case, and fields by name', () => {
		expect(getHeader(request.headers, 'content-type')).toBe('application/x-www-form-urlencoded');
		expect(getHeader(request.headers, 'X-None')).toBeUndefined();
		expect(getField(request.body, 'grant_type')).toBe('authorization_code');
		expect(getField(undefined, 'grant_type')).toBeUndefined();
	});
});

describe('toFetchArguments', () => {
	it('gives fetch the URL, method, headers and the encoded body', () => {
		const [url, init] = toFetchArguments(request);
		expect(url).toBe(request.url);
		expect(init).toEqual({
			method: 'POST',
			headers: request.headers,
			body: encodeBody(request.body!)
		});
	});

	it('sends no body on a GET', () => {
		const [, init] = toFetchArguments({
			method: 'GET',
			url: 'https://api.spotify.com/v1/me',
			headers: {}
		});
		expect(init).not.toHaveProperty('body');
	});
});

describe('describeResponse', () => {
	it('keeps status, text, lower-case headers and the raw body', async () => {
		const response = new Response('{"error":"invalid_grant"}', {
			status: 400,
			statusText: 'Bad Request',
			headers: { 'Content-Type': 'application/json' }
		});
		expect(await describeResponse(response)).toEqual({
			status: 400,
			statusText: 'Bad Request',
			headers: { 'content-type': 'application/json' },
			body: '{"error":"invalid_grant"}'
		});
	});
});
