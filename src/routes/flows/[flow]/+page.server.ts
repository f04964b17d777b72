import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { EmulatorAppKey } from '$lib/flows/targets';
import {
	configFromEnv,
	legacyApp,
	noPremiumApp,
	unregisteredUserApp,
	type AppSeed
} from '$lib/server/emulator/config';
import { ProseHtml } from '$lib/prose-html';
import { renderedFlowContent } from '$lib/server/flow-prose';
import { spotifyErrors } from '$lib/spotify/errors';
import { flowSlugs, getFlow, isFlowSlug } from '$lib/spotify/flows';
import type { PageServerLoad } from './$types';

// Flow pages run the explorer in the browser; their explanation still reads without JavaScript.
// The prose comes as HTML rendered here: no universal load, so no compiled markdown (nor the
// error catalog for the problem list) in the page's JavaScript.
export const csr = true;

/**
 * The flow's explanation as HTML and its common problems, and what the explorer needs from the
 * server: the emulator's apps as configured by EMULATOR_*
 * (their published demo credentials), and whether the relay holds SPOTIFY_CLIENT_SECRET. The
 * server's own Spotify secret itself never leaves the server.
 */
export const load: PageServerLoad = async ({ url, params, isDataRequest }) => {
	if (!isFlowSlug(params.flow))
		error(404, `There is no flow called “${params.flow}”. The flows are ${flowSlugs.join(', ')}.`);
	const slug = params.flow;
	const config = configFromEnv(env);
	const configured = (seed: AppSeed) =>
		config.apps.find((app) => app.clientId === seed.clientId) ?? seed;
	const redirectUri = new URL('/callback', url.origin).toString();
	const asShown = (app: AppSeed) => ({
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		redirectUri
	});
	// The implicit grant runs on the legacy app, whose rules predate its removal; a run's era
	// or its development-mode switches pick another (flows/targets.ts, emulatorAppKey).
	const emulatorApps: Record<EmulatorAppKey, ReturnType<typeof asShown>> = {
		demo: asShown(config.apps[0]),
		legacy: asShown(configured(legacyApp)),
		unregisteredUser: asShown(configured(unregisteredUserApp)),
		noPremium: asShown(configured(noPremiumApp))
	};
	// The explanation's HTML is in the page: its data sends it again only where the page has none
	// (client-side navigation), and in development, where Svelte compares what it hydrates.
	const prose = (html: string) => new ProseHtml(html, isDataRequest || dev);
	const content = await renderedFlowContent(slug);
	return {
		flow: getFlow(slug),
		content: {
			...content,
			introHtml: prose(content.introHtml),
			steps: content.steps.map((step) => ({ ...step, html: prose(step.html) })),
			securityHtml: prose(content.securityHtml)
		},
		// The top problems of reference §10 that this flow can hit, most common first.
		problems: spotifyErrors
			.filter((e) => 'problem' in e && (e.flows as readonly string[]).includes(slug))
			.sort((a, b) => ('problem' in a ? a.problem : 0) - ('problem' in b ? b.problem : 0)),
		// One Tab from page load reaches the run: the first skip link goes to "Next step".
		skipTo: { href: '#next-step', label: 'Skip to Next step' },
		emulatorApps,
		serverSecret: Boolean(env.SPOTIFY_CLIENT_SECRET && env.SPOTIFY_CLIENT_ID)
	};
};
