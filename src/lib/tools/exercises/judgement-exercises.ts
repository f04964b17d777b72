/**
 * The exercises of judgement: which redirect URIs the dashboard takes, what a Spotify answer
 * means, which flow an app needs, where the bug is. Graded by the same code as the rest: the
 * emulator's dashboard validator, the which-flow helper and the catalog of mistakes.
 */
import { sha256 } from '$lib/core/encoding';
import { getSpotifyError, type SpotifyErrorSlug } from '$lib/spotify/errors';
import { flows, type FlowSlug } from '$lib/spotify/flows';
import { recommendFlow, type WhichFlowAnswers } from '$lib/spotify/which-flow';
import {
	getMistake,
	mistakes,
	recognise,
	type MistakeEntry,
	type MistakeId
} from '$lib/tools/mistakes/catalog';
import type { Exercise } from './exercise';
import { fromEntry, spotifyAnswer, type Failure, type GradeResult } from './grade';
import type { ExerciseWorld } from './world';

/** A deterministic shuffle of `items` for the attempt (Fisher–Yates over the seed's digest). */
function shuffled<T>(items: readonly T[], w: ExerciseWorld, label: string): T[] {
	const bytes = sha256(new TextEncoder().encode(`${w.seed}\u0000${label}`));
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = bytes[i % bytes.length] % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Answer lines without numbering (`1.`, `2)`, `-`) or blank lines. */
function lines(answer: string): string[] {
	return answer
		.split(/\r?\n/)
		.map((l) => l.trim().replace(/^(\d+[.):]|[-*•])\s*/, ''))
		.filter((l) => l !== '');
}

const fail = (f: Failure[]): GradeResult => ({ passed: f.length === 0, failures: f });

// --- redirect-uris ---

function redirectUris(w: ExerciseWorld): string[] {
	const port = new URL(w.redirectUri).port;
	const host = `app-${w.seed.slice(0, 4)}.example`;
	const refused = shuffled(
		[
			`http://localhost:${port}/callback`,
			`http://${host}/callback`,
			`http://192.168.1.${20 + (Number(port) % 200)}:${port}/callback`,
			`https://${host}/callback#done`
		],
		w,
		'refused'
	).slice(0, 3);
	const accepted = shuffled(
		[
			`http://127.0.0.1:${port}/callback`,
			`https://${host}/auth/callback`,
			`http://[::1]:${port}/callback`,
			'com.example.player://callback',
			'http://127.0.0.1/callback'
		],
		w,
		'accepted'
	).slice(0, 3);
	return shuffled([...refused, ...accepted], w, 'order');
}

const redirectMistakes = [
	'localhost-redirect-uri',
	'private-network-redirect-uri',
	'public-http-redirect-uri',
	'fragment-redirect-uri'
] as const satisfies readonly MistakeId[];

