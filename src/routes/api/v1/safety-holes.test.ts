/**
 * Each way around the safety rules that was found by trying it against a demo
 * server (issue 8), replayed through the JSON API: each must now be closed.
 */
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
const get = async (client: ApiClient, id: string) => (await client.request('GET', `/reports/${id}`)).json;

describe('hole 1: after a clinician lowers a report, new urgent text raises it again', () => {
	it('raises on a new urgent symptom, but not on the words the clinician already saw', async () => {
		const { patient, id } = await patientWith(URGENT);
		const lowered = await staff.nurse.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'known_condition_with_plan',
			reason: 'Known haemorrhoids, small streak on the paper, no pain now, plan in place'
		});
		expect(lowered.status).toBe(200);
		// Thanks, or the same words again, do not undo the clinician's judgement.
		const thanks = await patient.request('POST', `/reports/${id}/updates`, { text: 'ok thank you' });
		expect(thanks.json.raised).toBeNull();
		expect((await get(staff.nurse, id)).level).toBe('routine');
		// A new urgent finding does.
		const calf = await patient.request('POST', `/reports/${id}/updates`, {
			text: 'now my left calf is swollen, red and very painful'
		});
		expect(calf.status).toBe(200);
		expect(['urgent', 'emergency']).toContain(calf.json.raised?.to);
		const after = await get(staff.support, id);
		expect(after.queue).toBe('clinician');
		// Support can no longer claim or close it.
		expect((await staff.support.request('POST', `/reports/${id}/claim`)).status).toBe(403);
	});
});

describe('hole 2: the outcome typed when closing is triaged', () => {
	it('raises the report and refuses to close it when the outcome describes a red flag', async () => {
		const { id } = await patientWith(ROUTINE);
		expect((await staff.support.request('POST', `/reports/${id}/claim`)).status).toBe(200);
		const close = await staff.support.request('POST', `/reports/${id}/resolve`, {
			outcome: 'patient now has stomach pain and blood in her stool',
			disposition: 'advice'
		});
		expect(close.status).toBe(409);
		expect(close.json.error.code).toBe('raised_not_closed');
		const after = await get(staff.nurse, id);
		expect(after).toMatchObject({ status: 'open', queue: 'clinician' });
		expect(['urgent', 'emergency']).toContain(after.level);
	});

	it('sends an agent’s words it cannot place to a clinician, whether a note or an outcome', async () => {
		const { id } = await patientWith(ROUTINE);
		await staff.support.request('POST', `/reports/${id}/claim`);
		const close = await staff.support.request('POST', `/reports/${id}/resolve`, {
			outcome: 'pt mentioned not wanting to be here anymore',
			disposition: 'advice'
		});
		expect(close.status).toBe(409);
		const after = await get(staff.nurse, id);
		expect(after.queue).toBe('clinician');
		// The words that raised it are on the timeline.
		expect(after.timeline).toContainEqual(
			expect.objectContaining({ type: 'note_added', detail: expect.stringContaining('not wanting to be here') })
		);
		const other = await patientWith(ROUTINE);
		const note = await staff.support.request('POST', `/reports/${other.id}/notes`, {
			text: "pt says he feels like he's going to die"
		});
		expect(note.json.raised?.to).toBe('urgent');
	});

	it('closes a routine report whose outcome is ordinary staff wording', async () => {
		const { id } = await patientWith(ROUTINE);
		await staff.support.request('POST', `/reports/${id}/claim`);
		const close = await staff.support.request('POST', `/reports/${id}/resolve`, {
			outcome: 'Gave advice on fluids and rest, call back if worse',
			disposition: 'advice'
		});
		expect(close.status).toBe(200);
	});
});

describe('hole 3: only contact after the last rise counts, and a wrong number is not contact', () => {
	it('does not count contact made while the report was routine', async () => {
		const { id } = await patientWith(ROUTINE);
		await staff.support.request('POST', `/reports/${id}/claim`);
		for (let i = 0; i < 3; i++)
			await staff.support.request('POST', `/reports/${id}/contact-attempts`, {
				outcome: 'voicemail',
				emergencyAdviceLeft: true
			});
		await staff.support.request('POST', `/reports/${id}/escalate`, { reason: 'Patient sounded breathless' });
		await staff.nurse.request('POST', `/reports/${id}/claim`);
		const close = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'Closing',
			disposition: 'advice'
		});
		expect(close.status).toBe(422);
		expect((await get(staff.nurse, id)).status).not.toBe('resolved');
	});

	it('does not close an urgent report on three wrong numbers with advice "left"', async () => {
		const { id } = await patientWith(URGENT);
		await staff.nurse.request('POST', `/reports/${id}/claim`);
		for (let i = 0; i < 3; i++)
			await staff.nurse.request('POST', `/reports/${id}/contact-attempts`, {
				outcome: 'wrong_number',
				emergencyAdviceLeft: true
			});
		const close = await staff.nurse.request('POST', `/reports/${id}/resolve`, {
			outcome: 'Could not reach',
			disposition: 'no_action'
		});
		expect(close.status).toBe(422);
		expect(close.json.error.message).toMatch(/wrong number does not count/i);
		// Three real failed attempts with advice left do allow it.
		for (let i = 0; i < 3; i++)
			await staff.nurse.request('POST', `/reports/${id}/contact-attempts`, {
				outcome: 'voicemail',
				emergencyAdviceLeft: true
			});
		expect(
			(
				await staff.nurse.request('POST', `/reports/${id}/resolve`, {
					outcome: 'Could not reach after three voicemails',
					disposition: 'no_action'
				})
			).status
		).toBe(200);
	});
});

