/**
 * The "which flow should I use?" helper: a few answers lead to Spotify's recommended flow, with
 * the reason. Follows Spotify's authorization guide and RFC 9700 §2.1.1 (PKCE for every client).
 */
import type { FlowSlug } from './flows';

export const platforms = {
	'server-web-app': 'A web app with its own backend',
	spa: 'A single-page app running only in the browser',
	mobile: 'A mobile app',
	desktop: 'A desktop app',
	cli: 'A command-line tool or script on a user’s machine',
	'backend-job': 'A backend job or service with no user interface'
} as const;

export type Platform = keyof typeof platforms;

export interface WhichFlowAnswers {
	/** Does the app act for a Spotify user (their profile, library, playback)? */
	user: boolean;
	/** Can the app keep a secret on a server it controls? */
	secret: boolean;
	platform: Platform;
}

export interface Recommendation {
	slug: FlowSlug;
	reason: string;
	/** Caveats worth knowing with this answer. */
	notes: string[];
}

/** Code that ships to users' devices cannot keep a secret, whatever the developer intends. */
const publicPlatforms: readonly Platform[] = ['spa', 'mobile', 'desktop', 'cli'];

export function recommendFlow({ user, secret, platform }: WhichFlowAnswers): Recommendation {
	const notes: string[] = [];
	const canKeepSecret = secret && !publicPlatforms.includes(platform);
	if (secret && publicPlatforms.includes(platform))
		notes.push(
			'A secret inside an app that runs on users’ devices or in their browser can be extracted, so it is treated as having none.'
		);

	if (!user) {
		if (canKeepSecret)
			return {
				slug: 'client-credentials',
				reason:
					'No user is involved, and your server can keep the client secret: the app authenticates as itself and reads public catalogue data.',
				notes
			};
		return {
			slug: 'client-credentials',
			reason:
				'No user is involved, so the app authenticates as itself — but client credentials needs the client secret, which only a server can keep.',
			notes: [
				...notes,
				'Run the token request on a small backend of yours, or, if a user is present anyway, let them sign in with authorization code with PKCE.'
			]
		};
	}

	if (canKeepSecret)
		return {
			slug: 'authorization-code',
			reason:
				'The app acts for a user and its server keeps the client secret: the server exchanges the code for tokens, and the tokens never reach the browser.',
			notes: [
				...notes,
				'Adding PKCE to it costs little and protects the code too (RFC 9700 recommends PKCE for every client); Spotify’s PKCE flow does not send the secret, though.'
			]
		};

	return {
		slug: 'authorization-code-pkce',
		reason:
			'The app acts for a user and cannot keep a secret: PKCE proves, with a one-time verifier instead of a secret, that the app that asked for the code is the one exchanging it.',
		notes: [
			...notes,
			'Do not use the implicit grant: Spotify removed it for all apps on 2025-11-27.'
		]
	};
}

export type ParsedAnswers =
	| { kind: 'empty' }
	| {
			kind: 'invalid';
			problems: string[];
			values: Partial<Record<'user' | 'secret' | 'platform', string>>;
	  }
	| { kind: 'complete'; answers: WhichFlowAnswers };

/** Reads the helper's answers from a query string; every bad value gets a message, none is lost. */
export function parseAnswers(params: URLSearchParams): ParsedAnswers {
	const user = params.get('user') ?? undefined;
	const secret = params.get('secret') ?? undefined;
	const platform = params.get('platform') ?? undefined;
	if (user === undefined && secret === undefined && platform === undefined)
		return { kind: 'empty' };

	const problems: string[] = [];
	const yesNo = (value: string | undefined, question: string) => {
		if (value === 'yes' || value === 'no') return value === 'yes';
		problems.push(
			value === undefined || value === ''
				? `Answer “${question}”.`
				: `“${value}” is not an answer to “${question}”: choose yes or no.`
		);
		return undefined;
	};
	const u = yesNo(user, 'Does your app act for a Spotify user?');
	const s = yesNo(secret, 'Can your app keep a secret on a server?');
	let p: Platform | undefined;
	if (platform !== undefined && platform in platforms) p = platform as Platform;
	else
		problems.push(
			platform === undefined || platform === ''
				? 'Choose where your code runs.'
				: `“${platform}” is not one of the places listed: choose one of them.`
		);

	if (u === undefined || s === undefined || p === undefined)
		return { kind: 'invalid', problems, values: { user, secret, platform } };
	return { kind: 'complete', answers: { user: u, secret: s, platform: p } };
}