function sameTarget(original: string, fix: string): boolean {
	const a = /^([a-z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(original);
	const b = /^([a-z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(fix);
	if (!a || !b) return false;
	const port = (h: string) => /:(\d+)$/.exec(h)?.[1] ?? '';
	const name = (h: string) => h.replace(/:\d+$/, '').toLowerCase();
	const loopback = (h: string) => ['localhost', '127.0.0.1', '[::1]'].includes(name(h));
	const hostOk = name(a[2]) === name(b[2]) || (loopback(a[2]) && loopback(b[2]));
	return hostOk && port(a[2]) === port(b[2]) && a[3] === b[3];
}

const redirectExercise: Exercise = {
	slug: 'redirect-uris',
	title: 'Which redirect URIs does the dashboard accept?',
	summary: 'Six redirect URIs: keep those Spotify takes today, and fix each one it refuses.',
	task: 'For each URI, in order, write one line: ok if the dashboard accepts it, or else the URI to register instead (same app, same port and path).',
	answerLabel: 'One line per URI',
	answerFormat: 'ok, or the fixed URI; six lines',
	rows: 7,
	given: (w) => redirectUris(w).map((uri, i) => ({ label: `URI ${i + 1}`, value: uri })),
	hints: [
		'https is always fine; http only on the loopback IP literals 127.0.0.1 and [::1]; custom schemes are allowed.',
		'localhost is refused: write 127.0.0.1 instead, same port and path. A LAN address or a public host over http needs https.',
		'A fragment (#…) is never allowed in a redirect URI.'
	],
	solution: (w, exec) =>
		redirectUris(w)
			.map((uri) => {
				if (exec.dashboardAccepts(uri).ok) return 'ok';
				const found = recognise({ kind: 'redirect-uri', uri }, { world: w })[0];
				return found?.detection.didYouMean ?? uri;
			})
			.join('\n'),
	grade: (answer, w, exec) => {
		const uris = redirectUris(w);
		const said = lines(answer);
		if (said.length !== uris.length)
			return {
				passed: false,
				unreadable: `Write ${uris.length} lines, one per URI (ok, or the fixed URI); this answer has ${said.length}.`,
				failures: []
			};
		const failures: Failure[] = [];
		uris.forEach((uri, i) => {
			const line = said[i];
			const ok = /^(ok|yes|accepted?|✓)$/i.test(line) || line === uri;
			const verdict = exec.dashboardAccepts(uri);
			const why = recognise({ kind: 'redirect-uri', uri }, { world: w })[0];
			const where = `URI ${i + 1}: ${uri}`;
			if (verdict.ok) {
				if (!ok)
					failures.push({
						id: 'accepted-uri-changed',
						title: `URI ${i + 1} is accepted as it is`,
						detail: where,
						rule: 'https, http on 127.0.0.1 or [::1] (with or without a port), and custom schemes are all accepted.',
						sources: ['developer.spotify.com/documentation/web-api/concepts/redirect_uri'],
						fix: 'Write ok for it.'
					});
				return;
			}
			const mistake = why ? why.mistake : getMistake('public-http-redirect-uri');
			if (ok) {
				failures.push({
					...fromEntry(
						mistake,
						`${where}. The dashboard says: ${verdict.message}`,
						why?.detection.didYouMean
					),
					id: mistake.id
				});
				return;
			}
			const fixed = exec.dashboardAccepts(line);
			if (!fixed.ok)
				failures.push({
					...fromEntry(
						recognise({ kind: 'redirect-uri', uri: line }, { world: w })[0]?.mistake ?? mistake,
						`Your fix for URI ${i + 1}, ${line}, is refused too: ${fixed.message}`
					),
					id: 'fix-refused'
				});
			else if (
				!sameTarget(uri, line) &&
				!(why?.mistake.id === 'fragment-redirect-uri' && line === uri.split('#')[0])
			)
				failures.push({
					id: 'fix-changes-target',
					title: `Your fix for URI ${i + 1} points somewhere else`,
					detail: `${line} instead of ${uri}`,
					didYouMean: why?.detection.didYouMean,
					rule: 'The app listens on that host, port and path; the fix changes only what Spotify refuses.',
					sources: [
						'developer.spotify.com/documentation/web-api/tutorials/migration-insecure-redirect-uri'
					],
					fix: 'Keep the port and the path.'
				});
		});
		return fail(failures);
	},
	mistakes: redirectMistakes,
	own: () => []
};

// --- choose-flow ---

interface Scenario extends WhichFlowAnswers {
	text: string;
}

const scenarios: readonly Scenario[] = [
	{
		text: 'A web app with a Node.js backend shows each user their top artists.',
		user: true,
		secret: true,
		platform: 'server-web-app'
	},
	{
		text: 'A React single-page app with no backend builds playlists for the signed-in user.',
		user: true,
		secret: false,
		platform: 'spa'
	},
	{
		text: 'A nightly job on your server copies new releases (public catalogue data) into a database.',
		user: false,
		secret: true,
		platform: 'backend-job'
	},
	{
		text: 'An iOS app shows what the user is listening to.',
		user: true,
		secret: false,
		platform: 'mobile'
	},
	{
		text: 'A command-line tool on the user’s laptop exports their playlists.',
		user: true,
		secret: false,
		platform: 'cli'
	},
	{
		text: 'A Django site saves tracks to the visitor’s library.',
		user: true,
		secret: true,
		platform: 'server-web-app'
	},
	{
		text: 'An Electron desktop app controls the user’s playback.',
		user: true,
		secret: false,
		platform: 'desktop'
	},
	{
		text: 'A chat bot’s server looks up artists’ public pages when someone types a name.',
		user: false,
		secret: true,
		platform: 'backend-job'
	}
];

const flowNames: [RegExp, FlowSlug][] = [
	[
		/^(authori[sz]ation[- ]code[- ](flow[- ])?(with[- ])?pkce|pkce|code[- ]?\+?[- ]?pkce)( flow)?$/i,
		'authorization-code-pkce'
	],
	[/^(authori[sz]ation[- ]code|code)( flow| grant)?$/i, 'authorization-code'],
	[/^client[- _]credentials( flow| grant)?$/i, 'client-credentials'],
	[/^implicit([- ]grant)?( flow)?$/i, 'implicit-grant']
];

function flowOf(line: string): FlowSlug | undefined {
	const text = line.replace(/^[^:]*:\s*/, (m) => (/(flow|app)/i.test(m) ? '' : m)).trim();
	return flowNames.find(([re]) => re.test(text))?.[1];
}

const flowMistakes = [
	'flow-implicit-grant',
	'flow-secret-on-device',
	'flow-app-token-for-user-data',
	'flow-user-flow-without-user'
] as const satisfies readonly MistakeId[];

const chosenScenarios = (w: ExerciseWorld) => shuffled(scenarios, w, 'scenarios').slice(0, 4);

const chooseFlowExercise: Exercise = {
	slug: 'choose-flow',
	title: 'Choose the flow',
	summary: 'Four apps, one sentence each: which of Spotify’s flows does each need?',
	task: 'For each app, in order, write the flow on its own line: authorization code, authorization code with PKCE, or client credentials.',
	answerLabel: 'One flow per line',
	answerFormat: 'authorization code / PKCE / client credentials; four lines',
	rows: 5,
	given: (w) => chosenScenarios(w).map((s, i) => ({ label: `App ${i + 1}`, value: s.text })),
	hints: [
		'First: does the app act for a user (their profile, library, playback)? If not, it authenticates as itself.',
		'Then: can it keep a secret? Only code on a server you control can; browser, mobile, desktop and CLI code cannot.',
		'User + server: authorization code. User + no secret: PKCE. No user: client credentials. Never the implicit grant.'
	],
	solution: (w) =>
		chosenScenarios(w)
			.map((s) => flows.find((f) => f.slug === recommendFlow(s).slug)!.name)
			.join('\n'),
	grade: (answer, w) => {
		const chosen = chosenScenarios(w);
		const said = lines(answer);
		if (said.length !== chosen.length)
			return {
				passed: false,
				unreadable: `Write ${chosen.length} lines, one flow per app; this answer has ${said.length}.`,
				failures: []
			};
		const failures: Failure[] = [];
		chosen.forEach((s, i) => {
			const slug = flowOf(said[i]);
			const right = recommendFlow(s).slug;
			// PKCE on a server is fine too (RFC 9700 recommends it for every client).
			const accepted =
				slug === right || (right === 'authorization-code' && slug === 'authorization-code-pkce');
			if (accepted) return;
			if (!slug) {
				failures.push({
					id: 'unknown-flow',
					title: `App ${i + 1}: “${said[i]}” is not one of the flows`,
					rule: 'The flows: authorization code, authorization code with PKCE, client credentials.',
					sources: ['developer.spotify.com/documentation/web-api/concepts/authorization'],
					fix: 'Name one of them.'
				});
				return;
			}
			const canKeepSecret = s.secret && !['spa', 'mobile', 'desktop', 'cli'].includes(s.platform);
			const found = recognise({ kind: 'flow-choice', chosen: slug, user: s.user, canKeepSecret });
			if (found.length === 0)
				failures.push({
					id: 'other-flow',
					title: `App ${i + 1}: not the flow Spotify recommends`,
					detail: s.text,
					rule: recommendFlow(s).reason,
					sources: ['developer.spotify.com/documentation/web-api/concepts/authorization'],
					fix: 'Decide by user or not, then secret or not.'
				});
			for (const f of found) failures.push(fromEntry(f.mistake, `App ${i + 1}: ${s.text}`));
		});
		return fail(failures);
	},
	mistakes: flowMistakes,
	own: () => []
};

// --- error-triage ---

const triageErrors: readonly SpotifyErrorSlug[] = [
	'grant-type-missing',
	'invalid-client-malformed',
	'code-verifier-incorrect',
	'invalid-redirect-uri-token',
	'invalid-authorization-code',
	'illegal-scope',
	'insecure-redirect-uri',
	'code-verifier-required',
	'invalid-refresh-token'
];

type Step = 'authorize' | 'token' | 'refresh' | 'api-call';
const stepWords: Record<string, Step> = {
	authorize: 'authorize',
	authorization: 'authorize',
	'/authorize': 'authorize',
	token: 'token',
	exchange: 'token',
	'code exchange': 'token',
	'/api/token': 'token',
	refresh: 'refresh',
	'api-call': 'api-call',
	'web api': 'api-call',
	api: 'api-call'
};

function triage(w: ExerciseWorld) {
	const slug = shuffled(triageErrors, w, 'triage')[0];
	const behind = (mistakes as readonly MistakeEntry[]).filter(
		(m) => m.error === slug && m.kinds.length > 0
	);
	const right = shuffled(behind, w, 'right')[0];
	const others = shuffled(
		(mistakes as readonly MistakeEntry[]).filter(
			(m) => m.error && m.error !== slug && m.kinds.length > 0
		),
		w,
		'distractors'
	).slice(0, 3);
	const causes = shuffled([right, ...others], w, 'causes');
	const fixes = shuffled([right, ...others], w, 'fixes');
	const entry = getSpotifyError(slug);
	const step = entry.step === 'token' && /refresh/i.test(entry.text ?? '') ? 'refresh' : entry.step;
	return { slug, right, causes, fixes, step, behind };
}

const triageExercise: Exercise = {
	slug: 'error-triage',
	title: 'Triage a Spotify error',
	summary:
		'A pasted answer from Spotify: at which step did it happen, what caused it, what fixes it?',
	task: 'Write three lines: step: (authorize, token, refresh or api-call), cause: (the number of the cause), fix: (the number of the fix).',
	answerLabel: 'Step, cause and fix',
	answerFormat: 'step: token / cause: 2 / fix: 4',
	rows: 4,
	given: (w) => {
		const t = triage(w);
		const answer = spotifyAnswer(t.slug);
		return [
			{ label: 'Spotify answered', value: `${answer.status ?? ''} ${answer.text}`.trim() },
			...t.causes.map((m, i) => ({ label: `Cause ${i + 1}`, value: m.title })),
			...t.fixes.map((m, i) => ({ label: `Fix ${i + 1}`, value: m.fix }))
		];
	},
	hints: [
		'A JSON body with error and error_description comes from POST /api/token; a plain page from /authorize; {"error":{"status"…}} from the Web API.',
		'The error_description names what Spotify checked. The error decoder (/debug/errors) explains each answer.',
		'The cause and the fix belong together: the fix undoes that cause.'
	],
	solution: (w) => {
		const t = triage(w);
		return `step: ${t.step}\ncause: ${t.causes.indexOf(t.right) + 1}\nfix: ${t.fixes.indexOf(t.right) + 1}`;
	},
	grade: (answer, w) => {
		const t = triage(w);
		const read: Record<string, string> = {};
		for (const line of lines(answer)) {
			const m = /^(step|cause|fix)\s*[:=]\s*(.+)$/i.exec(line);
			if (m) read[m[1].toLowerCase()] = m[2].trim().toLowerCase();
		}
		if (!read.step || !read.cause || !read.fix)
			return {
				passed: false,
				unreadable: 'Write three lines: step: …, cause: <number>, fix: <number>.',
				failures: []
			};
		const failures: Failure[] = [];
		const step = stepWords[read.step];
		if (step !== t.step)
			failures.push({
				id: 'wrong-step',
				title: 'Not the step that answered',
				detail: `You wrote ${read.step}.`,
				rule: 'JSON with error and error_description comes from /api/token (an exchange or a refresh); a plain page from /authorize.',
				sources: [`/errors/${t.slug}`],
				fix: `The ${t.step} step.`
			});
		const cause = t.causes[Number(read.cause) - 1];
		if (!cause || cause.error !== t.slug)
			failures.push({
				id: 'wrong-cause',
				title: 'Not a cause of this answer',
				detail: cause
					? `“${cause.title}” makes Spotify answer ${spotifyAnswer(cause.error!).text}.`
					: `There is no cause ${read.cause}.`,
				rule: getSpotifyError(t.slug).causes[0],
				sources: [`/errors/${t.slug}`],
				fix: 'Match the answer’s text to what Spotify checked.'
			});
		const fix = t.fixes[Number(read.fix) - 1];
		if (!fix || fix.error !== t.slug)
			failures.push({
				id: 'wrong-fix',
				title: 'That fix does not undo this cause',
				rule: getSpotifyError(t.slug).fix,
				sources: [`/errors/${t.slug}`],
				fix: 'Pick the fix that belongs to the cause.'
			});
		return fail(failures);
	},
	mistakes: [],
	own: () => []
};

// --- spot-the-bug ---

interface Snippet {
	language: string;
	code: string;
	/** 1-based lines where the bug is. */
	lines: readonly number[];
	mistake: MistakeId;
}

const snippets: readonly Snippet[] = [
	{
		language: 'React',
		code: `function Callback() {
  const code = new URLSearchParams(location.search).get('code');
  useEffect(() => {
    exchangeCode(code).then(saveTokens);
  }, [code]);
  return <p>Signing you in…</p>;
}
// main.jsx: <React.StrictMode><App /></React.StrictMode>`,
		lines: [3, 4],
		mistake: 'code-reused'
	},
	{
		language: 'JavaScript (axios)',
		code: `const { data } = await axios.post(
  'https://accounts.spotify.com/api/token',
  { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
  { headers: { Authorization: 'Basic ' + btoa(CLIENT_ID + ':' + CLIENT_SECRET) } }
);
saveTokens(data);`,
		lines: [3],
		mistake: 'body-as-json'
	},
	{
		language: 'Node.js (a token-swap backend for a mobile app)',
		code: `app.post('/swap', async (req, res) => {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: req.body.code,
    redirect_uri: REDIRECT_URI,
    client_id: CLIENT_ID
  });
  const r = await fetch('https://accounts.spotify.com/api/token', { method: 'POST', body });
  res.status(r.status).send(await r.text());
});`,
		lines: [2, 3, 4, 5, 6, 7],
		mistake: 'missing-verifier'
	},
	{
		language: 'Python (spotipy)',
		code: `import spotipy
from spotipy.oauth2 import SpotifyOAuth

auth = SpotifyOAuth(client_id=CLIENT_ID, client_secret=CLIENT_SECRET,
                    redirect_uri='http://localhost:8888/callback',
                    scope='user-top-read')
sp = spotipy.Spotify(auth_manager=auth)`,
		lines: [5],
		mistake: 'insecure-redirect-uri'
	},
	{
		language: 'Python (requests)',
		code: `import base64, requests

credentials = f'{CLIENT_ID}:{CLIENT_SECRET}'.encode()
headers = {'Authorization': 'Basic ' + str(base64.b64encode(credentials))}
r = requests.post('https://accounts.spotify.com/api/token',
                  data={'grant_type': 'client_credentials'}, headers=headers)`,
		lines: [4],
		mistake: 'basic-bytes-repr'
	}
];

const snippetOf = (w: ExerciseWorld) => shuffled(snippets, w, 'snippet')[0];

const spotTheBugExercise: Exercise = {
	slug: 'spot-the-bug',
	title: 'Spot the bug',
	summary: 'A short piece of real-world client code that Spotify refuses: find the line.',
	task: 'Write the number of the line with the bug (a new attempt shows another snippet).',
	answerLabel: 'Line number',
	answerFormat: 'e.g. line 3',
	rows: 1,
	given: (w) => {
		const s = snippetOf(w);
		return [
			{ label: 'Language', value: s.language },
			{
				label: 'Code',
				value: s.code
					.split('\n')
					.map((l, i) => `${String(i + 1).padStart(2)}  ${l}`)
					.join('\n')
			}
		];
	},
	hints: [
		'Read what goes on the wire: the method, the body’s encoding, each header, each parameter.',
		'Compare with the rules of the step: the body is form-encoded, the Basic header is base64 text, a PKCE exchange sends code_verifier, a code is used once, localhost is refused.',
		'The catalog of mistakes (/debug) names each of these with Spotify’s answer.'
	],
	solution: (w) => {
		const s = snippetOf(w);
		const m = getMistake(s.mistake);
		return `line ${s.lines[s.lines.length > 1 ? 1 : 0] ?? s.lines[0]}: ${m.title}. ${m.fix}`;
	},
	grade: (answer, w) => {
		const s = snippetOf(w);
		const n = Number(/(\d+)/.exec(answer)?.[1] ?? NaN);
		if (Number.isNaN(n))
			return { passed: false, unreadable: 'Write the line number, e.g. line 3.', failures: [] };
		if (s.lines.includes(n))
			return {
				passed: true,
				failures: [],
				executed: `Right: ${getMistake(s.mistake).title}. ${getMistake(s.mistake).fix}`
			};
		return fail([
			{
				id: 'wrong-line',
				title: `Line ${n} is not where Spotify’s refusal comes from`,
				rule: 'Follow the request the code sends, part by part.',
				sources: ['/debug'],
				fix: 'Look again, with the hints.'
			}
		]);
	},
	mistakes: [],
	own: () => []
};

export const judgementExercises: readonly Exercise[] = [
	redirectExercise,
	triageExercise,
	chooseFlowExercise,
	spotTheBugExercise
];

export { snippets, scenarios };
