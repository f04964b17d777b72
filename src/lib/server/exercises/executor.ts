/**
 * Runs an exercise answer through the emulator's own code: the checks that answer /authorize and
 * the handler of /api/token, for the attempt's app on the era chosen. One emulator per check, in
 * memory, seeded by the attempt, so the code and refresh token shown on the page are the ones
 * this emulator issues, and nothing of the learner's input outlives the check.
 */
import { redirectUriProblem } from '../emulator/apps';
import { manualClock } from '../emulator/clock';
import { defaultConfig } from '../emulator/config';
import { createEmulator, type Emulator } from '../emulator/index';
import { seededRandom } from '../emulator/random';
import type { EmuResponse } from '../emulator/types';
import { findAuthorizePageError, findTokenError, type SpotifyErrorSlug } from '$lib/spotify/errors';
import type { ExerciseWorld } from '$lib/tools/exercises/world';
import type {
	AuthorizeOutcome,
	Executor,
	TokenOutcome,
	WireRequest
} from '$lib/tools/exercises/types';

/** The emulator's address inside the grader; never served. */
const origin = 'https://grader.invalid';
const accounts = `${origin}/emulator/accounts`;

function emulatorFor(world: ExerciseWorld): Emulator {
	const config = defaultConfig();
	config.apps = [
		{
			clientId: world.clientId,
			clientSecret: world.clientSecret,
			name: 'Exercise app',
			redirectUris: [world.redirectUri],
			era: world.era
		}
	];
	config.seed = `exercise ${world.seed}`;
	return createEmulator({ clock: manualClock(), random: seededRandom(world.seed), config });
}

function call(
	emulator: Emulator,
	method: string,
	url: string,
	headers: Record<string, string>,
	body = ''
): EmuResponse {
	const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
	return emulator.handleRaw({
		method,
		url: new URL(url),
		header: (name) => lower[name.toLowerCase()] ?? null,
		body
	});
}

function replay(emulator: Emulator, query: URLSearchParams): AuthorizeOutcome {
	const response = call(
		emulator,
		'POST',
		`${origin}/emulator/control/authorize`,
		{ 'content-type': 'application/json' },
		JSON.stringify({ url: `${accounts}/authorize?${query}`, decision: 'agree' })
	);
	const answer = JSON.parse(response.body) as
		| { outcome: 'page'; status: number; text: string }
		| { outcome: 'redirect'; status: number; location: string };
	if (answer.outcome === 'page')
		return {
			kind: 'page',
			status: answer.status,
			text: answer.text,
			error: findAuthorizePageError(answer.text)?.slug as SpotifyErrorSlug | undefined
		};
	const location = new URL(answer.location);
	const params = new URLSearchParams(location.hash.slice(1) || location.search);
	const code = location.searchParams.get('code');
	if (code) return { kind: 'code', location: answer.location, code, state: params.get('state') };
	return {
		kind: 'redirect-error',
		location: answer.location,
		error: params.get('error') ?? 'unknown'
	};
}

function tokenOutcome(response: EmuResponse): TokenOutcome {
	let json: Record<string, unknown> | undefined;
	try {
		json = JSON.parse(response.body) as Record<string, unknown>;
	} catch {
		json = undefined;
	}
	const error = typeof json?.error === 'string' ? json.error : undefined;
	const description =
		typeof json?.error_description === 'string' ? json.error_description : undefined;
	return {
		status: response.status,
		body: response.body,
		json,
		error: error ? (findTokenError(error, description)?.slug as SpotifyErrorSlug) : undefined
	};
}

/** The authorize query the exercise's own app would send, for the code it shows the learner. */
function seedQuery(world: ExerciseWorld, pkce: boolean): URLSearchParams {
	const query = new URLSearchParams({
		client_id: world.clientId,
		response_type: 'code',
		redirect_uri: world.redirectUri,
		scope: world.scopes.join(' '),
		state: world.state
	});
	if (pkce) {
		query.set('code_challenge_method', 'S256');
		query.set('code_challenge', world.challenge);
	}
	return query;
}

function basic(world: ExerciseWorld): string {
	return `Basic ${Buffer.from(`${world.clientId}:${world.clientSecret}`).toString('base64')}`;
}

export function createExecutor(world: ExerciseWorld): Executor {
	const emulator = emulatorFor(world);
	const issued: { code?: Record<'code' | 'pkce', string>; refresh?: string } = {};
	const codeFor = (pkce: boolean): string => {
		const outcome = replay(emulator, seedQuery(world, pkce));
		if (outcome.kind !== 'code') throw new Error('the exercise app could not get a code');
		return outcome.code;
	};
	const executor: Executor = {
		authorize: (query) => replay(emulator, query),
		code: (pkce) => {
			issued.code ??= { code: codeFor(false), pkce: codeFor(true) };
			return issued.code[pkce ? 'pkce' : 'code'];
		},
		refreshToken: () => {
			if (issued.refresh) return issued.refresh;
			const pkce = world.refreshClient === 'pkce';
			const code = codeFor(pkce);
			const form = new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: world.redirectUri
			});
			if (pkce) {
				form.set('client_id', world.clientId);
				form.set('code_verifier', world.verifier);
			}
			const headers: Record<string, string> = {
				'content-type': 'application/x-www-form-urlencoded'
			};
			if (!pkce) headers.authorization = basic(world);
			const answer = tokenOutcome(
				call(emulator, 'POST', `${accounts}/api/token`, headers, `${form}`)
			);
			const token = answer.json?.refresh_token;
			if (typeof token !== 'string')
				throw new Error('the exercise app could not get a refresh token');
			issued.refresh = token;
			return token;
		},
		token: (request: WireRequest) => {
			const query = request.query ? `?${request.query}` : '';
			return tokenOutcome(
				call(
					emulator,
					request.method,
					`${accounts}/api/token${query}`,
					request.headers,
					request.body
				)
			);
		},
		dashboardAccepts: (uri) => {
			const problem = redirectUriProblem(emulator.context, world.era, uri);
			return problem === null ? { ok: true } : { ok: false, message: problem };
		}
	};
	return executor;
}