describe('hole 4: new text on a closed report is never refused bare', () => {
	it('opens a linked report with emergency advice when the text is clinical', async () => {
		const { patient, id } = await patientWith(ROUTINE);
		await staff.support.request('POST', `/reports/${id}/claim`);
		await staff.support.request('POST', `/reports/${id}/resolve`, { outcome: 'Advice given', disposition: 'advice' });
		const late = await patient.request('POST', `/reports/${id}/updates`, {
			text: 'crushing chest pain and I cannot breathe'
		});
		expect(late.status).toBe(201);
		expect(late.json.followUp).toMatchObject({ level: 'emergency', queue: 'clinician', follows: id });
		expect(late.json.followUp.advice).toMatch(/911/);
		const old = await get(patient, id);
		expect(old.status).toBe('resolved');
		// The closed report's history keeps what the patient said after it closed.
		expect(old.timeline).toContainEqual(
			expect.objectContaining({ type: 'patient_update', detail: 'crushing chest pain and I cannot breathe' })
		);
		const next = await get(staff.nurse, late.json.followUp.id);
		expect(next.level).toBe('emergency');
	});
});

describe('hole 5: client ids', () => {
	it('treats an id in upper case as the same report', async () => {
		const patient = new ApiClient(server.url);
		await patient.signupAndLogin();
		const id = crypto.randomUUID();
		const body = { id, emergencyScreen: [], description: ROUTINE };
		expect((await patient.request('POST', '/reports', body)).status).toBe(201);
		const again = await patient.request('POST', '/reports', { ...body, id: id.toUpperCase() });
		expect(again.status).toBe(200);
		expect(again.json.id).toBe(id);
		expect((await patient.request('GET', '/reports')).json.reports).toHaveLength(1);
	});

	it('answers 409 for the same id with different text, and drops nothing silently', async () => {
		const patient = new ApiClient(server.url);
		await patient.signupAndLogin();
		const id = crypto.randomUUID();
		expect((await patient.request('POST', '/reports', { id, emergencyScreen: [], description: ROUTINE })).status).toBe(
			201
		);
		const changed = await patient.request('POST', '/reports', {
			id,
			emergencyScreen: [],
			description: 'crushing chest pain and I cannot breathe'
		});
		expect(changed.status).toBe(409);
		expect(changed.json.error.code).toBe('id_conflict');
	});

	it('is still the same report when retried after the patient changed the call-back number', async () => {
		const patient = new ApiClient(server.url);
		await patient.signupAndLogin();
		const id = crypto.randomUUID();
		const body = { id, emergencyScreen: [], description: ROUTINE };
		expect((await patient.request('POST', '/reports', body)).status).toBe(201);
		expect((await patient.request('POST', `/reports/${id}/callback`, { callbackPhone: '555-777-0000' })).status).toBe(
			200
		);
		const retried = await patient.request('POST', '/reports', body);
		expect(retried.status).toBe(200);
		expect(retried.json.id).toBe(id);
	});
});

describe('hole 6: credentials, lowering reasons and ticked checklists', () => {
	it('never gives a non-clinical account a clinical credential or a nurse team name', async () => {
		const base = { password: 'a-long-staff-password', name: 'Pat Doe', kind: 'support', channel: 'telehealth' };
		const rn = await staff.admin.request('POST', '/staff/accounts', {
			...base,
			email: `s-${crypto.randomUUID().slice(0, 8)}@example.test`,
			credential: 'RN'
		});
		expect(rn.status).toBe(422);
		expect(rn.json.error.fields).toHaveProperty('credential');
		const team = await staff.admin.request('POST', '/staff/accounts', {
			...base,
			email: `s-${crypto.randomUUID().slice(0, 8)}@example.test`,
			team: 'Telehealth nurse team'
		});
		expect(team.status).toBe(422);
		expect(team.json.error.fields).toHaveProperty('team');
	});

	it('will not lower a ticked emergency checklist to admin, or at all before the patient is reached', async () => {
		const { id } = await patientWith('', ['chest_pain']);
		const reason = 'Spoke with the patient: pain is from a fall last week, no cardiac features';
		const toAdmin = await staff.doctor.request('POST', `/reports/${id}/level`, {
			level: 'admin',
			reasonCode: 'assessed_by_phone',
			reason
		});
		expect(toAdmin.status).toBe(422);
		const unreached = await staff.doctor.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'assessed_by_phone',
			reason
		});
		expect(unreached.status).toBe(422);
		await staff.doctor.request('POST', `/reports/${id}/contact-attempts`, { outcome: 'reached' });
		const reached = await staff.doctor.request('POST', `/reports/${id}/level`, {
			level: 'routine',
			reasonCode: 'assessed_by_phone',
			reason
		});
		expect(reached.status).toBe(200);
	});
});

describe('hole 7: the staff page offers what the server allows', () => {
	it('offers support staff no claim, call or close on an urgent report', async () => {
		const { id } = await patientWith(URGENT);
		const view = await get(staff.support, id);
		expect(view.allowed).toEqual(['note']);
		expect((await get(staff.nurse, id)).allowed).toEqual(expect.arrayContaining(['claim', 'contact', 'level']));
	});
});
