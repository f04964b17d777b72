/**
 * One learner's run of a flow in this tab: the machine's actor, the settings and mistakes it was
 * started with, and what it takes to resume it (after the redirect or a reload) or start it over.
 * Created by the explorer per instance, in the browser only.
 */
import { createActor } from 'xstate';
import { withTransport } from '$lib/flows/flow-setup';
import { flowMachines } from '$lib/flows/machines';
import {
	clearFlowSnapshot,
	restoreFlowSnapshot,
	saveFlowSnapshot,
	type StorageLike
} from '$lib/flows/persistence';
import { createFetchTransport } from '$lib/flows/transport';
import type { FlowEvent, FlowInput, TargetSettings } from '$lib/flows/types';
import { useActor } from '$lib/flows/use-actor.svelte';
import type { Mistakes } from '$lib/oauth/mistakes';
import { getFlow, type FlowSlug } from '$lib/spotify/flows';
import { awaitsRedirect } from './explorer-model';
import { markWaiting, takeCallback } from './redirect';
import {
	defaultLiveSettings,
	toFlowInput,
	type EmulatorApp,
	type ExplorerSettings
} from './settings';

export interface FlowSessionOptions {
	slug: FlowSlug;
	emulatorApp: EmulatorApp;
	/** Mistakes asked for by the page's URL (`?break=`): they start a fresh run. */
	initialMistakes: Mistakes;
	seed?: string;
	storage: StorageLike;
	origin: string;
	fetch: typeof fetch;
	/** Leaves the page for the authorize URL (location.assign in the browser). */
	navigate: (url: string) => void;
}

type Restored = ReturnType<typeof restoreFlowSnapshot<(typeof flowMachines)[FlowSlug]>>;

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

export class FlowSession {
	readonly #options: FlowSessionOptions;
	flow: ReturnType<FlowSession['actorFor']>;
	settings: ExplorerSettings;
	mistakes: Mistakes;
	/** Restored in live mode without the typed secret, which is never stored. */
	liveSecretLost = $state(false);

	constructor(options: FlowSessionOptions) {
		this.#options = options;
		// A link that asks for a mistake starts a fresh run; otherwise resume this tab's, if any.
		const restored =
			Object.keys(options.initialMistakes).length === 0 ? this.#restore() : undefined;
		this.mistakes = $state({ ...(restored?.context.mistakes ?? options.initialMistakes) });
		this.settings = $state(settingsFrom(restored?.context.target));
		this.flow = $state.raw(
			restored ? this.actorFor({ snapshot: restored }) : this.actorFor({ input: this.#input() })
		);
		this.liveSecretLost =
			restored !== undefined &&
			this.settings.target === 'spotify' &&
			this.settings.secretSource === 'typed' &&
			getFlow(options.slug).secretServerSide;
	}

	private actorFor(start: { input: FlowInput } | { snapshot: NonNullable<Restored> }) {
		const { slug, fetch } = this.#options;
		const machine = withTransport(flowMachines[slug], createFetchTransport(fetch));
		return useActor(createActor(machine, start as { input: FlowInput }));
	}

	#restore(): Restored {
		const { slug, storage, emulatorApp } = this.#options;
		const machine = flowMachines[slug];
		const bare = restoreFlowSnapshot(machine, storage, slug);
		// The emulator's demo secret is published and comes back; a typed live secret never does.
		if (!bare || bare.context.target.kind !== 'emulator') return bare;
		return restoreFlowSnapshot(machine, storage, slug, { clientSecret: emulatorApp.clientSecret });
	}

	#input(): FlowInput {
		const { origin, emulatorApp, seed } = this.#options;
		return toFlowInput(this.settings, { origin, emulatorApp, mistakes: this.mistakes, seed });
	}

	/**
	 * Starts the current actor and hands it a callback waiting for it; returns the stop function,
	 * for `$effect` (which re-runs it when the flow starts over). `onCallback` runs when a
	 * callback was taken.
	 */
	start(onCallback: () => void): () => void {
		const current = this.flow;
		const stop = current.start();
		const url = takeCallback(this.#options.storage, this.#options.slug);
		if (url) {
			current.send({ type: 'callback.received', url });
			onCallback();
		}
		return stop;
	}

	/** Saves the resting state (no secret), so the redirect or a reload resumes it. */
	persist(): void {
		saveFlowSnapshot(this.#options.storage, this.flow.snapshot);
	}

	send(event: FlowEvent): void {
		if (this.flow.snapshot.can(event)) this.flow.send(event);
	}

	/** "Next step": sends the pending request or moves on; at the authorize step, really leaves. */
	next(): void {
		if (awaitsRedirect(this.flow.snapshot)) return this.#leaveForAuthorize();
		this.send({ type: 'step.next' });
		if (awaitsRedirect(this.flow.actor.getSnapshot())) this.#leaveForAuthorize();
	}

	/** A token-panel action: prepare the request, then send it at once (it is shown either way). */
	act(event: FlowEvent): void {
		this.send(event);
		const after = this.flow.actor.getSnapshot();
		if (after.context.pending && !after.hasTag('busy')) this.send({ type: 'step.next' });
	}

	/** Starts over with other settings or mistakes (the Break it switches, the target). */
	restart(settings: ExplorerSettings, mistakes: Mistakes): void {
		this.flow.actor.stop();
		clearFlowSnapshot(this.#options.storage, this.#options.slug);
		this.settings = settings;
		this.mistakes = mistakes;
		this.liveSecretLost = false;
		this.flow = this.actorFor({ input: this.#input() });
	}

	/**
	 * Puts a client secret typed again into a flow restored without it (after the redirect or a
	 * reload in live mode), keeping the flow where it was: its pending request is built again.
	 */
	provideSecret(secret: string): void {
		const { slug, storage } = this.#options;
		this.persist();
		const restored = restoreFlowSnapshot(flowMachines[slug], storage, slug, {
			clientSecret: secret
		});
		if (!restored) return;
		this.flow.actor.stop();
		this.settings = { ...this.settings, clientSecret: secret };
		this.liveSecretLost = false;
		this.flow = this.actorFor({ snapshot: restored });
	}

	#leaveForAuthorize(): void {
		const { storage, slug, navigate } = this.#options;
		const current = this.flow.actor.getSnapshot();
		if (!current.context.pending) return;
		saveFlowSnapshot(storage, current);
		markWaiting(storage, slug);
		navigate(current.context.pending.request.url);
	}
}
