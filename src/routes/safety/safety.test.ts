import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff, patientWith, startServer, type DemoStaff, type TestServer } from '$lib/server/testing/server';

let server: TestServer;
let staff: DemoStaff;
let reference: string;
beforeAll(async () => {
	server = await startServer();
	staff = await demoStaff(server.url);
	// A routine report that a nurse raises: a failure to escalate the dashboard must show.
	const { id, report } = await patientWith(server.url, 'my knee is sore');
	reference = report.reference;
	const raised = await staff.nurse.request('POST', `/reports/${id}/level`, {
		level: 'urgent',
		reason: 'Her history worries me'
	});
	expect(raised.status, JSON.stringify(raised.json)).toBe(200);
});
afterAll(() => server?.stop());

const get = (path: string, token: string | null) =>
	fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });

describe('the safety dashboard', () => {
	it('shows admins and clinicians the failures of the period, with a link to each report', async () => {
		for (const who of ['admin', 'nurse'] as const) {
			const page = await get('/safety', staff[who].token);
			expect(page.status, who).toBe(200);
			const html = await page.text();
			expect(html).toContain('Failures to escalate');
			expect(html).toContain(reference);
			expect(html).toContain('Raised by a clinician');
		}
	});

	it('is not for support staff or patients', async () => {
		expect((await get('/safety', staff.support.token)).status).toBe(403);
		const { patient } = await patientWith(server.url, 'my knee is sore');
		expect((await get('/safety', patient.token)).status).toBe(403);
		expect((await get('/safety/failures.csv', patient.token)).status).toBe(403);
		expect((await get('/safety', null)).status).toBe(303);
	});

	it('downloads each table as the CSV of what the page shows', async () => {
		const csv = await get('/safety/failures.csv', staff.admin.token);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
		const lines = (await csv.text()).trimEnd().split('\r\n');
		expect(lines[0]).toBe('when,report,level,failure,detail');
		expect(lines.some((l) => l.includes(reference) && l.includes('Raised by a clinician'))).toBe(true);
		expect((await get('/safety/nothing.csv', staff.admin.token)).status).toBe(404);
	});

	it('answers a bad period with a message, never a 500', async () => {
		for (const query of [
			'from=yesterday',
			'from=2026-12-05&to=2026-12-01',
			'from=2020-01-01&to=2026-01-01',
			'clinic=nope'
		]) {
			const page = await get(`/safety?${query}`, staff.admin.token);
			expect(page.status, query).toBe(400);
			const csv = await get(`/safety/levels.csv?${query}`, staff.admin.token);
			expect(csv.status, query).toBe(400);
			expect(await csv.text()).toMatch(/[A-Z].+\./);
		}
	});
});
