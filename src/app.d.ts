// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The POST named `?/default`; hooks.server.ts took it off so the page can answer 400. */
			reservedAction?: boolean;
		}
		interface PageData {
			/** A page's own first skip link (the flow pages: straight to "Next step"). */
			skipTo?: { href: string; label: string };
		}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
