/**
 * Issue 15's walk: two instances of the built site sharing the emulator's state on one real
 * redis-server (EMULATOR_STORE), behind a round-robin proxy written here, and every flow of the
 * explorer run to its end in Chromium through the proxy's origin, the emulator's login and
 * consent pages in between; and a follower at one instance follows a presenter at the other.
 * Locally a missing redis-server skips it; under CI=true it fails.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	freePort,
	hasRedis,
	missingRedis,
	redisRequired,
	startRedis
} from '../../src/lib/server/emulator/shared/redis.test-helpers';
import { expect, test } from '../fixtures';
import { spawnServer, type SpawnedServer } from '../spawn-server';
import {
	expectMachineState,
	expectStep,
	latestExchange,
	loginAndConsent,
	nextByKey,
	openFlow
} from './explorer';

if (!hasRedis && !redisRequired)
	console.warn(
		`Skipping the two-instance walk (tests/e2e/two-instances-on-redis.test.ts): ${missingRedis}`
	);

interface Forwarded {
	method: string;
	path: string;
	/** Which instance answered: 0 or 1. */
	instance: number;
	status: number;
	location: string;
}

/**
 * A round-robin reverse proxy: each request goes to the next instance in turn, its method, path,
 * headers (Host included) and body streamed as they came, and the answer (redirects too) relayed
 * as it is. The emulator's requests and the site's take turns separately, as a load balancer's
 * route pools would: the site's pages and scripts load several at once, and their order would
 * otherwise decide which instance each emulator request meets.
 */
function roundRobinProxy(ports: number[], log: Forwarded[]): Server {
	const turns = { emulator: 0, site: 0 };
	return createServer((req, res) => {
		const path = req.url ?? '/';
		const pool = path.startsWith('/emulator/') ? 'emulator' : 'site';
		const instance = turns[pool]++ % ports.length;
		const upstream = forward(
			{ host: '127.0.0.1', port: ports[instance], method: req.method, path, headers: req.headers },
			(answer) => {
				log.push({
					method: req.method ?? 'GET',
					path,
					instance,
					status: answer.statusCode ?? 0,
					location: String(answer.headers.location ?? '')
				});
				res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
				answer.pipe(res);
			}
		);
		upstream.on('error', () => {
			if (!res.headersSent) res.writeHead(502);
			res.end();
		});
		req.pipe(upstream);
	});
}

