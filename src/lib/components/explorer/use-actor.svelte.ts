/**
 * XState in Svelte 5 (CONVENTIONS.md, habit 4): a reactive view of an actor. `snapshot` reads
 * `actor.getSnapshot()` on every access, and `createSubscriber` makes that read reactive while
 * something (an effect, the template) depends on it: XState v5 does not replay the current
 * snapshot to new subscribers, so the value is always read, never cached.
 *
 * Usage, in a component's script (one actor per component instance, never at module level):
 *
 *     const flow = useActor(createActor(withTransport(machine, transport), { input }));
 *     $effect(() => flow.start()); // starts in the browser only, so nothing runs during SSR
 *
 * and then `flow.snapshot.value`, `flow.send({ type: 'step.next' })` in the markup.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { Actor, AnyActorLogic, EventFromLogic, SnapshotFrom } from 'xstate';

export interface ActorView<TLogic extends AnyActorLogic> {
	readonly snapshot: SnapshotFrom<TLogic>;
	readonly actor: Actor<TLogic>;
	send(event: EventFromLogic<TLogic>): void;
	/** Starts the actor; returns the stop function, so it can be returned from `$effect`. */
	start(): () => void;
}

export function useActor<TLogic extends AnyActorLogic>(actor: Actor<TLogic>): ActorView<TLogic> {
	const subscribe = createSubscriber((update) => {
		const subscription = actor.subscribe({ next: update, error: update, complete: update });
		return () => subscription.unsubscribe();
	});
	return {
		get snapshot() {
			subscribe();
			return actor.getSnapshot();
		},
		actor,
		send: (event) => actor.send(event),
		start() {
			actor.start();
			return () => actor.stop();
		}
	};
}
