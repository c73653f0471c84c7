import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApiClient,
	demoStaff,
	patientWith as demoPatientWith,
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

const patientWith = (description: string, emergencyScreen: string[] = []) =>
	demoPatientWith(server.url, description, emergencyScreen);

const URGENT = 'stomach pain and blood in stool since this morning';
const ROUTINE = 'I have had a mild sore throat for two days, no fever';
const inQueue = async (client: ApiClient, queue: string, id: string) =>
	((await client.request('GET', `/queue/${queue}`)).json.reports as { id: string }[]).some((r) => r.id === id);

describe('routing to queues', () => {
	it('puts an urgent report in the clinician queue and not the support queue', async () => {
		const { id, report } = await patientWith(URGENT);
		expect(['urgent', 'emergency']).toContain(report.level);
		expect(await inQueue(staff.nurse, 'clinician', id)).toBe(true);
		expect(await inQueue(staff.nurse, 'support', id)).toBe(false);
	});

	it('orders the queue by level, then oldest first', async () => {
		await patientWith(URGENT);
		await patientWith('', ['chest_pain']);
		const rows = (await staff.nurse.request('GET', '/queue/clinician')).json.reports as {
			level: string;
			createdAt: string;
		}[];
		const rank = (l: string) => ['emergency', 'urgent', 'routine', 'admin'].indexOf(l);
		for (let i = 1; i < rows.length; i += 1) {
			const [a, b] = [rows[i - 1]!, rows[i]!];
			expect(rank(a.level) < rank(b.level) || (a.level === b.level && a.createdAt <= b.createdAt)).toBe(true);
		}
	});

	it('shows queue rows with what staff need and no more', async () => {
		const { id } = await patientWith(URGENT);
		const row = ((await staff.nurse.request('GET', '/queue/clinician')).json.reports as Record<string, unknown>[]).find(
			(r) => r.id === id
		)!;
		expect(row).toMatchObject({
			status: 'open',
			overdue: false,
			// The date of birth is how the nurse checks who answered the phone.
			patient: {
				firstName: 'Test',
				age: expect.any(Number),
				dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
			},
			firstWords: expect.any(String),
			raisedBy: null
		});
		expect((row.reasons as unknown[]).length).toBeGreaterThan(0);
		expect(JSON.stringify(row)).not.toMatch(/password|hash|email/i);
	});

	it('keeps the clinician queue from support staff and patients', async () => {
		expect((await staff.support.request('GET', '/queue/clinician')).status).toBe(403);
		const { patient } = await patientWith(ROUTINE);
		expect((await patient.request('GET', '/queue/support')).status).toBe(403);
	});
});

describe('support staff cannot bury urgent work', () => {
	it('answers 403 to claim, resolve and level changes on an urgent report', async () => {
		const { id } = await patientWith(URGENT);
		const claim = await staff.support.request('POST', `/reports/${id}/claim`);
		expect(claim.status).toBe(403);
		expect(claim.json.error.code).toBe('forbidden');
		const resolve = await staff.support.request('POST', `/reports/${id}/resolve`, {
			outcome: 'told to wait',
			disposition: 'no_action'
		});
		expect(resolve.status).toBe(403);
		const lower = await staff.support.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reason: 'seems fine to me on the phone honestly'
		});
		expect(lower.status).toBe(403);
		const call = await staff.support.request('POST', `/reports/${id}/contact-attempts`, { outcome: 'reached' });
		expect(call.status).toBe(403);
		const view = await staff.nurse.request('GET', `/reports/${id}`);
		expect(view.json.status).toBe('open');
		expect(['urgent', 'emergency']).toContain(view.json.level);
	});

	it('answers 403 when a support-held report becomes urgent and support tries to resolve it', async () => {
		const { patient, id } = await patientWith(ROUTINE);
		expect((await staff.support.request('POST', `/reports/${id}/claim`)).status).toBe(200);
		const note = await staff.support.request('POST', `/reports/${id}/notes`, {
			text: 'On the phone she now says she has chest pain and is sweating'
		});
		expect(note.status).toBe(200);
		expect(note.json.raised).toMatchObject({ from: 'routine' });
		expect(['urgent', 'emergency']).toContain(note.json.raised.to);
		expect(note.json.raised.reasons.length).toBeGreaterThan(0);
		// The report left support's hands and queue at once, and the patient is told so.
		expect(await inQueue(staff.nurse, 'clinician', id)).toBe(true);
		expect(await inQueue(staff.support, 'support', id)).toBe(false);
		const seen = await patient.request('GET', `/reports/${id}`);
		expect(seen.json).toMatchObject({ status: 'open', queue: 'clinician', handledBy: null });
		expect(seen.json.timeline.map((e: { type: string }) => e.type).slice(-3)).toEqual([
			'note_added',
			'level_changed',
			'released'
		]);
		const resolve = await staff.support.request('POST', `/reports/${id}/resolve`, {
			outcome: 'advised rest',
			disposition: 'advice'
		});
		expect(resolve.status).toBe(403);
	});

	it('lets support escalate any report they can see to clinicians', async () => {
		const { id } = await patientWith(ROUTINE);
		const res = await staff.support.request('POST', `/reports/${id}/escalate`, {
			reason: 'Patient sounds confused on the phone'
		});
		expect(res.status).toBe(200);
		expect(await inQueue(staff.nurse, 'clinician', id)).toBe(true);
		const view = await staff.nurse.request('GET', `/reports/${id}`);
		expect(view.json.level).toBe('urgent');
		expect(view.json.timeline.at(-1)).toMatchObject({
			type: 'escalated',
			actor: { role: 'support', channel: 'call_center' }
		});
	});
});

