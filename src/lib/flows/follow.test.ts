import { describe, expect, it } from 'vitest';
import {
	followLink,
	followPlan,
	isRoomId,
	parsePosition,
	withFollow,
	type Position
} from './follow';
import { runRecordVersion, type RunRecord } from './run-record';

const record = (over: Partial<RunRecord> = {}): RunRecord => ({
	version: runRecordVersion,
	flow: 'authorization-code-pkce',
	target: 'emulator',
	seed: 'workshop',
	breaks: [],
	actions: ['next', 'next', 'agree'],
	...over
});

const at = (r: RunRecord, cursor = r.actions.length): Position => ({
	record: r,
	cursor,
	stepIndex: cursor + 1,
	stepTitle: 'A step'
});

describe('parsePosition', () => {
	it('accepts a presenter position and rebuilds it field by field', () => {
		const sent = { ...at(record()), extra: 'dropped', record: { ...record(), secret: 'x' } };
		const parsed = parsePosition(sent);
		expect(parsed).toEqual({ position: at(record()) });
	});

	it.each([
		['not an object', 'nope', 'A position is an object.'],
		['no record', { cursor: 0 }, 'A position needs its run record.'],
		['an unknown flow', at(record({ flow: 'nope' as never })), 'There is no flow “nope”.'],
		['an unknown switch', at(record({ breaks: ['nope' as never] })), 'Break-it switches'],
		['an unknown action', at(record({ actions: ['jump' as never] })), 'known actions'],
		['a cursor past the run', { ...at(record()), cursor: 9 }, 'The cursor'],
		['a bad seed', at(record({ seed: 'a b' })), 'The seed']
	])('refuses %s, saying what is wrong', (_name, value, problem) => {
		const parsed = parsePosition(value);
		expect('problem' in parsed && parsed.problem).toContain(problem);
	});
});

describe('followPlan', () => {
	it('moves the cursor when the presenter went back within the same run', () => {
		expect(followPlan(record(), at(record(), 1))).toEqual({ kind: 'move', cursor: 1 });
	});

	it('sends only the actions the follower has not done when the presenter went on', () => {
		const theirs = record({ actions: ['next', 'next', 'agree', 'next', 'api'] });
		expect(followPlan(record(), at(theirs))).toEqual({
			kind: 'extend',
			actions: ['next', 'api'],
			cursor: 5
		});
	});

	it('starts over when the switches, the seed or the era differ', () => {
		for (const theirs of [
			record({ breaks: ['wrongVerifier'] }),
			record({ seed: 'other' }),
			record({ era: 'classic' })
		])
			expect(followPlan(record(), at(theirs)).kind).toBe('restart');
	});

	it('starts over when the presenter ran a step again differently', () => {
		const theirs = record({ actions: ['next', 'next', 'cancel'] });
		expect(followPlan(record(), at(theirs))).toMatchObject({ kind: 'restart', cursor: 3 });
	});

	it('does not replay a run against real Spotify', () => {
		expect(followPlan(record(), at(record({ target: 'spotify' })))).toEqual({ kind: 'live' });
	});
});

describe('room names and links', () => {
	it('knows a room name and builds the follow link with follow=', () => {
		expect(isRoomId('ab23cd45')).toBe(true);
		expect(isRoomId('AB23CD45')).toBe(false);
		expect(isRoomId('ab23')).toBe(false);
		expect(followLink('http://workshop.test:5173', 'client-credentials', 'ab23cd45')).toBe(
			'http://workshop.test:5173/flows/client-credentials?follow=ab23cd45'
		);
	});
});

describe('withFollow', () => {
	it('keeps follow=<room> first in the address a follower’s explorer writes', () => {
		expect(withFollow('step=exchange-code&seed=class', 'ab23cd45')).toBe(
			'follow=ab23cd45&step=exchange-code&seed=class'
		);
		expect(withFollow('', 'ab23cd45')).toBe('follow=ab23cd45');
		const query = new URLSearchParams(withFollow('step=request-token&run=n', 'ab23cd45'));
		expect(query.get('follow')).toBe('ab23cd45');
		expect(query.get('step')).toBe('request-token');
	});

	it('leaves a step link alone when the page follows no room', () => {
		expect(withFollow('step=exchange-code', undefined)).toBe('step=exchange-code');
	});
});
