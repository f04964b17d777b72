/**
 * One learner's run of a flow in this tab, as a record: the machine's actor at the newest step,
 * every step as it was (frames), and the step shown (the cursor). "Previous step" and "Next step"
 * move the cursor through what was recorded and send nothing; only past the end is anything sent.
 * A step link replays its record against the emulator with no clicks. Created by the explorer
 * per instance, in the browser only.
 */
import { tick } from 'svelte';
import { createActor, type AnyStateMachine } from 'xstate';
import { followPlan, type Position } from '$lib/flows/follow';
import { withTransport } from '$lib/flows/flow-setup';
import { flowMachines } from '$lib/flows/machines';
import { clearRun, loadRun, saveRun, type StorageLike } from '$lib/flows/persistence';
import { profileOf } from '$lib/flows/profiles';
import { buildPending } from '$lib/flows/requests';
import {
	atConsent,
	canPerform,
	frameOf,
	nextAction,
	perform,
	reachedByStepAlone,
	replay,
	settle,
	stepAt,
	type ConsentPlayer,
	type Frame,
	type FlowView,
	type ShownFrame
} from '$lib/flows/run-player';
import {
	breaksOf,
	mistakesOf,
	runRecordVersion,
	stepLinkQuery,
	type RunAction,
	type RunRecord,
	type StepLink
} from '$lib/flows/run-record';
import { emulatorAppKey, type EmulatorAppKey } from '$lib/flows/targets';
import { createFetchTransport } from '$lib/flows/transport';
import type { FlowInput, RecordedExchange, StepId, TargetSettings } from '$lib/flows/types';
import type { Mistakes } from '$lib/oauth/mistakes';
import { seedCookie } from '$lib/spotify/emulator-seed';
import { getFlow, type FlowSlug } from '$lib/spotify/flows';
import { emulatorConsent } from './emulator-consent';
import { markWaiting, takeCallback } from './redirect';
import {
	defaultLiveSettings,
	toFlowInput,
	type EmulatorApp,
	type ExplorerSettings
} from './settings';
import { useActor, type ActorView } from './use-actor.svelte';

/** The emulator's apps the explorer can run on, as the server configured them. */
export type EmulatorApps = Record<EmulatorAppKey, EmulatorApp>;

export interface FlowSessionOptions {
	slug: FlowSlug;
	emulatorApps: EmulatorApps;
	/** The step link the page was opened with (parsed from its query). */
	link: StepLink;
	storage: StorageLike;
	origin: string;
	fetch: typeof fetch;
	/** Leaves the page for the authorize URL (location.assign in the browser). */
	navigate: (url: string) => void;
	/** Plays the browser at /authorize for a replay; the emulator's control endpoint by default. */
	consent?: ConsentPlayer;
}

type Actor = ActorView<AnyStateMachine>;

/** The settings form's values for a target the machine already runs with. */
function settingsFrom(target: TargetSettings | undefined): ExplorerSettings {
	const live = target?.kind === 'spotify';
	return {
		target: live ? 'spotify' : 'emulator',
		clientId: live ? target.clientId : '',
		clientSecret: '',
		secretSource: live && target.secretMode === 'server-secret' ? 'server' : 'typed',
		redirectUri: live ? target.redirectUri : defaultLiveSettings.redirectUri,
		scopes: live ? target.scopes.join(' ') : defaultLiveSettings.scopes,
		showDialog: target?.showDialog ?? false
	};
}

/** Does the link ask for anything beyond a fresh run (a step, actions, an era, a seed)? */
function asksForRun(link: StepLink): boolean {
	return Boolean(link.step || link.actions || link.era || link.seed || link.breaks.length);
}

export class FlowSession {
	readonly #options: FlowSessionOptions;
	readonly #machine: AnyStateMachine;
	record: RunRecord;
	settings: ExplorerSettings;
	mistakes: Mistakes;
	/** The actor at the newest frame (the tip): the only one that sends. */
	flow: Actor;
	frames: ShownFrame[] = $state.raw([]);
	cursor = $state(0);
	/** A link is being replayed (requests are going out; the learner waits). */
	replaying = $state(false);
	/** Why the link could not be replayed all the way, or an action failed; shown as a note. */
	notice = $state<string | undefined>(undefined);
	/** Restored in live mode without the typed secret, which is never stored. */
	liveSecretLost = $state(false);

