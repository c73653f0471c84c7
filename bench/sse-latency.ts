/**
 * `npm run bench:sse`: time from submitting an urgent report to the
 * clinician's live queue event, over N submissions on loopback.
 * Target (DESIGN.md): p99 under 100 ms.
 */
import { ApiClient, startServer } from '../src/lib/server/testing/server';
import { SseClient } from '../src/lib/server/testing/sse';

const N = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const server = await startServer({ LOG_LEVEL: 'warn' });
try {
	const nurse = new ApiClient(server.url);
	await nurse.login('nurse@demo.test', 'demo-password-1');
	const events = await SseClient.connect(`${server.url}/api/v1/events`, nurse.token!);
	const patient = new ApiClient(server.url);
	await patient.signupAndLogin();

	const samples: number[] = [];
	for (let i = 0; i < N; i += 1) {
		const id = crypto.randomUUID();
		const started = performance.now();
		const arrived = events.next((m) => m.data?.reportId === id && m.data?.type === 'triaged');
		const res = await patient.request('POST', '/reports', {
			id,
			emergencyScreen: [],
			description: 'stomach pain and blood in stool'
		});
		if (res.status !== 201) throw new Error(`submit failed: ${res.status}`);
		await arrived;
		samples.push(performance.now() - started);
	}
	await events.close();
	samples.sort((a, b) => a - b);
	const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
	console.log(`submission → clinician SSE event, ${N} urgent reports on loopback`);
	console.log(
		`median ${q(0.5).toFixed(1)} ms   p90 ${q(0.9).toFixed(1)} ms   p99 ${q(0.99).toFixed(1)} ms   max ${samples.at(-1)!.toFixed(1)} ms`
	);
	console.log(`p99 target < 100 ms: ${q(0.99) < 100 ? 'met' : 'NOT met'}`);
} finally {
	await server.stop();
}
