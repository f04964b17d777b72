import type { Component } from 'svelte';

/**
 * A component loaded the first time a template reads `.component` (undefined until it arrives),
 * so parts a page shows only later stay out of its first-load JavaScript. A plain import() held
 * in state: cheaper for every page than an {#await} block, and once loaded it shows at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, its props kept by T
export function lazy<T extends Component<any>>(load: () => Promise<{ default: T }>) {
	let component = $state<T>();
	let started = false;
	const start = () => {
		if (started) return;
		started = true;
		void load().then((module) => (component = module.default));
	};
	return {
		get component(): T | undefined {
			start();
			return component;
		},
		/** Fetches the component now, without reading it (no dependency for an effect). */
		preload: start
	};
}

/**
 * A closed <details> whose contents are a lazy component: asked for when the panel first opens,
 * or as soon as a pointer or the keyboard comes to its summary (spread `want` on the <summary>),
 * so it is there by the time it opens; once asked for it stays, keeping what was typed in it.
 * `component` is undefined until then. Bind the <details>' `open` to `open`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, its props kept by T
export function lazyPanel<T extends Component<any>>(load: () => Promise<{ default: T }>) {
	const loader = lazy(load);
	let open = $state(false);
	let wanted = $state(false);
	const want = () => (wanted = true);
	return {
		get open(): boolean {
			return open;
		},
		set open(value: boolean) {
			open = value;
		},
		want: { onpointerenter: want, onpointerdown: want, onfocus: want },
		get component(): T | undefined {
			return open || wanted ? loader.component : undefined;
		}
	};
}