	constructor(options: FlowSessionOptions) {
		this.#options = options;
		this.#machine = withTransport(
			flowMachines[options.slug] as AnyStateMachine,
			createFetchTransport(options.fetch)
		);
		const stored = loadRun(this.#machine, options.storage, options.slug);
		const storedShown = stored?.frames.map((frame) => this.#show(frame));
		const tip = stored?.frames.at(-1);
		// The tab's own run comes back when the page is opened plainly (the redirect back, a
		// reload of a plain link) or with the very link the run is at; any other link replays.
		const resume =
			stored !== undefined &&
			tip !== undefined &&
			(!asksForRun(options.link) ||
				this.#linkOf(stored.record, storedShown!, stored.cursor) === stepLinkQuery(options.link));
		const record = resume ? stored.record : this.#recordOf(options.link);
		this.record = $state.raw(record);
		this.mistakes = $state(mistakesOf(record.breaks));
		this.settings = $state(settingsFrom(resume ? tip.context.target : undefined));
		let actor: Actor;
		if (resume) {
			const secret = this.#secretFor(tip.context.target);
			const frames = secret === undefined ? stored.frames : withSecret(stored.frames, secret);
			actor = this.#actorAt(frames.at(-1)!);
			this.frames = frames.map((frame) => this.#show(frame));
			this.cursor = stored.cursor;
			this.liveSecretLost =
				tip.context.target.kind === 'spotify' &&
				this.settings.secretSource === 'typed' &&
				getFlow(options.slug).secretServerSide;
		} else actor = this.#freshActor();
		this.flow = $state.raw(actor);
		this.#pending = resume ? undefined : options.link;
	}

	/** The link still to replay once started (none when the run was resumed). */
	#pending: StepLink | undefined;

	// --- what the explorer shows --------------------------------------------------------------

	/** The step shown: the tip actor's live state while a request is in flight, else a frame. */
	get view(): FlowView {
		const live = this.flow.snapshot as FlowView;
		if (live.hasTag('busy') || this.frames.length === 0) return live;
		return this.frames[this.cursor].view;
	}

	/** Busy while a request is in flight, a link replays, or the run has not started yet. */
	get busy(): boolean {
		return (
			this.replaying || this.frames.length === 0 || (this.flow.snapshot as FlowView).hasTag('busy')
		);
	}

	/** Is the newest step shown (where Next sends, and the token panel acts)? */
	get atTip(): boolean {
		return this.cursor === this.frames.length - 1;
	}

	get step(): StepId | undefined {
		return this.frames.length ? stepAt(this.frames, this.cursor) : undefined;
	}

	/** The frame shown, and the one before it (to tell what this step did). */
	get shown(): { frame?: Frame; before?: Frame } {
		return { frame: this.frames[this.cursor]?.frame, before: this.frames[this.cursor - 1]?.frame };
	}

	get canNext(): boolean {
		if (this.busy || this.liveSecretLost) return false;
		return !this.atTip || nextAction(this.view) !== undefined;
	}

	get canBack(): boolean {
		return !this.busy && this.cursor > 0;
	}

	/** Can a token-panel (or error-card) action run now? Only at the newest step. */
	can(action: RunAction): boolean {
		return !this.busy && this.atTip && !this.liveSecretLost && canPerform(this.view, action);
	}

	/** The query of the link to the step shown: what the address bar holds. */
	get linkQuery(): string {
		return this.#linkOf(this.record, this.frames, this.cursor);
	}

	// --- starting -----------------------------------------------------------------------------

	/**
	 * Starts the tip actor; then replays the page's link, or hands the run a callback waiting for
	 * it. Returns the stop function, for `$effect`.
	 */
	start(onCallback: () => void = () => {}): () => void {
		const current = this.flow;
		const stop = current.start();
		const url = takeCallback(this.#options.storage, this.#options.slug);
		this.started = this.#begin(current, url, onCallback);
		return stop;
	}

	/** Settles when the last `start()` has restored, replayed or taken its callback. */
	started: Promise<void> = Promise.resolve();

	async #begin(current: Actor, callbackUrl: string | undefined, onCallback: () => void) {
		this.#setSeedCookie();
		if (this.frames.length === 0) {
			await settle(current.actor);
			if (current !== this.flow) return;
			this.frames = [this.#show(frameOf(current.actor))];
			this.cursor = 0;
		}
		if (callbackUrl && atConsent(this.flow.snapshot as FlowView)) {
			const action = callbackAction(this.flow.snapshot as FlowView, callbackUrl);
			current.send({ type: 'callback.received', url: callbackUrl });
			this.#push(action);
			onCallback();
		}
		const link = this.#pending;
		this.#pending = undefined;
		if (link && (link.step || link.actions)) await this.#replay(current, link);
		this.persist();
	}

	async #replay(current: Actor, link: StepLink) {
		if (this.record.target !== 'emulator') return;
		this.replaying = true;
		try {
			const result = await replay(
				current.actor,
				link.actions ? { actions: link.actions } : { step: link.step },
				this.#consent(),
				(frame) => {
					if (current !== this.flow) return;
					this.record = { ...this.record, actions: [...this.record.actions, frame.action!] };
					this.frames = [...this.frames, this.#show(frame)];
					this.cursor = this.frames.length - 1;
				}
			);
			if (result.stoppedShort)
				this.notice = `This link could not be replayed to its end: ${result.stoppedShort}`;
		} catch (error) {
			this.notice = `The link could not be replayed: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.replaying = false;
		}
	}

	// --- stepping -----------------------------------------------------------------------------

	/**
	 * "Next step": forward through what was recorded without sending; at the newest step, the
	 * next request (at the consent step, the real redirect).
	 */
	async next(): Promise<void> {
		if (!this.canNext) return;
		if (!this.atTip) {
			this.cursor++;
			this.persist();
			return;
		}
		const action = nextAction(this.view);
		if (action === 'agree') return this.#leaveForAuthorize();
		if (action) await this.act(action);
	}

	/** "Previous step": the step before, as it was recorded. Nothing is sent. */
	back(): void {
		if (!this.canBack) return;
		this.cursor--;
		this.persist();
	}

	/** An action at the newest step (Next, a token-panel button, "Try again"): sent for real. */
	async act(action: RunAction): Promise<void> {
		if (!this.can(action)) return;
		const current = this.flow;
		try {
			await perform(current.actor, action, this.#consent());
		} catch (error) {
			this.notice = error instanceof Error ? error.message : String(error);
			return;
		}
		if (current !== this.flow) return;
		this.#push(action);
		this.persist();
	}

	/**
	 * "Run again from here": drops the steps after the one shown and makes it the newest, so the
	 * next Next sends its request again for real.
	 */
	runAgainFromHere(): void {
		if (this.atTip || this.busy) return;
		const kept = this.frames.slice(0, this.cursor + 1);
		this.flow.actor.stop();
		this.flow = this.#actorAt(kept.at(-1)!.frame);
		this.frames = kept;
		this.record = { ...this.record, actions: kept.slice(1).map((s) => s.frame.action!) };
		this.notice = undefined;
		this.persist();
	}

	/** What "Run again from here" will do differently, in a sentence for the learner. */
	get rerunWarning(): string {
		const { context } = this.view;
		const later = this.frames.slice(this.cursor).map((s) => s.frame.context);
		const usedCode =
			context.pending?.purpose === 'token' &&
			context.code !== undefined &&
			later.some((c) => c.codeExchanged && c.code === context.code);
		if (usedCode)
			return 'This code was already exchanged: sent again it will be refused with invalid_grant, as Spotify refuses a used code.';
		if (atConsent(this.view))
			return 'The browser goes to the consent page again and comes back with a new code.';
		return 'The requests after this step are sent again for real, so new codes and tokens come back (the same ones with a seed).';
	}

	/** Starts over with other settings or switches (the Break it switches, the target). */
	restart(settings: ExplorerSettings, mistakes: Mistakes): void {
		this.flow.actor.stop();
		clearRun(this.#options.storage, this.#options.slug);
		this.settings = settings;
		this.mistakes = mistakes;
		this.liveSecretLost = false;
		this.notice = undefined;
		this.record = {
			...this.record,
			target: settings.target,
			breaks: breaksOf(mistakes),
			actions: []
		};
		this.frames = [];
		this.cursor = 0;
		this.flow = this.#freshActor();
	}

	/** "Reset": the same settings, a fresh run from the first step. */
	reset(): void {
		this.restart(this.settings, this.mistakes);
	}

	/**
	 * Follows a presenter (flows/follow.ts): moves to their step when this run already has it,
	 * sends only the actions it lacks when they went on, and starts over with their switches,
	 * seed and era when the runs differ. Everything is sent from this tab to its own sandbox.
	 */
	async followTo(position: Position): Promise<void> {
		const plan = followPlan(this.record, position);
		if (plan.kind === 'live') {
			this.notice =
				'The presenter is running against real Spotify: a follower can replay runs on the emulator only.';
			return;
		}
		this.notice = undefined;
		if (plan.kind === 'restart') {
			const { era, seed, breaks, actions } = plan.record;
			const record = { ...this.record };
			delete record.era;
			delete record.seed;
			if (era) record.era = era;
			if (seed) record.seed = seed;
			this.record = record;
			this.restart(settingsFrom(undefined), mistakesOf(breaks));
			this.#pending = actions.length ? { flow: this.record.flow, breaks, actions } : undefined;
			// The explorer starts the new actor (its effect), which replays the pending actions.
			await tick();
			await this.started;
		} else if (plan.kind === 'extend') {
			await this.started;
			await this.#replay(this.flow, {
				flow: this.record.flow,
				breaks: this.record.breaks,
				actions: plan.actions
			});
		}
		this.cursor = Math.min(plan.cursor, this.frames.length - 1);
		this.persist();
	}

	/** Saves the run (no secret), so the redirect or a reload resumes it. */
	persist(): void {
		if (this.frames.length === 0) return;
		saveRun(this.#options.storage, {
			record: this.record,
			frames: this.frames.map((s) => s.frame),
			cursor: this.cursor
		});
	}

	/**
	 * Puts a client secret typed again into a run restored without it (after the redirect or a
	 * reload in live mode), keeping it where it was: its pending request is built again.
	 */
	provideSecret(secret: string): void {
		const frames = withSecret(
			this.frames.map((s) => s.frame),
			secret
		);
		this.flow.actor.stop();
		this.settings = { ...this.settings, clientSecret: secret };
		this.liveSecretLost = false;
		this.flow = this.#actorAt(frames.at(-1)!);
		this.frames = frames.map((frame) => this.#show(frame));
	}

	// --- inside -------------------------------------------------------------------------------

	#push(action: RunAction): void {
		this.record = { ...this.record, actions: [...this.record.actions, action] };
		this.frames = [...this.frames, this.#show(frameOf(this.flow.actor, action))];
		this.cursor = this.frames.length - 1;
	}

	#show(frame: Frame): ShownFrame {
		const view = this.#machine.resolveState({
			value: frame.value,
			context: frame.context
		}) as unknown as FlowView;
		return { frame, view };
	}

	#actorAt(frame: Frame): Actor {
		const context = { ...frame.context };
		if (context.pending) context.pending = buildPending(context, context.pending.purpose);
		const snapshot = this.#machine.resolveState({ value: frame.value, context });
		return useActor(createActor(this.#machine, { snapshot, input: {} as FlowInput }));
	}

	#freshActor(): Actor {
		return useActor(createActor(this.#machine, { input: this.#input() }));
	}

	#input(): FlowInput {
		const { origin } = this.#options;
		return toFlowInput(this.settings, {
			origin,
			emulatorApp: this.#app(),
			mistakes: this.mistakes,
			seed: this.record.seed
		});
	}

	/** The emulator app of this run (targets.ts: by its switches, its era, else the flow's). */
	#app(): EmulatorApp {
		const { emulatorApps, slug } = this.#options;
		const { era } = this.record;
		return emulatorApps[emulatorAppKey(slug, { era, mistakes: this.mistakes })];
	}

	/** The emulator's demo secrets are published and come back; a typed live secret never does. */
	#secretFor(target: TargetSettings): string | undefined {
		if (target.kind !== 'emulator' || !profileOf(this.#options.slug).confidential) return undefined;
		return Object.values(this.#options.emulatorApps).find((app) => app.clientId === target.clientId)
			?.clientSecret;
	}

	#recordOf(link: StepLink): RunRecord {
		const record: RunRecord = {
			version: runRecordVersion,
			flow: this.#options.slug,
			target: 'emulator',
			breaks: link.breaks,
			actions: []
		};
		if (link.era) record.era = link.era;
		if (link.seed) record.seed = link.seed;
		return record;
	}

	/** The link to frame `index` of a run: `?step=` alone when Next leads there, else `run=`. */
	#linkOf(record: RunRecord, shown: readonly ShownFrame[], index: number): string {
		const link: StepLink = { flow: record.flow, breaks: record.breaks };
		const step = shown.length ? stepAt(shown, index) : undefined;
		if (step) link.step = step;
		if (record.era) link.era = record.era;
		if (record.seed) link.seed = record.seed;
		if (index > 0 && !reachedByStepAlone(shown, index))
			link.actions = shown.slice(1, index + 1).map((s) => s.frame.action!);
		return stepLinkQuery(link);
	}

	#consent(): ConsentPlayer {
		const { consent, fetch, origin } = this.#options;
		return consent ?? emulatorConsent(fetch, `${origin}/emulator/control`);
	}

	/**
	 * The run's seed reaches the emulator in a cookie, so its codes and tokens come from the run
	 * (the same on every screen with the same seed), not from who came first.
	 */
	#setSeedCookie(): void {
		if (typeof document === 'undefined') return;
		const seed = this.record.target === 'emulator' ? this.record.seed : undefined;
		document.cookie = seedCookie(seed ?? null);
	}

	async #leaveForAuthorize(): Promise<void> {
		const { storage, slug, navigate, fetch } = this.#options;
		const view = this.flow.snapshot as FlowView;
		const pending = view.context.pending;
		if (!pending) return;
		// On the emulator, /authorize's own error page is read here and shown as a step, rather
		// than leaving the learner on a page with no way back.
		if (view.context.target.kind === 'emulator') {
			const refused = await peekAuthorize(fetch, pending.request.url);
			if (refused) {
				this.flow.send({ type: 'authorize.refused', exchange: refused });
				this.#push('agree');
				this.persist();
				return;
			}
		}
		this.persist();
		markWaiting(storage, slug);
		navigate(pending.request.url);
	}
}

/** The frames with the secret put back into every context. */
function withSecret(frames: Frame[], secret: string): Frame[] {
	return frames.map((frame) => ({ ...frame, context: { ...frame.context, clientSecret: secret } }));
}

/** The action a callback that came back stands for in the record. */
function callbackAction(view: FlowView, url: string): RunAction {
	const parsed = new URL(url);
	const params = new URLSearchParams([
		...parsed.searchParams,
		...new URLSearchParams(parsed.hash.slice(1))
	]);
	if (params.get('error') === 'access_denied') return 'cancel';
	const checked = !view.context.mistakes.omitState;
	if (checked && params.get('state') !== view.context.state) return 'forge';
	return 'agree';
}

/** GETs the authorize URL: its error page as an exchange when it refuses, else undefined. */
async function peekAuthorize(
	fetchImpl: typeof fetch,
	url: string
): Promise<RecordedExchange | undefined> {
	const startedAt = Date.now();
	try {
		const response = await fetchImpl(url, { redirect: 'manual', credentials: 'same-origin' });
		if (response.status < 400 || response.status >= 500) return undefined;
		return {
			purpose: 'authorize',
			route: 'browser',
			request: { method: 'GET', url, headers: {} },
			response: {
				status: response.status,
				statusText: response.statusText,
				headers: { 'content-type': response.headers.get('content-type') ?? 'text/html' },
				body: await response.text()
			},
			startedAt,
			durationMs: Date.now() - startedAt
		};
	} catch {
		return undefined;
	}
}
