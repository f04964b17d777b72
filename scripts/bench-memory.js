// `npm run bench:memory [-- --duration 60 --target emulator|site|both --port 18511]`: is a server's memory flat
// under load? For the standalone emulator (the package's bin) and for the full site (the build,
// as `npm start` serves it), two consecutive runs at 100 connections on the token endpoint, with
// each run's peak resident memory. Flat means the second run's peak is no higher than the first's. Figures, not a test.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const autocannon = createRequire(import.meta.url)('autocannon');

/** @param {string} name @param {string} fallback */
function option(name, fallback) {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const duration = Number(option('duration', '60'));
const target = option('target', 'both');
/** Node flags to try against the defaults, e.g. --flags "--max-semi-space-size=2". */
const flags = option('flags', '').split(' ').filter(Boolean);
const connections = 100;
// The emulator on --port, the site on the next one: two people's runs on one machine need not collide.
const port = Number(option('port', '18511'));
// The demo app's published credentials (src/lib/spotify/demo-apps.ts): not a secret of anyone's.
const clientId = 'deadbeefcafe4bad8badf00d5eed1e55';
const clientSecret = 'a11ce5ec2e7a11ce5ec2e7a11ce5ec2e';

/** @param {number} pid */
function rssMb(pid) {
	try {
		const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} url
 */
function start(args, env, url) {
	const child = spawn(process.execPath, [...flags, ...args], {
		env: { ...process.env, NODE_ENV: 'production', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return new Promise((resolve, reject) => {
		const deadline = Date.now() + 30_000;
		const poll = async () => {
			try {
				await fetch(url);
				resolve(child);
			} catch {
				if (Date.now() > deadline) reject(new Error(`no start: ${args.join(' ')}`));
				else setTimeout(poll, 200);
			}
		};
		poll();
	});
}

/** @param {string} url */
function load(url) {
	const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
	return autocannon({
		url,
		method: 'POST',
		connections,
		duration,
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${basic}`
		},
		body: 'grant_type=client_credentials'
	});
}

/**
 * @param {string} name
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} base the emulator's mount
 */
async function measure(name, args, env, base) {
	const child = await start(args, env, `${base}/accounts/api/token`);
	const pid = /** @type {number} */ (child.pid);
	const at = rssMb(pid);
	const peaks = [];
	for (let run = 0; run < 2; run++) {
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
		const result = await load(`${base}/accounts/api/token`);
		clearInterval(sampler);
		peaks.push(Math.max(peak, rssMb(pid)));
		if (result.non2xx) console.log(`  (${result.non2xx} answers were not 2xx)`);
		console.log(
			`${name}: run ${run + 1}: ${Math.round(result.requests.average)} req/s, peak RSS ${peaks[run].toFixed(0)} MB`
		);
	}
	const flat = peaks[1] <= peaks[0];
	console.log(
		`${name} memory (RSS): ${at.toFixed(0)} MB at start; peaks ${peaks[0].toFixed(0)} then ${peaks[1].toFixed(0)} MB in two ${duration} s runs at ${connections} connections: ${flat ? 'flat' : `grew by ${(peaks[1] - peaks[0]).toFixed(0)} MB`}`
	);
	child.kill('SIGTERM');
	return flat;
}

console.log(`Node flags: ${flags.join(' ') || '(none)'}`);
if (target !== 'site')
	await measure(
		'standalone emulator',
		['bin/grantwalk-emulator.js', '--port', String(port)],
		{},
		`http://127.0.0.1:${port}/emulator`
	);
if (target !== 'emulator')
	await measure(
		'full site',
		['scripts/serve.js'],
		{ PORT: String(port + 1), HOST: '127.0.0.1' },
		`http://127.0.0.1:${port + 1}/emulator`
	);