/** Polls `url` until it answers 200 (an instance's emulator once it has reached Redis). */
async function untilAnswered(url: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		const status = await fetch(url).then(
			(response) => response.status,
			() => 0
		);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${url} never answered 200`);
}

test.describe('two instances on one Redis, behind a round-robin proxy', () => {
	// One Redis and two instances for the file: its tests run one after another in one worker.
	// Each request here costs a hop and a few Redis round trips more, beside the other workers.
	test.describe.configure({ mode: 'default', timeout: 90_000 });
	test.skip(!hasRedis && !redisRequired, missingRedis);

	let redis: ChildProcess | undefined;
	const instances: SpawnedServer[] = [];
	let proxy: Server;
	let origin = '';
	const log: Forwarded[] = [];

	test.beforeAll(async () => {
		test.setTimeout(60_000);
		if (!hasRedis) throw new Error(missingRedis);
		const redisPort = await freePort();
		redis = await startRedis(redisPort);
		const store = `redis://127.0.0.1:${redisPort}/0`;
		instances.push(
			...(await Promise.all([0, 1].map(() => spawnServer({ EMULATOR_STORE: store }))))
		);
		// Each instance connects to Redis on its first emulator request; on a loaded machine that
		// can outlast the 1.5 s in which an answer must come (else 503), so wait for both, as a
		// load balancer's health check would, before the walk.
		for (const instance of instances) await untilAnswered(`${instance.url}/emulator/control`);
		proxy = roundRobinProxy(
			instances.map((instance) => Number(new URL(instance.url).port)),
			log
		);
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	});

	test.afterAll(async () => {
		proxy?.close();
		await Promise.all(instances.map((instance) => instance.stop()));
		redis?.kill('SIGKILL');
	});

	const contexts: BrowserContext[] = [];
	test.afterEach(async () => {
		await Promise.all(contexts.splice(0).map((context) => context.close()));
	});

	/** A browser of its own (own cookies, so its own sandbox), on the proxy's origin. */
	async function browse(browser: Browser): Promise<{ page: Page; since: number }> {
		const context = await browser.newContext({ baseURL: origin });
		contexts.push(context);
		return { page: await context.newPage(), since: log.length };
	}

	/**
	 * This test's requests to the emulator, each pool (the emulator's, the site's) having landed on
	 * both instances: the proxy really alternated.
	 */
	function emulatorRequests(since: number): Forwarded[] {
		const mine = log.slice(since);
		const emulator = mine.filter((entry) => entry.path.startsWith('/emulator/'));
		const site = mine.filter((entry) => !entry.path.startsWith('/emulator/'));
		for (const pool of [emulator, site]) {
			const served = new Set(pool.map((entry) => entry.instance));
			expect([...served].sort(), JSON.stringify(pool)).toEqual([0, 1]);
		}
		return emulator;
	}

	/** The instance whose consent answer carried the code (or token), and the one that used it. */
	function issuedAndUsed(mine: Forwarded[], carries: RegExp, uses: RegExp) {
		const issued = mine.find((entry) => carries.test(entry.location));
		const used = mine.find(
			(entry) =>
				issued &&
				mine.indexOf(entry) > mine.indexOf(issued) &&
				uses.test(`${entry.method} ${entry.path}`)
		);
		expect(issued, JSON.stringify(mine)).toBeTruthy();
		expect(used, JSON.stringify(mine)).toBeTruthy();
		return { issuedBy: issued!.instance, usedBy: used!.instance };
	}

	test('a follower on one instance follows a presenter on the other, and its pulse reaches the presenter', async ({
		browser
	}) => {
		// Each browser straight at one instance: the room opened and published at the first, the
		// follower's stream and pulse at the second, so only Redis carries the room between them.
		const [first, second] = instances.map((instance) => instance.url);
		const presenterContext = await browser.newContext({ baseURL: first });
		const followerContext = await browser.newContext({ baseURL: second });
		try {
			const page = await presenterContext.newPage();
			await openFlow(page, 'client-credentials', '?present&seed=two-instances');
			await page.getByRole('button', { name: 'Open a follow room' }).click();
			const href = (await page.getByTestId('follow-link').getAttribute('href'))!;
			expect(new URL(href).origin).toBe(first);

			const follower = await followerContext.newPage();
			await follower.goto(new URL(href).pathname + new URL(href).search);
			await expect(follower.getByTestId('follow-bar')).toContainText('The presenter is at step 1');
			await expect(page.getByTestId('follow-room')).toContainText('1 following');

			for (let i = 0; i < 2; i++) {
				await nextByKey(page);
				await expect(page.getByTestId('explorer')).toHaveAttribute('aria-busy', 'false');
				const state = (await page.getByTestId('machine-state').textContent())!;
				// follow-along.test.ts holds a follower to the second; here the point is the
				// crossing between instances, with a hop through Redis on a loaded machine.
				await expect(follower.getByTestId('machine-state')).toHaveText(state, {
					timeout: 3000
				});
			}
			await expectStep(page, 2, 2, /Call the Web API/);
			await expectStep(follower, 2, 2, /Call the Web API/);
			// The same seed, so the follower's own sandbox (on the other instance) shows the
			// projector's token.
			const projector = (await page.getByTestId('access-token').textContent())?.trim();
			expect(projector).toMatch(/^BQ/);
			await expect(follower.getByTestId('access-token')).toHaveText(projector!);

			await follower.getByRole('button', { name: 'Done' }).click();
			await expect(page.getByTestId('follow-room')).toContainText('1 done · 0 stuck');
		} finally {
			await presenterContext.close();
			await followerContext.close();
		}
	});

	test('authorization code: the code issued by one instance is exchanged at the other', async ({
		browser
	}) => {
		const { page, since } = await browse(browser);
		await openFlow(page, 'authorization-code');
		await expectStep(page, 1, 6, 'Send the user to Spotify');
		await nextByKey(page);
		await loginAndConsent(page);
		await expectStep(page, 3, 6, 'Receive the callback');
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'callWebApi.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'refreshToken.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await expect(page.getByTestId('flow-complete')).toContainText('3 requests sent');

		const { issuedBy, usedBy } = issuedAndUsed(
			emulatorRequests(since),
			/[?&]code=/,
			/^POST \/emulator\/accounts\/api\/token/
		);
		expect(usedBy).not.toBe(issuedBy);
	});

	test('PKCE, seeded: verifier, login and consent, exchange and refresh across instances', async ({
		browser
	}) => {
		const { page, since } = await browse(browser);
		// A seeded run: its code and tokens are derived from the seed, whichever instance issues them.
		await openFlow(page, 'authorization-code-pkce', '?seed=two-instances');
		await expect(page.getByTestId('seed-badge')).toContainText('two-instances');
		await expectStep(page, 1, 7, 'Create a code verifier and challenge');
		await nextByKey(page);
		await nextByKey(page);
		await loginAndConsent(page);
		await expectStep(page, 4, 7, 'Receive the callback');
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'exchangeCode.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await nextByKey(page);
		await nextByKey(page);
		await expect(latestExchange(page)).toContainText('GET /emulator/api/v1/me');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await nextByKey(page);
		await nextByKey(page);
		await expectMachineState(page, 'refreshToken.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');

		issuedAndUsed(emulatorRequests(since), /[?&]code=/, /^POST \/emulator\/accounts\/api\/token/);
	});

	test('client credentials: the token from one instance calls the Web API at the other', async ({
		browser
	}) => {
		const { page, since } = await browse(browser);
		await openFlow(page, 'client-credentials');
		await nextByKey(page);
		await expectMachineState(page, 'requestToken.done');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');
		await nextByKey(page);
		await nextByKey(page);
		await expectStep(page, 2, 2, 'Call the Web API');
		await expect(latestExchange(page)).toContainText('GET /emulator/api/v1/artists/');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');

		const mine = emulatorRequests(since);
		const token = mine.findLast((entry) => entry.path.startsWith('/emulator/accounts/api/token'));
		const api = mine.findLast((entry) => entry.path.startsWith('/emulator/api/v1/artists/'));
		expect(token && api && token.instance !== api.instance, JSON.stringify(mine)).toBe(true);
	});

	test('implicit grant (classic era): the token in the fragment works at either instance', async ({
		browser
	}) => {
		const { page, since } = await browse(browser);
		await openFlow(page, 'implicit-grant');
		await expectStep(page, 1, 4, 'Send the user to Spotify');
		await nextByKey(page);
		await loginAndConsent(page);
		await expectStep(page, 3, 4, /token/i);
		await expect(page.getByRole('region', { name: 'The redirect back' })).toContainText(
			'#access_token='
		);
		await nextByKey(page);
		await nextByKey(page);
		await expect(latestExchange(page)).toContainText('GET /emulator/api/v1/me');
		await expect(latestExchange(page).getByTestId('status-line')).toContainText('200');

		issuedAndUsed(emulatorRequests(since), /#access_token=/, /^GET \/emulator\/api\/v1\/me/);
	});
});
