import { describe, expect, it } from 'vitest';
import { parsePresenterMessage as parse } from './presenter-channel';
import { profileOf } from './profiles';

const parsePresenterMessage = (data: unknown) => parse(data, (flow) => profileOf(flow).steps);

const position = {
	v: 1,
	type: 'position',
	flow: 'authorization-code',
	step: 'exchange-code',
	stepIndex: 4,
	canNext: true,
	canBack: true
};

describe('parsePresenterMessage', () => {
	it('reads each kind of message', () => {
		expect(parsePresenterMessage({ v: 1, type: 'hello' })).toEqual({ v: 1, type: 'hello' });
		expect(parsePresenterMessage({ v: 1, type: 'bye' })).toEqual({ v: 1, type: 'bye' });
		expect(parsePresenterMessage({ v: 1, type: 'step', direction: 'next' })).toEqual({
			v: 1,
			type: 'step',
			direction: 'next'
		});
		expect(parsePresenterMessage({ v: 1, type: 'step', direction: 'previous' })).toMatchObject({
			direction: 'previous'
		});
		expect(parsePresenterMessage(position)).toEqual(position);
	});

	it.each([
		['nothing', undefined],
		['a string', 'hello'],
		['an array', [1, 'hello']],
		['null', null],
		['no version', { type: 'hello' }],
		['another version', { v: 2, type: 'hello' }],
		['an unknown type', { v: 1, type: 'reload' }],
		['a type that is not a string', { v: 1, type: 7 }],
		['an extra field on hello', { v: 1, type: 'hello', secret: 'x' }],
		['a step without a direction', { v: 1, type: 'step' }],
		['a step in an unknown direction', { v: 1, type: 'step', direction: 'back' }],
		['a step with an extra field', { v: 1, type: 'step', direction: 'next', times: 9 }]
	])('ignores %s', (_, data) => expect(parsePresenterMessage(data)).toBeUndefined());

	it.each([
		['an unknown flow', { flow: 'password-grant' }],
		['a flow that is not a string', { flow: 4 }],
		['a step of another flow', { step: 'create-verifier' }],
		['an unknown step', { step: 'steal-token' }],
		['a missing step', { step: undefined }],
		['a step number that is not the step’s', { stepIndex: 3 }],
		['a step number as text', { stepIndex: '4' }],
		['a fractional step number', { stepIndex: 4.5 }],
		['canNext as text', { canNext: 'true' }],
		['canBack missing', { canBack: undefined }],
		['an extra field', { token: 'BQDx' }]
	])('ignores a position with %s', (_, change) => {
		const data: Record<string, unknown> = { ...position, ...change };
		for (const key of Object.keys(change)) if (data[key] === undefined) delete data[key];
		expect(parsePresenterMessage(data)).toBeUndefined();
	});
});
