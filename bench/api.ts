/**
 * `npm run bench:api`: throughput of POST /api/v1/reports against a bare
 * node:http + better-sqlite3 insert server with the same durability, in the
 * same run on the same machine. Target (DESIGN.md): at least half the bare rate.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ApiClient, startServer } from '../src/lib/server/testing/server';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const body = JSON.stringify({
	emergencyScreen: [],
	description: 'I have had a mild sore throat and a runny nose for three days, no fever, drinking fine.',
	severity: 3
});

async function load(url: string, headers: Record<string, string>) {
	const result = await autocannon({
		url,
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
		connections: CONNECTIONS,
		duration: DURATION_S
	});
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}

async function bare() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearline-bare-'));
	const port = 40_000 + Math.floor(Math.random() * 10_000);
	const child = fork(path.resolve('bench/bare-server.js'), {
		env: { ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, 'bare.db') }
	});
	await new Promise((resolve) => child.once('message', resolve));
	try {
		return await load(`http://127.0.0.1:${port}/`, {});
	} finally {
		child.kill();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

async function clearline() {
	const server = await startServer({ LOG_LEVEL: 'warn' });
	try {
		const patient = new ApiClient(server.url);
		await patient.signupAndLogin();
		return await load(`${server.url}/api/v1/reports`, { authorization: `Bearer ${patient.token}` });
	} finally {
		await server.stop();
	}
}

const baseline = await bare();
const ours = await clearline();
const row = (name: string, r: typeof ours) =>
	`${name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`;
console.log(`POST throughput, ${CONNECTIONS} connections, ${DURATION_S} s each, WAL + synchronous=FULL`);
console.log(row('bare node:http + sqlite', baseline));
console.log(row('Clearline POST /reports', ours));
const ratio = ours.rps / baseline.rps;
console.log(`ratio ${ratio.toFixed(2)} (target >= 0.50): ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
