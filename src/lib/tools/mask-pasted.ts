/**
 * Masks a pasted request beyond the shapes core/masking.ts knows: the secret the request really
 * carries, wherever it is written. Code such as `b64encode(b'id:secret')` or `btoa(id + ':' +
 * 'secret')` holds the secret in no `client_secret=` and no Basic header; once the request is read,
 * its secret is known, and every occurrence of it is masked.
 */
import { decodeBase64Utf8 } from '$lib/core/encoding';
import { MASK, maskSecrets } from '$lib/core/masking';
import { readTokenAnswer } from './exercises/read-answer';

/** The client secrets a pasted request carries (Basic header decoded, or client_secret). */
export function pastedSecrets(text: string): string[] {
	const read = readTokenAnswer(text);
	if (!read.ok) return [];
	const { subject } = read.value;
	const found: string[] = [];
	const decoded = subject.basic?.decoded ?? decodeBase64Utf8(subject.basic?.credentials ?? '');
	const colon = decoded?.indexOf(':') ?? -1;
	if (decoded && colon >= 0) found.push(decoded.slice(colon + 1).trim());
	for (const [name, value] of subject.fields) if (name === 'client_secret') found.push(value);
	// Short values would mask innocent text; Spotify's secrets have 32 characters.
	return found.filter((s) => s.length >= 8 && !s.includes(MASK));
}

/** maskSecrets(), and the request's own secret wherever it is written. */
export function maskPasted(text: string): { text: string; masked: boolean } {
	let out = text;
	for (const secret of pastedSecrets(text)) out = out.split(secret).join(MASK);
	const masked = maskSecrets(out);
	return { text: masked.text, masked: masked.text !== text };
}
