import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawnServer, type SpawnedServer } from '../spawn-server';

// With SPOTIFY_CLIENT_SECRET set, the relay adds the owner's secret for this site's own pages on
// this machine only: not for curl or any program (no Origin), not for another machine on the LAN
// (HOST=0.0.0.0), unless the operator allows it with GRANTWALK_RELAY_REMOTE=allow.
const secretEnv = {
	SPOTIFY_CLIENT_ID: 'client123',
	SPOTIFY_CLIENT_SECRET: 'beefcafebeefcafebeefcafebeefcafe'
};
const clientCredentials = {
	method: 'POST',
	url: 'https://accounts.spotify.com/api/token',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: { type: 'form', fields: [['grant_type', 'client_credentials']] }
};

/**
 * Asks for the server secret. `clientId: 'other'` makes the relay refuse at its next rule
 * (client-id-mismatch), after the caller's: so a caller that passes never reaches Spotify.
 */
async function askForSecret(
	request: APIRequestContext,
	server: SpawnedServer,
	headers: Record<string, string>,
	clientId?: string
) {
	const response = await request.post(`${server.url}/relay`, {
		headers: { 'content-type': 'application/json', ...headers },
		data: JSON.stringify({ request: clientCredentials, useServerSecret: true, clientId })
	});
	const body = (await response.json()) as { refused?: string; message?: string };
	return { status: response.status(), ...body };
}

test.describe('on this machine', () => {
	let server: SpawnedServer;
	test.beforeAll(async () => (server = await spawnServer(secretEnv)));
	test.afterAll(() => server.stop());

	test('a request without an Origin (curl, any program) gets no secret', async ({ request }) => {
		const answer = await askForSecret(request, server, {});
		expect(answer.status).toBe(403);
		expect(answer.refused).toBe('server-secret-not-allowed');
		expect(answer.message).toContain('Origin');
	});

	test("this site's own page passes the caller's rule", async ({ request }) => {
		const answer = await askForSecret(request, server, { origin: server.url }, 'other');
		expect(answer.refused).toBe('client-id-mismatch');
	});
});

test.describe('from another machine (the address a proxy reports)', () => {
	const proxied = { ...secretEnv, ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };
	const lan = { 'x-forwarded-for': '192.168.1.20' };

	test('is refused, with how to allow it', async ({ request }) => {
		const server = await spawnServer(proxied);
		try {
			const answer = await askForSecret(request, server, { origin: server.url, ...lan }, 'other');
			expect(answer.status).toBe(403);
			expect(answer.refused).toBe('server-secret-not-allowed');
			expect(answer.message).toContain('GRANTWALK_RELAY_REMOTE=allow');
			// The same page on the server itself passes.
			const local = { origin: server.url, 'x-forwarded-for': '127.0.0.1' };
			expect((await askForSecret(request, server, local, 'other')).refused).toBe(
				'client-id-mismatch'
			);
		} finally {
			await server.stop();
		}
	});

	test('passes with GRANTWALK_RELAY_REMOTE=allow, still from this site only', async ({
		request
	}) => {
		const server = await spawnServer({ ...proxied, GRANTWALK_RELAY_REMOTE: 'allow' });
		try {
			const page = await askForSecret(request, server, { origin: server.url, ...lan }, 'other');
			expect(page.refused).toBe('client-id-mismatch');
			expect((await askForSecret(request, server, lan)).refused).toBe('server-secret-not-allowed');
		} finally {
			await server.stop();
		}
	});
});
