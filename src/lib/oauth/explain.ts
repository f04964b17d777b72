/**
 * The catalog entry (src/lib/spotify/errors.ts) that explains a typed error: its title, likely
 * causes and fix. Looked up where an error is shown, from what the error carries (its slug where
 * the kind names one, else the wire values), so parsing an answer never needs the catalog.
 */
import {
	clientCheckErrors,
	findAuthorizePageError,
	findRedirectError,
	findTokenError,
	findWebApiError,
	spotifyErrors
} from '$lib/spotify/errors';
import type { ErrorExplanation, OAuthErrorData } from './errors';

const bySlug = new Map<string, ErrorExplanation>(
	[...spotifyErrors, ...clientCheckErrors].map((e) => [e.slug, e])
);

/** The catalog's explanation of an error, or undefined when the catalog does not know it. */
export function explainError(error: OAuthErrorData | undefined): ErrorExplanation | undefined {
	if (error === undefined) return undefined;
	if (error.slug !== undefined) return bySlug.get(error.slug);
	const description = error.error_description;
	switch (error.kind) {
		case 'authorize-page':
			return description === undefined ? undefined : findAuthorizePageError(description);
		case 'token-response':
			return findTokenError(error.error, description);
		case 'web-api':
			return error.status === null ? undefined : findWebApiError(error.status, description);
		case 'authorization-response':
			return findRedirectError(error.error);
		default:
			return undefined;
	}
}
