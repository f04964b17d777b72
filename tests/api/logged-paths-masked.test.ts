import { expect, test } from '@playwright/test';
import { spawnServer, type SpawnedServer } from '../spawn-server';

// SvelteKit logs the path of every 404 and 500. A secret or token pasted into a URL's path must
// reach the server's log masked (DESIGN.md: a client secret never appears in a log line).
const secret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';
const token = 'BQDx3kZ8v_Qm0jY2rT5uWnP9-aLcEf4hGi7oKs1bNd6eXy0zVw2tUq3rSp8oNm5lKj4iHg7fEd0cBa9Zy';

let server: SpawnedServer;
test.beforeAll(async () => (server = await spawnServer()));
test.afterAll(() => server.stop());

test('a 404 for a path holding a client secret or a token is logged with them masked', async ({
	request
}) => {
	for (const [path, logged] of [
		[`/callback/${secret}`, '[404] GET /callback/REDACTED'],
		[`/errors/x/${token}`, '[404] GET /errors/x/REDACTED'],
		[`/nothing-here;client_secret=s3cr3t-value`, '[404] GET /nothing-here;client_secret=REDACTED']
	]) {
		expect((await request.get(`${server.url}${path}`)).status(), path).toBe(404);
		await expect.poll(() => server.output(), { message: path }).toContain(logged);
	}
	const output = server.output();
	for (const leak of [secret, token, 's3cr3t-value']) expect(output).not.toContain(leak);
});
