/**
 * Every reproduction link of the error catalog, replayed against the in-process emulator: the
 * link is parsed as the flow page parses it, played on the flow's machine with the run player,
 * and the run must end in an error state naming that catalog entry, with the catalog's status
 * and Spotify's exact text as the emulator answers. Every entry without a link must be in the
 * commented list of entries no run produces.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { getField } from '$lib/oauth/http';
import { teachingMistakes } from '$lib/oauth/mistakes';
import { testEmulator } from '$lib/server/emulator/testing';
import { decodeSpotifyError } from '$lib/tools/error-decoder';
import { catalog } from '$lib/spotify/error-entries';
import { getSpotifyError, type SpotifyErrorSlug } from '$lib/spotify/errors';
import { flowSlugs } from '$lib/spotify/flows';
import { withTransport } from './flow-setup';
import { flowMachines } from './machines';
import { modelOrigin } from './model-runner.test-helpers';
import { profileOf } from './profiles';
import {
	describeReproduction,
	notReproducible,
	reproduceLink,
	reproductions
} from './reproductions';
import { replay, stepOf, type FlowView } from './run-player';
import { pageConsent } from './run-player.test-helpers';
import { parseStepLink, type StepLink } from './run-record';
import { linkInput } from './targets';
import { createHandlerTransport } from './transport';
import { explainError } from '$lib/oauth/explain';

/** Plays a step link as the explorer would: its switches, its era's app, its actions or step. */
async function play(link: StepLink) {
	const { emulator, clock } = testEmulator();
	const machine = withTransport(
		flowMachines[link.flow] as AnyStateMachine,
		createHandlerTransport(emulator),
		clock
	);
	const input = { origin: modelOrigin, ...linkInput(link) };
	const actor = createActor(machine, { input }).start();
	const target = link.actions ? { actions: link.actions } : { step: link.step };
	const result = await replay(actor, target, pageConsent(emulator));
	const view = actor.getSnapshot() as FlowView;
	actor.stop();
	return { result, view };
}

/** Reads a link as the flow page does: its path names the flow, its query the run. */
function parseHref(href: string) {
	const url = new URL(href, modelOrigin);
	const flow = flowSlugs.find((slug) => url.pathname === `/flows/${slug}`);
	expect(flow, `a flow page: ${href}`).toBeDefined();
	return parseStepLink(flow!, url.searchParams, profileOf(flow!).steps);
}

const linked = catalog.filter((entry) => reproduceLink(entry.slug) !== undefined);

describe('every reproduction link ends in its error', () => {
	it('covers the entries the catalog can show', () => {
		expect(linked.length).toBe(Object.keys(reproductions).length);
	});

	it.each(linked.map((entry) => [entry.slug, entry] as const))('%s', async (slug, entry) => {
		const { href } = reproduceLink(slug)!;
		const { link, problems } = parseHref(href);
		expect(problems).toEqual([]);
		const { result, view } = await play(link);
		expect(result.stoppedShort).toBeUndefined();
		expect(view.hasTag('error'), `ends in an error state, not ${JSON.stringify(view.value)}`).toBe(
			true
		);
		const error = view.context.error!;
		expect(explainError(error)?.slug).toBe(slug);
		expect(error.status).toBe(entry.status);
		if (entry.code !== undefined) expect(error.error).toBe(entry.code);
		// Spotify's exact text, as the emulator answers it (a template is filled with what was sent).
		const text =
			entry.kind === 'spotify' ? getSpotifyError(slug as SpotifyErrorSlug).text : undefined;
		if (text !== undefined) {
			const last = view.context.exchanges.at(-1);
			const sentGrant = getField(last?.request.body, 'grant_type') ?? '';
			expect(error.error_description).toBe(text.replace('{value}', sentGrant));
		}
	});
});

describe('the entries without a link', () => {
	it('are each in the list of entries no run produces, with the reason', () => {
		const unlinked = catalog.filter((e) => !reproduceLink(e.slug)).map((e) => e.slug);
		expect(unlinked.sort()).toEqual(Object.keys(notReproducible).sort());
		for (const entry of Object.values(notReproducible) as { reason: string }[])
			expect(entry.reason.length).toBeGreaterThan(20);
	});

	it('reproduces the development-mode entries on the emulator’s development-mode apps', () => {
		expect(reproduceLink('user-not-registered')?.href).toContain('break=userNotAllowlisted');
		expect(reproduceLink('premium-required')?.href).toContain('break=ownerWithoutPremium');
		expect(Object.keys(notReproducible)).not.toContain('user-not-registered');
	});
});

describe('every Break-it switch ends in the error it names, on every flow it lists', () => {
	// Two switches need more than Next: a second exchange of the code, or a second refresh on
	// rules that rotate refresh tokens. Their catalog links above replay exactly that.
	const needActions = new Set(['reuseCode', 'keepOldRefreshToken']);
	const cases = teachingMistakes
		.filter((m) => m.expectedError && !needActions.has(m.name))
		.flatMap((m) => m.flows.map((flow) => [m.name, flow, m.expectedError!] as const));

	it.each(cases)('%s on %s: %s', async (name, flow, slug) => {
		const { view } = await play({ flow, breaks: [name], step: profileOf(flow).steps.at(-1) });
		expect(view.hasTag('error')).toBe(true);
		expect(explainError(view.context.error)?.slug).toBe(slug);
		expect(stepOf(view)).toBeDefined();
	});
});

describe('the link text', () => {
	it('says what the run does, from the record', () => {
		expect(describeReproduction(reproductions['illegal-scope'])).toBe(
			'authorization code with PKCE flow, with “Illegal scope” switched on'
		);
		expect(describeReproduction(reproductions['access-denied'])).toBe(
			'authorization code flow: Cancel at the consent page'
		);
		expect(describeReproduction(reproductions['access-token-expired'])).toBe(
			'authorization code flow, on the rules of Classic (before 2025): Expire access token now'
		);
	});

	it('is a step link the flow page reads back unchanged', () => {
		expect(reproduceLink('code-verifier-incorrect')?.href).toBe(
			'/flows/authorization-code-pkce?step=exchange-code&break=wrongVerifier'
		);
		expect(reproduceLink('access-denied')?.href).toBe('/flows/authorization-code?run=nc');
		expect(reproduceLink('spotify-network-vpn')).toBeUndefined();
	});
});

describe('the decoder’s cards', () => {
	it('link a decoded error to the run that reproduces it, and an unknown one to none', () => {
		const decoded = decodeSpotifyError(
			'{"error":"invalid_grant","error_description":"code_verifier was incorrect"}'
		);
		expect(decoded.kind).toBe('recognised');
		const [match] = decoded.kind === 'recognised' ? decoded.matches : [];
		expect(reproduceLink(match.entry.slug)?.href).toBe(
			'/flows/authorization-code-pkce?step=exchange-code&break=wrongVerifier'
		);
		const page = decodeSpotifyError(
			'Something went wrong, please try again or check out our help area'
		);
		const [generic] = page.kind === 'recognised' ? page.matches : [];
		expect(generic.entry.slug).toBe('something-went-wrong');
		expect(reproduceLink(generic.entry.slug)).toBeUndefined();
	});
});
