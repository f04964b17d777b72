/** The four flow machines by slug, for the flow pages and the tests. */
import type { FlowSlug } from '$lib/spotify/flows';
import { authorizationCodePkceMachine } from './authorization-code-pkce.machine';
import { authorizationCodeMachine } from './authorization-code.machine';
import { clientCredentialsMachine } from './client-credentials.machine';
import { implicitGrantMachine } from './implicit-grant.machine';

export const flowMachines = {
	'authorization-code': authorizationCodeMachine,
	'authorization-code-pkce': authorizationCodePkceMachine,
	'client-credentials': clientCredentialsMachine,
	'implicit-grant': implicitGrantMachine
} as const satisfies Record<FlowSlug, unknown>;

export type FlowMachine = (typeof flowMachines)[FlowSlug];
