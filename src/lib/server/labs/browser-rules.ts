/**
 * What a browser puts on the wire, as the standards say, for the labs' simulated browsers: the
 * Referer a document's requests carry, and the fragment a redirect inherits.
 */

/** The two policies the labs compare: the browsers' default, and the one that sends nothing. */
export type ReferrerPolicy = 'strict-origin-when-cross-origin' | 'no-referrer';

/**
 * The Referer sent from the document at `documentUrl` to `requestUrl` (W3C Referrer Policy): never
 * the fragment nor userinfo (RFC 9110 §10.1.3); the whole URL to the same origin; the origin alone
 * across origins; nothing from https to http; nothing at all with no-referrer.
 */
export function refererFor(
	documentUrl: string,
	policy: ReferrerPolicy,
	requestUrl: string
): string | null {
	if (policy === 'no-referrer') return null;
	const from = new URL(documentUrl);
	from.hash = '';
	from.username = '';
	from.password = '';
	const to = new URL(requestUrl);
	if (from.origin === to.origin) return from.href;
	if (from.protocol === 'https:' && to.protocol !== 'https:') return null;
	return `${from.origin}/`;
}

/**
 * Where a redirect lands: a Location without a fragment inherits the fragment of the URL that
 * was redirected (RFC 9110 §10.2.2), which is how an open redirector carries a token onward.
 */
export function redirectTarget(requestedUrl: string, location: string): string {
	const target = new URL(location, requestedUrl);
	if (target.hash === '') target.hash = new URL(requestedUrl).hash;
	return target.href;
}

/** The URL without its fragment: what history.replaceState puts back after reading a token. */
export function withoutFragment(url: string): string {
	const u = new URL(url);
	u.hash = '';
	return u.href;
}

/** The access token a URL carries in its fragment or query, if any. */
export function accessTokenIn(text: string | null): string | null {
	if (text === null) return null;
	return /[#&?]access_token=([^&\s"]+)/.exec(text)?.[1] ?? null;
}