describe('level changes', () => {
	it('lets only clinicians change a level, and lowering needs a coded reason and a real sentence', async () => {
		const { id } = await patientWith(URGENT);
		const reason = 'Spoke with patient: known haemorrhoids, small streak, no pain now';
		const uncoded = await staff.nurse.request('POST', `/reports/${id}/level`, { level: 'routine', reason });
		expect(uncoded.status).toBe(422);
		expect(uncoded.json.error.fields).toHaveProperty('reasonCode');
		const short = await staff.nurse.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'assessed_by_phone',
			reason: 'fine'
		});
		expect(short.status).toBe(422);
		expect(short.json.error.code).toBe('rule_violation');
		expect(short.json.error.fields).toHaveProperty('reason');
		const filler = await staff.nurse.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'assessed_by_phone',
			reason: 'x'.repeat(24)
		});
		expect(filler.status).toBe(422);
		const ok = await staff.nurse.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'known_condition_with_plan',
			reason
		});
		expect(ok.status).toBe(200);
		expect(ok.json).toMatchObject({ level: 'routine', queue: 'support' });
		const same = await staff.nurse.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reason: 'again and again and again'
		});
		expect(same.status).toBe(409);
	});

	it('raises without a long reason and moves the report to clinicians', async () => {
		const { id } = await patientWith(ROUTINE);
		const up = await staff.doctor.request('POST', `/reports/${id}/level`, { level: 'emergency', reason: 'stridor' });
		expect(up.status).toBe(200);
		expect(up.json).toMatchObject({ level: 'emergency', queue: 'clinician' });
	});

	it('validates the payload', async () => {
		const { id } = await patientWith(ROUTINE);
		const bad = await staff.nurse.request('POST', `/reports/${id}/level`, { level: 'whenever', reason: 'x' });
		expect(bad.status).toBe(422);
		expect(bad.json.error.fields).toHaveProperty('level');
	});
});

