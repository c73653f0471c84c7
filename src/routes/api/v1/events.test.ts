import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startServer, type TestServer } from '$lib/server/testing/server';
import { SseClient } from '$lib/server/testing/sse';

let server: TestServer;
const nurse = () => login('nurse@demo.test');
async function login(email: string) {
	const client = new ApiClient(server.url);
	await client.login(email, 'demo-password-1');
	return client;
}
async function newPatient() {
	const client = new ApiClient(server.url);
	await client.signupAndLogin();
	return client;
}
const stream = (client: ApiClient, lastEventId?: string) =>
	SseClient.connect(`${server.url}/api/v1/events`, client.token!, lastEventId);

beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('GET /api/v1/events', () => {
	it('tells a connected clinician about an urgent report as soon as it is submitted', async () => {
		const events = await stream(await nurse());
		const patient = await newPatient();
		const created = await patient.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'stomach pain and blood in stool'
		});
		const message = await events.next((m) => m.data?.reportId === created.json.id && m.data?.type === 'triaged');
		expect(message.data).toMatchObject({ queue: 'clinician', level: created.json.level, status: 'open' });
		expect(message.id).toMatch(/^\d+$/);
		// No health details travel on the stream.
		expect(JSON.stringify(events.messages)).not.toMatch(/stomach|blood|Test Patient/);
		await events.close();
	});

	it('resumes with Last-Event-ID and delivers what was missed while disconnected', async () => {
		const first = await stream(await nurse());
		const patient = await newPatient();
		const a = await patient.request('POST', '/reports', {
			emergencyScreen: [],
			description: 'sudden sharp rib pain when I breathe'
		});
		await first.next((m) => m.data?.reportId === a.json.id && m.data?.type === 'triaged');
		const resumeFrom = first.lastId!;
		await first.close();

		const b = await patient.request('POST', '/reports', { emergencyScreen: ['chest_pain'], description: '' });
		const resumed = await stream(await nurse(), resumeFrom);
		const missed = await resumed.next((m) => m.data?.reportId === b.json.id && m.data?.type === 'triaged');
		expect(missed.data).toMatchObject({ level: 'emergency' });
		// Nothing from before the resume point is sent again.
		expect(resumed.messages.some((m) => m.data?.reportId === a.json.id)).toBe(false);
		await resumed.close();
	});

	it('sends a patient only events of their own reports', async () => {
		const alice = await newPatient();
		const bob = await newPatient();
		const aliceEvents = await stream(alice);
		const mine = await alice.request('POST', '/reports', { emergencyScreen: [], description: 'my ear hurts a bit' });
		const theirs = await bob.request('POST', '/reports', { emergencyScreen: [], description: 'my knee hurts a bit' });
		await aliceEvents.next((m) => m.data?.reportId === mine.json.id);
		const staff = await nurse();
		await staff.request('POST', `/reports/${mine.json.id}/claim`);
		const claimed = await aliceEvents.next((m) => m.data?.reportId === mine.json.id && m.data?.type === 'claimed');
		expect(claimed.data).toEqual({ type: 'claimed', reportId: mine.json.id, status: 'claimed' });
		expect(aliceEvents.messages.some((m) => m.data?.reportId === theirs.json.id)).toBe(false);
		await aliceEvents.close();
	});

	it('tells support staff only that the clinician queue changed', async () => {
		const support = await login('support@demo.test');
		const events = await stream(support);
		const patient = await newPatient();
		await patient.request('POST', '/reports', { emergencyScreen: ['seizure'], description: '' });
		const ping = await events.next((m) => m.data?.type === 'queue_changed');
		expect(ping.data).toEqual({ type: 'queue_changed', queue: 'clinician' });
		await events.close();
	});

	it('requires a session', async () => {
		const res = await fetch(`${server.url}/api/v1/events`);
		expect(res.status).toBe(401);
	});
});
