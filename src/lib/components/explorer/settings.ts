/**
 * The explorer's target settings as the learner edits them, checked before a flow starts with
 * them, and turned into the machine's input. Secrets are held in memory only.
 */
import type { FlowInput } from '$lib/flows/types';
import type { Mistakes } from '$lib/oauth/mistakes';
import { isKnownScope, splitScopeParameter } from '$lib/spotify/scopes';

/** An emulator app as the explorer shows and uses it. */
export interface EmulatorApp {
	clientId: string;
	clientSecret: string;
	redirectUri: string;
}

export interface ExplorerSettings {
	target: 'emulator' | 'spotify';
	clientId: string;
	/** Typed by the user for live confidential flows; never stored. */
	clientSecret: string;
	/** Live confidential flows: the typed secret, or the server's SPOTIFY_CLIENT_SECRET. */
	secretSource: 'typed' | 'server';
	redirectUri: string;
	scopes: string;
	showDialog: boolean;
}

export const defaultLiveSettings = {
	redirectUri: 'http://127.0.0.1:5173/callback',
	scopes: 'user-read-private user-read-email'
};

/** Problems with the live settings, each a sentence; empty when they can be used. */
export function checkLiveSettings(settings: ExplorerSettings, needsSecret: boolean): string[] {
	if (settings.target !== 'spotify') return [];
	const problems: string[] = [];
	const id = settings.clientId.trim();
	if (id === '')
		problems.push('Enter your app’s Client ID, from its page in the Spotify developer dashboard.');
	else if (!/^[0-9a-f]{32}$/i.test(id))
		problems.push(
			`“${id}” does not look like a Spotify Client ID: those are 32 hexadecimal characters.`
		);
	let uri: URL | undefined;
	try {
		uri = new URL(settings.redirectUri.trim());
	} catch {
		problems.push(
			'The redirect URI must be an absolute URI, such as http://127.0.0.1:5173/callback.'
		);
	}
	if (uri && uri.hostname === 'localhost')
		problems.push(
			'Spotify refuses localhost redirect URIs since 2025: use http://127.0.0.1:5173/callback.'
		);
	const unknown = splitScopeParameter(settings.scopes).filter((s) => !isKnownScope(s));
	if (unknown.length > 0)
		problems.push(`Spotify would answer “Illegal scope” for: ${unknown.join(', ')}.`);
	if (needsSecret && settings.secretSource === 'typed' && settings.clientSecret.trim() === '')
		problems.push(
			'This flow sends the client secret: type it, or start the server with SPOTIFY_CLIENT_SECRET.'
		);
	return problems;
}

/** The machine input for these settings. */
export function toFlowInput(
	settings: ExplorerSettings,
	context: {
		origin: string;
		emulatorApp: { clientId: string; clientSecret: string };
		mistakes: Mistakes;
		seed?: string;
	}
): FlowInput {
	const input: FlowInput = { origin: context.origin, mistakes: context.mistakes };
	// A seed makes state and the verifier predictable: for a class on the emulator, never for a
	// real app against real Spotify.
	if (context.seed && settings.target === 'emulator') input.seed = context.seed;
	if (settings.showDialog) input.showDialog = true;
	if (settings.target === 'emulator') {
		input.target = 'emulator';
		input.clientId = context.emulatorApp.clientId;
		input.clientSecret = context.emulatorApp.clientSecret;
		return input;
	}
	input.target = 'spotify';
	input.clientId = settings.clientId.trim();
	input.redirectUri = settings.redirectUri.trim();
	input.scopes = splitScopeParameter(settings.scopes);
	if (settings.secretSource === 'server') input.secretMode = 'server-secret';
	else if (settings.clientSecret.trim() !== '') input.clientSecret = settings.clientSecret.trim();
	return input;
}