describe('resolution rules', () => {
	it('refuses to close an urgent report before the patient is reached', async () => {
		const { id } = await patientWith(URGENT);
		expect((await staff.nurse.request('POST', `/reports/${id}/claim`)).status).toBe(200);
		const early = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'closing',
			disposition: 'no_action'
		});
		expect(early.status).toBe(422);
		expect(early.json.error.code).toBe('rule_violation');
	});

	it('allows closing after three failed attempts with emergency advice left', async () => {
		const { id } = await patientWith(URGENT);
		await staff.nurse.request('POST', `/reports/${id}/claim`);
		for (const outcome of ['no_answer', 'no_answer']) {
			expect((await staff.nurse.request('POST', `/reports/${id}/contact-attempts`, { outcome })).status).toBe(200);
		}
		const tooSoon = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'could not reach',
			disposition: 'no_action'
		});
		expect(tooSoon.status).toBe(422);
		await staff.nurse.request('POST', `/reports/${id}/contact-attempts`, {
			outcome: 'voicemail',
			emergencyAdviceLeft: true,
			note: 'Left message: call 911 if worse'
		});
		const done = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'Unreachable after three calls; advice left',
			disposition: 'no_action'
		});
		expect(done.status).toBe(200);
		expect(done.json.status).toBe('resolved');
	});

	it('runs the full loop and shows the patient who did what', async () => {
		const { patient, id } = await patientWith(URGENT);
		expect((await staff.nurse.request('POST', `/reports/${id}/claim`)).status).toBe(200);
		expect(
			(
				await staff.nurse.request('POST', `/reports/${id}/contact-attempts`, {
					outcome: 'reached',
					note: 'Bleeding has stopped'
				})
			).status
		).toBe(200);
		const resolved = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'Booked a same-day appointment with Dr. Shah',
			disposition: 'appointment'
		});
		expect(resolved.status).toBe(200);

		const mine = await patient.request('GET', `/reports/${id}`);
		expect(mine.json.status).toBe('resolved');
		expect(mine.json.handledBy).toMatchObject({
			name: 'Sam Lee',
			credential: 'RN',
			channel: 'telehealth',
			role: 'clinician',
			clinical: true,
			team: 'Telehealth nurse team'
		});
		const staffSteps = mine.json.timeline.filter((e: { type: string }) =>
			['claimed', 'contact_attempted', 'resolved'].includes(e.type)
		);
		expect(staffSteps).toHaveLength(3);
		for (const step of staffSteps)
			expect(step.actor).toMatchObject({ name: 'Sam Lee', credential: 'RN', channel: 'telehealth', role: 'clinician' });
		// The nurse's internal call note stays with staff; the outcome is the patient's to read.
		expect(JSON.stringify(mine.json)).not.toContain('Bleeding has stopped');
		expect(mine.json.timeline.at(-1).detail).toContain('same-day appointment');
	});

	it('refuses actions on a closed report with 409', async () => {
		const { id } = await patientWith(ROUTINE);
		await staff.support.request('POST', `/reports/${id}/claim`);
		expect(
			(
				await staff.support.request('POST', `/reports/${id}/resolve`, {
					outcome: 'Gave advice on fluids and rest',
					disposition: 'advice'
				})
			).status
		).toBe(200);
		const again = await staff.support.request('POST', `/reports/${id}/notes`, { text: 'late note' });
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('invalid_state');
	});

	it('will not let one staff member take another’s claimed report', async () => {
		const { id } = await patientWith(URGENT);
		await staff.nurse.request('POST', `/reports/${id}/claim`);
		const steal = await staff.doctor.request('POST', `/reports/${id}/claim`);
		expect(steal.status).toBe(409);
		const release = await staff.doctor.request('POST', `/reports/${id}/release`);
		expect(release.status).toBe(403);
		expect((await staff.nurse.request('POST', `/reports/${id}/release`)).status).toBe(200);
		expect((await staff.doctor.request('POST', `/reports/${id}/claim`)).status).toBe(200);
	});
});

describe('what the patient controls', () => {
	it('re-triages a patient update and moves a worse report to clinicians', async () => {
		const { patient, id } = await patientWith(ROUTINE);
		const update = await patient.request('POST', `/reports/${id}/updates`, {
			text: 'Now my lips and tongue are swelling up and it is hard to breathe'
		});
		expect(update.status).toBe(200);
		expect(update.json.raised.to).toBe('emergency');
		expect(update.json.report.queue).toBe('clinician');
	});

	it('puts a report with clinicians when the patient asks for a nurse now', async () => {
		const { patient, id } = await patientWith(ROUTINE);
		const res = await patient.request('POST', `/reports/${id}/request-clinician`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ level: 'urgent', queue: 'clinician' });
		expect(Date.parse(res.json.respondBy) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
		expect(await inQueue(staff.nurse, 'clinician', id)).toBe(true);
	});

	it('changes and cancels the call back, visible to staff', async () => {
		const { patient, id } = await patientWith(ROUTINE);
		const change = await patient.request('POST', `/reports/${id}/callback`, {
			callbackPhone: '555-777-8888',
			callbackWindow: 'evening'
		});
		expect(change.status).toBe(200);
		const row = (
			(await staff.support.request('GET', '/queue/support')).json.reports as {
				id: string;
				callback: Record<string, unknown>;
			}[]
		).find((r) => r.id === id)!;
		expect(row.callback).toMatchObject({ phone: '555-777-8888', window: 'evening', cancelled: false });
		const cancel = await patient.request('POST', `/reports/${id}/callback`, { cancelled: true });
		expect(cancel.json.callbackCancelled).toBe(true);
		const bad = await patient.request('POST', `/reports/${id}/callback`, { callbackWindow: 'midnight' });
		expect(bad.status).toBe(422);
	});

	it('never lets one patient act on another’s report', async () => {
		const { id } = await patientWith(ROUTINE);
		const other = new ApiClient(server.url);
		await other.signupAndLogin();
		expect((await other.request('POST', `/reports/${id}/updates`, { text: 'hello' })).status).toBe(404);
		expect((await other.request('POST', `/reports/${id}/request-clinician`)).status).toBe(404);
		expect((await other.request('POST', `/reports/${id}/claim`)).status).toBe(403);
	});
});

describe('duty status', () => {
	it('lets staff go on and off duty', async () => {
		expect((await staff.doctor.request('POST', '/staff/duty', { onDuty: false })).json).toEqual({ onDuty: false });
		expect((await staff.doctor.request('POST', '/staff/duty', { onDuty: true })).json).toEqual({ onDuty: true });
		expect((await staff.doctor.request('POST', '/staff/duty', { onDuty: 'yes' })).status).toBe(422);
	});
});
