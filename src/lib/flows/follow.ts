/**
 * Following a presenter: where the presenter's run is, as the room sends it to every follower.
 * A position is the run record (flow, era, seed, Break-it switches, the actions in order; never a
 * secret) and the step shown; a follower replays it in its own emulator sandbox, so with the
 * run's seed its values are the projector's. Framework-free: the room server validates what it
 * relays with `parsePosition`, and the explorer plans a follower's catch-up with `followPlan`.
 *
 *     presenter: POST /rooms/<room>/events {position}   (with the room key)
 *     follower:  GET  /rooms/<room>/events              (server-sent events: position, pulse)
 */
import { teachingMistakeNames } from '$lib/oauth/mistakes';
import { maxSeedLength } from '$lib/spotify/emulator-seed';
import { eraIds, type EraId } from '$lib/spotify/eras';
import { flowSlugs, type FlowSlug } from '$lib/spotify/flows';
import { runActions, runRecordVersion, type RunAction, type RunRecord } from './run-record';
import { stepIds, type StepId } from './types';

/** Where the presenter is: the run and the step shown (`cursor`: 0 is the first step). */
export interface Position {
	record: RunRecord;
	cursor: number;
	/** The step shown, for the console and the followers' "the presenter is at" line. */
	step?: StepId;
	/** The presenter's step number and title, as their screen shows it. */
	stepIndex: number;
	stepTitle: string;
}

/** The query parameter of a follow link: `/flows/<slug>?follow=<room>` (DESIGN.md). */
export const followParam = 'follow';

/** A room's name: short enough to read off a slide, random enough not to be guessed. */
export const roomIdPattern = /^[a-z0-9]{8}$/;

/** How a follower marks a step (the room pulse); `clear` takes the mark back. */
export const pulseMarks = ['done', 'stuck', 'clear'] as const;
export type PulseMark = (typeof pulseMarks)[number];

/** Per step: how many followers pressed Done and Stuck (anonymous counts). */
export type PulseCounts = Record<string, { done: number; stuck: number }>;

const maxActions = 200;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A position from untrusted JSON, or the sentence that says what is wrong with it. */
export function parsePosition(value: unknown): { position: Position } | { problem: string } {
	if (typeof value !== 'object' || value === null) return { problem: 'A position is an object.' };
	const { record, cursor, step, stepIndex, stepTitle } = value as Record<string, unknown>;
	if (typeof record !== 'object' || record === null)
		return { problem: 'A position needs its run record.' };
	const r = record as Record<string, unknown>;
	if (r.version !== runRecordVersion)
		return { problem: `The record's version must be ${runRecordVersion}.` };
	if (!isOneOf(flowSlugs, r.flow)) return { problem: `There is no flow “${String(r.flow)}”.` };
	if (r.target !== 'emulator' && r.target !== 'spotify')
		return { problem: 'The target is emulator or spotify.' };
	if (r.era !== undefined && !isOneOf(eraIds, r.era)) return { problem: 'Unknown era.' };
	if (
		r.seed !== undefined &&
		(typeof r.seed !== 'string' || r.seed.length > maxSeedLength || !/^[\w.-]+$/.test(r.seed))
	)
		return { problem: 'The seed is not one a link can carry.' };
	if (!Array.isArray(r.breaks) || !r.breaks.every((b) => isOneOf(teachingMistakeNames, b)))
		return { problem: 'The Break-it switches are not all known.' };
	if (
		!Array.isArray(r.actions) ||
		r.actions.length > maxActions ||
		!r.actions.every((a) => isOneOf(runActions, a))
	)
		return { problem: `The actions must be at most ${maxActions} known actions.` };
	if (!Number.isInteger(cursor) || (cursor as number) < 0 || (cursor as number) > r.actions.length)
		return { problem: 'The cursor must point at one of the run’s steps.' };
	if (step !== undefined && !isOneOf(stepIds, step)) return { problem: 'Unknown step.' };
	if (!Number.isInteger(stepIndex) || typeof stepTitle !== 'string' || stepTitle.length > 200)
		return { problem: 'The step number and title are missing.' };
	// Rebuilt field by field: nothing the presenter's page did not mean to send is relayed.
	const clean: RunRecord = {
		version: runRecordVersion,
		flow: r.flow,
		target: r.target,
		breaks: teachingMistakeNames.filter((name) => (r.breaks as string[]).includes(name)),
		actions: [...(r.actions as RunAction[])]
	};
	if (r.era !== undefined) clean.era = r.era as EraId;
	if (r.seed !== undefined) clean.seed = r.seed as string;
	const position: Position = {
		record: clean,
		cursor: cursor as number,
		stepIndex: stepIndex as number,
		stepTitle
	};
	if (step !== undefined) position.step = step as StepId;
	return { position };
}

/** What a follower does to reach the presenter's position from its own run. */
export type FollowPlan =
	/** The same run, the presenter at a step the follower already has: move the cursor. */
	| { kind: 'move'; cursor: number }
	/** The same run, further on: send the actions the follower has not done yet, then move. */
	| { kind: 'extend'; actions: RunAction[]; cursor: number }
	/** Another run (other switches, seed, era, or the presenter ran a step again): start over. */
	| { kind: 'restart'; record: RunRecord; cursor: number }
	/** A run against real Spotify cannot be replayed in a follower's sandbox. */
	| { kind: 'live' };

function sameSettings(a: RunRecord, b: RunRecord): boolean {
	return (
		a.flow === b.flow &&
		a.target === b.target &&
		a.era === b.era &&
		a.seed === b.seed &&
		a.breaks.join() === b.breaks.join()
	);
}

/** How to go from the follower's run (`mine`) to the presenter's position. */
export function followPlan(mine: RunRecord, target: Position): FollowPlan {
	const theirs = target.record;
	if (theirs.target !== 'emulator') return { kind: 'live' };
	const prefix = (shorter: RunAction[], longer: RunAction[]) =>
		shorter.every((action, i) => longer[i] === action);
	if (sameSettings(mine, theirs)) {
		if (prefix(theirs.actions, mine.actions) && mine.actions.length >= target.cursor)
			return { kind: 'move', cursor: target.cursor };
		if (prefix(mine.actions, theirs.actions))
			return {
				kind: 'extend',
				actions: theirs.actions.slice(mine.actions.length),
				cursor: target.cursor
			};
	}
	return { kind: 'restart', record: theirs, cursor: target.cursor };
}

/** Is `value` a room's name? */
export function isRoomId(value: string | null | undefined): value is string {
	return typeof value === 'string' && roomIdPattern.test(value);
}

/**
 * The address bar of a follower's page: the step link the explorer writes, with `follow=<room>`
 * first, so a reload (or the link copied from the address bar) follows the room again. Without a
 * room, the step link alone.
 */
export function withFollow(linkQuery: string, room: string | undefined): string {
	if (!room) return linkQuery;
	const follow = `${followParam}=${encodeURIComponent(room)}`;
	return linkQuery ? `${follow}&${linkQuery}` : follow;
}

/** The follow link of a room for a flow: what the QR code and the presenter's panel show. */
export function followLink(origin: string, flow: FlowSlug, room: string): string {
	return `${origin}/flows/${flow}?${followParam}=${room}`;
}
