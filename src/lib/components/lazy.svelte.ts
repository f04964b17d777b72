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
	return {
		get component(): T | undefined {
			if (!started) {
				started = true;
				void load().then((module) => (component = module.default));
			}
			return component;
		}
	};
}
