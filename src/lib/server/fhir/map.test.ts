import { beforeAll, describe, expect, it } from 'vitest';
import type { Communication, Provenance, Resource, Task } from '@medplum/fhirtypes';
import type { Db } from '../db';
import { testDb } from '../testing/db';
import { fhirScenario, r4Issues } from '../testing/fhir';
import { exportResources, type ExportType } from './bulk';

let db: Db;
let s: Awaited<ReturnType<typeof fhirScenario>>;
let all: Record<ExportType, Resource[]>;
beforeAll(async () => {
	db = testDb().db;
	s = await fhirScenario(db);
	all = exportResources(db);
});

const byId = <T extends Resource>(type: ExportType, id: string) => all[type].find((r) => r.id === id) as T;

describe('the R4 validator', () => {
	it('is not vacuous: it finds an unknown element, a missing required element and a code outside its value set', () => {
		expect(r4Issues({ resourceType: 'Task', status: 'requested', intent: 'order' })).toEqual([]);
		expect(
			r4Issues({ resourceType: 'Task', status: 'requested', intent: 'order', owner: 'nurse' } as never)
		).not.toEqual([]);
		expect(r4Issues({ resourceType: 'Task', intent: 'order' } as never)).not.toEqual([]);
		expect(r4Issues({ resourceType: 'Task', status: 'requested', intent: 'order', priority: 'soon' } as never)).toEqual(
			[expect.objectContaining({ code: 'code-invalid', expression: ['Task.priority'] })]
		);
		expect(r4Issues({ resourceType: 'Communication', status: 'failed' } as never)).not.toEqual([]);
	});
});

