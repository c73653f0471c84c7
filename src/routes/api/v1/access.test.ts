import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApiClient,
	demoStaff,
	patientWith,
	startServer,
	type DemoStaff,
	type TestServer
} from '$lib/server/testing/server';

let server: TestServer;
let staff: DemoStaff;
beforeAll(async () => {
	server = await startServer();
	staff = await demoStaff(server.url);
});
afterAll(() => server?.stop());

describe('access log', () => {
	it('records each staff opening; the patient sees who, and another patient sees nothing', async () => {
		const { patient, id } = await patientWith(server.url, 'I need a refill of my blood pressure pills');
		expect((await patient.request('GET', `/reports/${id}`)).json.views).toEqual([]);

		expect((await staff.support.request('GET', `/reports/${id}`)).status).toBe(200);
		expect((await staff.nurse.request('GET', `/reports/${id}`)).status).toBe(200);

		const views = (await patient.request('GET', `/reports/${id}`)).json.views as Record<string, unknown>[];
		expect(views).toEqual([
			expect.objectContaining({ name: 'Sam Lee', role: 'clinician', credential: 'RN', channel: 'telehealth' }),
			expect.objectContaining({ name: 'Alex Kim', role: 'support', channel: 'call_center' })
		]);
		// The patient opening their own report is not a staff access.
		expect((await patient.request('GET', `/reports/${id}`)).json.views).toHaveLength(2);

		const stranger = new ApiClient(server.url);
		await stranger.signupAndLogin();
		const other = await stranger.request('GET', `/reports/${id}`);
		expect(other.status).toBe(404);
		expect(JSON.stringify(other.json)).not.toContain('Sam Lee');
	});
});

describe('search', () => {
	it('finds a report by reference for staff, logs the listing, and refuses patients and bad input', async () => {
		const { patient, id } = await patientWith(server.url, 'Can I get a copy of my vaccination record?');
		const reference = (await patient.request('GET', `/reports/${id}`)).json.reference as string;

		const found = await staff.support.request('POST', '/search', { q: reference.toLowerCase() });
		expect(found.status).toBe(200);
		expect(found.json.results).toEqual([
			expect.objectContaining({ id, reference, status: 'open', statusLabel: 'Waiting', level: 'admin' })
		]);
		const views = (await patient.request('GET', `/reports/${id}`)).json.views as Record<string, unknown>[];
		expect(views).toEqual([expect.objectContaining({ name: 'Alex Kim', role: 'support' })]);

		expect((await patient.request('POST', '/search', { q: reference })).status).toBe(403);
		const empty = await staff.nurse.request('POST', '/search', { q: ' ' });
		expect(empty.status).toBe(422);
		expect(empty.json.error.message).toMatch(/Type a reference/);
		expect((await staff.nurse.request('POST', '/search', { q: 42 })).status).toBe(422);
	});
});
