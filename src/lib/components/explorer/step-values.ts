/**
 * The values a step makes or checks, as the explorer shows them where they are made: PKCE's
 * verifier and its SHA-256 (hex) and challenge, the `state` as made and as checked, the Basic
 * header's `client_id:client_secret` before encoding. Pure (the digest is passed in), so it is
 * tested without a browser.
 */
import type { FlowContext, StepId } from '$lib/flows/types';
import { base64, base64url, hex } from '$lib/core/encoding';
import { getHeader } from '$lib/oauth/http';
import { decodeBasicAuthorization, HIDDEN } from '$lib/core/masking';

export interface ShownValue {
	/** The wire name (`code_verifier`) or a description of the value. */
	name: string;
	value: string;
	/** How it was made or what it is checked against, in a sentence. */
	note?: string;
	/** A value to copy (never a hidden secret). */
	copy?: boolean;
	/** Marks the value that differs from what Spotify computes. */
	wrong?: boolean;
}

/** PKCE step 1: verifier, its SHA-256, and the challenge sent (with base64 switched on, both). */
export function pkceValues(context: FlowContext, digest: Uint8Array | undefined): ShownValue[] {
	const verifier = context.codeVerifier;
	const challenge = context.codeChallenge;
	if (!verifier || !challenge) return [];
	const values: ShownValue[] = [
		{
			name: 'code_verifier',
			value: verifier,
			note: `${verifier.length} random characters from A–Z a–z 0–9 - . _ ~, kept by the app until the exchange`,
			copy: true
		}
	];
	if (!digest) return values;
	const right = base64url(digest);
	values.push({
		name: 'SHA-256(code_verifier), hex',
		value: hex(digest),
		note: '32 bytes, hashed from the verifier’s ASCII text'
	});
	if (context.mistakes.plainChallenge)
		values.push({
			name: 'code_challenge (as this run sends it)',
			value: verifier,
			note: '“Plain challenge” is on: the verifier itself with method plain, which Spotify refuses (S256 only)',
			copy: true,
			wrong: true
		});
	if (challenge === right)
		values.push({
			name: 'code_challenge',
			value: challenge,
			note: 'base64url of the 32 bytes, without = padding (43 characters)',
			copy: true
		});
	else {
		values.push({
			name: 'code_challenge (as this run sends it)',
			value: challenge,
			note:
				challenge === base64(digest)
					? 'standard base64: “+”, “/” and “=” padding, which Spotify does not decode as the challenge'
					: 'not the S256 of this verifier',
			copy: true,
			wrong: true
		});
		values.push({
			name: 'code_challenge (what Spotify computes)',
			value: right,
			note: 'base64url: “-” for “+”, “_” for “/”, no padding',
			copy: true
		});
	}
	return values;
}

/** The query parameter `name` of a URL, if it has one. */
function param(url: string | undefined, name: string): string | null {
	if (!url) return null;
	const parsed = new URL(url);
	return (
		parsed.searchParams.get(name) ?? new URLSearchParams(parsed.hash.slice(1)).get(name) ?? null
	);
}

/** The values a step makes or checks, for the step shown. */
export function stepValues(
	step: StepId | undefined,
	context: FlowContext,
	options: { digest?: Uint8Array; reveal: boolean }
): ShownValue[] {
	switch (step) {
		case 'create-verifier':
			return pkceValues(context, options.digest);
		case 'request-authorization':
			return context.mistakes.omitState
				? [
						{
							name: 'state',
							value: '(none)',
							note: '“No state” is on: the callback cannot tell the app’s own answer from a forged one',
							wrong: true
						}
					]
				: [
						{
							name: 'state',
							value: context.state,
							note: 'made here at random and kept in this tab, to be checked when the callback comes back',
							copy: true
						}
					];
		case 'receive-callback':
		case 'token-in-fragment': {
			if (!context.callbackUrl) return [];
			const back = param(context.callbackUrl, 'state');
			if (context.mistakes.omitState)
				return [
					{
						name: 'state',
						value: back ?? '(none)',
						note: 'nothing to check it against: “No state” is on, so a forged callback would pass',
						wrong: true
					}
				];
			return [
				{
					name: 'state (came back)',
					value: back ?? '(none)',
					note:
						back === context.state
							? `matches the state made at step 2: this is the answer to this tab's request`
							: `differs from the state made at step 2 (${context.state}): refused as a possible forgery`,
					wrong: back !== context.state
				}
			];
		}
		case 'request-token':
		case 'exchange-code':
		case 'refresh-token': {
			const request = context.pending?.request ?? context.exchanges.findLast(sentAt(step))?.request;
			const basic = decodeBasicAuthorization(getHeader(request?.headers ?? {}, 'authorization'));
			if (!basic) return [];
			return [
				{
					name: 'client_id:client_secret',
					value: `${basic.clientId}:${options.reveal ? basic.clientSecret : HIDDEN}`,
					note: 'joined with a colon, then base64-encoded into “Authorization: Basic …”'
				}
			];
		}
		default:
			return [];
	}
}

const sentAt = (step: StepId) => (exchange: FlowContext['exchanges'][number]) =>
	step === 'refresh-token' ? exchange.purpose === 'refresh' : exchange.purpose === 'token';
