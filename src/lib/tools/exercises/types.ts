/** The shapes the grader, its executor and the exercise pages share. */
import type { SpotifyErrorSlug } from '$lib/spotify/errors';

/** Where the browser would have ended up after /authorize. */
export type AuthorizeOutcome =
	| { kind: 'page'; status: number; text: string; error?: SpotifyErrorSlug }
	| { kind: 'redirect-error'; location: string; error: string }
	| { kind: 'code'; location: string; code: string; state: string | null };

export interface TokenOutcome {
	status: number;
	body: string;
	json?: Record<string, unknown>;
	error?: SpotifyErrorSlug;
}

/** A request as it goes on the wire to /api/token (the path is always the emulator's). */
export interface WireRequest {
	method: string;
	headers: Record<string, string>;
	body: string;
	query?: string;
}

/** The emulator behind the grader (src/lib/server/exercises/executor.ts), injected. */
export interface Executor {
	authorize(query: URLSearchParams): AuthorizeOutcome;
	/** The code the exercise's own app got at /authorize (with its challenge when `pkce`). */
	code(pkce: boolean): string;
	/** A refresh token of the attempt's refreshing app. */
	refreshToken(): string;
	token(request: WireRequest): TokenOutcome;
	/** The dashboard's verdict on registering `uri` for the attempt's era. */
	dashboardAccepts(uri: string): { ok: true } | { ok: false; message: string };
}