describe('FHIR R4 mapping', () => {
	it('maps every resource of every type to valid R4, with no issue at all', () => {
		const counts: Record<string, number> = {};
		for (const [type, resources] of Object.entries(all)) {
			for (const resource of resources) expect(r4Issues(resource), `${type}/${resource.id}`).toEqual([]);
			counts[type] = resources.length;
		}
		expect(counts).toEqual({
			Patient: 2,
			Practitioner: 3,
			PractitionerRole: 3,
			Device: 1,
			Task: 3,
			QuestionnaireResponse: 3,
			Communication: 4,
			Provenance: expect.any(Number) as number,
			AuditEvent: 1
		});
		const events = [s.urgent, s.failed, s.routine].length;
		expect(counts.Provenance).toBeGreaterThan(events * 2);
	});

	it('an urgent report claimed, called and closed is a completed Task for the clinician pool, owned by its nurse', () => {
		const task = byId<Task>('Task', s.urgent.id);
		const row = s.urgent;
		expect(row.level).toBe('urgent');
		expect(task).toMatchObject({
			status: 'completed',
			intent: 'order',
			priority: 'asap',
			for: { reference: `Patient/${s.alice.id}` },
			focus: { reference: `QuestionnaireResponse/${row.id}` },
			owner: { reference: `PractitionerRole/${s.nurse.id}` },
			performerType: [{ coding: [{ code: 'clinician' }] }],
			reasonCode: { coding: [{ code: 'urgent' }] },
			restriction: { period: { end: expect.any(String) as string } },
			businessStatus: { coding: [{ code: '0', display: 'On time' }] },
			identifier: [{ value: row.reference }],
			output: [
				{ valueCodeableConcept: { coding: [{ code: 'ed' }] } },
				{ valueString: 'Sent to the emergency department' }
			]
		});
		expect(task.requester?.reference).toMatch(/^Device\/triage-/);
		expect(task.note?.[0]).toMatchObject({ text: 'Advised to go to the emergency department now' });
		expect(task.relevantHistory?.length).toBeGreaterThanOrEqual(7);
	});

	it('the deadline is the stored respondBy, and the ladder step is the business status', () => {
		const task = byId<Task>('Task', s.routine.id);
		expect(task).toMatchObject({
			status: 'requested',
			priority: 'routine',
			performerType: [{ coding: [{ code: 'support' }] }]
		});
		expect(task.owner).toBeUndefined();
		expect(task.businessStatus?.coding?.[0]?.code).not.toBe('0');
		const escalated = all.Provenance.filter(
			(p) => (p as Provenance).target[0]?.reference === `Task/${s.routine.id}`
		) as Provenance[];
		expect(escalated.map((p) => p.activity?.coding?.[0]?.code)).toContain('deadline_missed');
		expect(Date.parse(task.restriction?.period?.end ?? '')).toBeGreaterThan(Date.parse(task.authoredOn ?? ''));
	});

	it('what the patient said and answered is the QuestionnaireResponse', () => {
		const qr = byId<Resource & { item: { linkId: string; answer?: unknown[]; item?: unknown[] }[] }>(
			'QuestionnaireResponse',
			s.urgent.id
		);
		const item = (id: string) => qr.item.find((i) => i.linkId === id);
		expect(item('description')?.answer).toEqual([
			{ valueString: 'Stomach pain since this morning and blood in my stool' }
		]);
		expect(item('severity')?.answer).toEqual([{ valueInteger: 7 }]);
		expect(item('duration-hours')?.answer).toEqual([{ valueDecimal: 6 }]);
		expect(item('emergency-screen')?.item).toHaveLength(8);
		expect(item('subject')?.answer).toEqual([{ valueCoding: { system: 'urn:clearline:subject', code: 'self' } }]);
		expect(item('risk-factors')?.answer).toEqual([
			{ valueCoding: { system: 'urn:clearline:risk-factor', code: 'diabetes' } }
		]);
		expect(item('measurements')?.item).toContainEqual({
			linkId: 'temperature',
			text: 'Temperature',
			answer: [{ valueQuantity: { value: 37.2, unit: '°C', system: 'http://unitsofmeasure.org', code: 'Cel' } }]
		});
	});

	it('a failed call is a not-done Communication with its outcome as the reason; a reached one is completed', () => {
		const calls = all.Communication as Communication[];
		const ofFailed = calls.filter((c) => c.basedOn?.[0]?.reference === `Task/${s.failed.id}`);
		expect(ofFailed).toEqual([
			expect.objectContaining({
				status: 'not-done',
				statusReason: expect.objectContaining({ coding: [expect.objectContaining({ code: 'wrong_number' })] }),
				sender: { reference: `PractitionerRole/${s.doctor.id}`, display: 'Dana Cruz' }
			})
		]);
		const ofUrgent = calls.filter((c) => c.basedOn?.[0]?.reference === `Task/${s.urgent.id}`);
		expect(ofUrgent.map((c) => [c.status, c.statusReason?.coding?.[0]?.code, c.sender?.reference])).toEqual([
			['not-done', 'no_answer', `PractitionerRole/${s.nurse.id}`],
			['completed', undefined, `Patient/${s.alice.id}`],
			['completed', undefined, `PractitionerRole/${s.nurse.id}`]
		]);
		expect(ofUrgent[1]?.payload).toEqual([{ contentString: 'Sorry I missed your call, I am home now' }]);
	});

	it('Provenance names who acted as they were: role, credential and channel; triage is the rule-set Device', () => {
		const ofUrgent = (all.Provenance as Provenance[]).filter((p) => p.target[0]?.reference === `Task/${s.urgent.id}`);
		const claimed = ofUrgent.find((p) => p.activity?.coding?.[0]?.code === 'claimed');
		expect(claimed?.agent[0]).toMatchObject({
			who: { reference: `PractitionerRole/${s.nurse.id}`, display: 'Sam Lee' },
			role: [{ coding: [{ code: 'clinician' }], text: 'Clinician: RN' }, { coding: [{ code: 'telehealth' }] }]
		});
		const triaged = ofUrgent.find((p) => p.activity?.coding?.[0]?.code === 'triaged');
		expect(triaged?.agent[0]?.who.reference).toBe(all.Device[0] && `Device/${all.Device[0].id}`);
		const submitted = ofUrgent.find((p) => p.activity?.coding?.[0]?.code === 'submitted');
		expect(submitted?.agent[0]?.who).toEqual({ reference: `Patient/${s.alice.id}` });
		expect(submitted?.target).toContainEqual({ reference: `QuestionnaireResponse/${s.urgent.id}` });
	});

	it('the access log is AuditEvents: who opened which report, from where', () => {
		expect(all.AuditEvent).toEqual([
			expect.objectContaining({
				action: 'R',
				subtype: [expect.objectContaining({ code: 'queue' })],
				agent: [
					expect.objectContaining({
						who: { reference: `PractitionerRole/${s.support.id}`, display: 'Alex Kim' },
						role: [
							expect.objectContaining({ text: 'Non-clinical support staff: Support specialist (non-clinical)' }),
							expect.objectContaining({ coding: [expect.objectContaining({ code: 'call_center' })] })
						]
					})
				],
				entity: [
					expect.objectContaining({ what: { reference: `Task/${s.routine.id}` } }),
					expect.objectContaining({ what: { reference: `Patient/${s.bob.id}` } })
				]
			})
		]);
	});
});
