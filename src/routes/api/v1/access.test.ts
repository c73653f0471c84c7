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
		// Every opening is logged; the patient reads one line per person, with how many times.
		await staff.support.request('GET', `/reports/${id}`);
		const again = (await patient.request('GET', `/reports/${id}`)).json.views as Record<string, unknown>[];
		expect(again).toEqual([
			expect.objectContaining({ name: 'Alex Kim', times: 2 }),
			expect.objectContaining({ name: 'Sam Lee', times: 1 })
		]);

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

describe('a temporary password', () => {
	it('must be changed before the account can do anything else through the API', async () => {
		const admin = new ApiClient(server.url);
		await admin.login('admin@demo.test', 'demo-password-1');
		const email = `temp-${crypto.randomUUID().slice(0, 8)}@example.test`;
		const created = await admin.request('POST', '/staff/accounts', {
			email,
			password: 'chosen-by-the-admin',
			name: 'Robin Temp',
			kind: 'nurse',
			channel: 'telehealth'
		});
		expect(created.status).toBe(201);

		const nurse = new ApiClient(server.url);
		await nurse.login(email, 'chosen-by-the-admin');
		const blocked = await nurse.request('GET', '/queue/clinician');
		expect(blocked.status).toBe(403);
		expect(blocked.json.error.message).toMatch(/temporary password/);
		const mismatch = await nurse.request('POST', '/auth/password', {
			current: 'chosen-by-the-admin',
			password: 'robins-own-password',
			confirm: 'robins-own-passwort'
		});
		expect(mismatch.status).toBe(422);
		const changed = await nurse.request('POST', '/auth/password', {
			current: 'chosen-by-the-admin',
			password: 'robins-own-password',
			confirm: 'robins-own-password'
		});
		expect(changed.status).toBe(204);
		expect((await nurse.request('GET', '/queue/clinician')).status).toBe(200);
	});
});
