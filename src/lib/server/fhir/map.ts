/**
 * Clearline's record as FHIR R4, pure: a report with its events, the people in it and its access
 * log in, resources out. Nothing here reads the database or the clock, so every mapping is tested
 * from fixtures and validated against the R4 definitions.
 *
 * Patients, practitioners and the triage rule set are separate resources referenced by id (not
 * contained): an EHR import matches a Patient once and links every Task, QuestionnaireResponse and
 * Communication to it, which a copy contained in each resource would prevent.
 */
import type {
	AuditEvent,
	AuditEventAgent,
	CodeableConcept,
	Communication,
	Device,
	Patient,
	Practitioner,
	PractitionerRole,
	Provenance,
	ProvenanceAgent,
	QuestionnaireResponse,
	QuestionnaireResponseItem,
	Reference,
	Task,
	TaskOutput
} from '@medplum/fhirtypes';
import { EMERGENCY_SCREEN_IDS, type Sex, type Told } from '../../triage/types';
import type { Channel, StaffRole } from '../../vocabulary';
import type { AccessLogRow, ReportRow } from '../db/schema';
import type { EventPayload, ReportEvent } from '../reports/event-types';

type EventData<T extends ReportEvent['type']> = Extract<EventPayload, { type: T }>['data'];
import {
	SYSTEM,
	channelCoding,
	concept,
	contactOutcomeCoding,
	dispositionCoding,
	escalationCoding,
	eventCoding,
	levelCoding,
	queueCoding,
	roleCoding,
	taskPriority,
	viaCoding
} from './codes';

export interface PatientRecord {
	id: string;
	name: string;
	dateOfBirth: string;
	phone: string;
	sex: Sex | null;
}

/** A staff member as their profile is now (events keep the snapshot of each moment). */
export interface StaffRecord {
	id: string;
	name: string;
	role: StaffRole;
	channel: Channel;
	credential: string;
	team: string;
}

export interface ReportRecord {
	report: ReportRow;
	/** Its history, oldest first. */
	events: readonly ReportEvent[];
}

const iso = (ms: number) => new Date(ms).toISOString();

export const patientRef = (id: string): Reference<Patient> => ({ reference: `Patient/${id}` });
export const staffRef = (id: string, display?: string | null): Reference<PractitionerRole> => ({
	reference: `PractitionerRole/${id}`,
	...(display ? { display } : {})
});
const taskRef = (reportId: string): Reference<Task> => ({ reference: `Task/${reportId}` });

/** FHIR ids allow 64 of [A-Za-z0-9.-]; a rule-set version is a content hash, so it fits after the prefix. */
export function deviceId(ruleSetVersion: string): string {
	return `triage-${ruleSetVersion.replace(/[^A-Za-z0-9.-]/g, '-')}`.slice(0, 64);
}
export const deviceRef = (ruleSetVersion: string): Reference<Device> => ({
	reference: `Device/${deviceId(ruleSetVersion)}`,
	display: `Clearline triage rule set ${ruleSetVersion}`
});

/** One event's resource id: the report's id and the event's place in the log. */
export const eventResourceId = (e: ReportEvent) => `${e.reportId}-${e.seq}`;

export function patientResource(p: PatientRecord): Patient {
	return {
		resourceType: 'Patient',
		id: p.id,
		identifier: [{ system: SYSTEM.patientId, value: p.id }],
		name: [{ text: p.name }],
		telecom: [{ system: 'phone', value: p.phone, use: 'mobile' }],
		birthDate: p.dateOfBirth,
		...(p.sex ? { gender: p.sex } : {})
	};
}

export function practitionerResource(s: StaffRecord): Practitioner {
	return {
		resourceType: 'Practitioner',
		id: s.id,
		identifier: [{ system: SYSTEM.staffId, value: s.id }],
		name: [{ text: s.name }]
	};
}

/** The role a staff member works in: clinical or not, their credential, team and channel. */
export function practitionerRoleResource(s: StaffRecord): PractitionerRole {
	return {
		resourceType: 'PractitionerRole',
		id: s.id,
		identifier: [{ system: SYSTEM.staffId, value: s.id }],
		active: true,
		practitioner: { reference: `Practitioner/${s.id}`, display: s.name },
		code: [concept(roleCoding(s.role), `${roleCoding(s.role).display}: ${s.credential}`), { text: s.team }],
		specialty: [concept(channelCoding(s.channel))]
	};
}

/** The triage rule set that decided: its version is the content hash of the reviewed rule data. */
export function triageDevice(ruleSetVersion: string): Device {
	return {
		resourceType: 'Device',
		id: deviceId(ruleSetVersion),
		status: 'active',
		deviceName: [{ name: 'Clearline triage rule set', type: 'manufacturer-name' }],
		type: { text: 'Rule-based symptom triage engine (deterministic, versioned rule data)' },
		version: [{ value: ruleSetVersion }]
	};
}

/** Every rule-set version a record names: the one in force and those of earlier decisions. */
export function ruleSetVersionsOf(r: ReportRecord): string[] {
	const versions = new Set<string>([r.report.ruleSetVersion]);
	for (const e of r.events) {
		const v = eventRuleSetVersion(e);
		if (v) versions.add(v);
	}
	return [...versions];
}

function eventRuleSetVersion(e: ReportEvent): string | null {
	switch (e.type) {
		case 'triaged':
			return e.data.ruleSetVersion;
		case 'level_changed':
			return e.data.ruleSetVersion ?? null;
		case 'note_added':
		case 'patient_update':
		case 'contact_attempted':
		case 'resolved':
			return e.data.reading?.ruleSetVersion ?? null;
		case 'submitted':
		case 'claimed':
		case 'released':
		case 'escalated':
		case 'deadline_missed':
		case 'callback_changed':
		case 'clinician_requested':
			return null;
	}
}

type TaskStatus = NonNullable<Task['status']>;

/** Open is waiting in a pool; claimed is accepted, and in progress once its holder tried to call. */
export function taskStatus(r: ReportRecord): TaskStatus {
	switch (r.report.status) {
		case 'open':
			return 'requested';
		case 'claimed': {
			const claimedAt = r.events.findLast((e) => e.type === 'claimed')?.seq ?? Infinity;
			const called = r.events.some((e) => e.type === 'contact_attempted' && e.seq > claimedAt);
			return called ? 'in-progress' : 'accepted';
		}
		case 'resolved':
			return 'completed';
	}
}

export function taskResource(r: ReportRecord): Task {
	const { report, events } = r;
	const resolved = events.findLast((e) => e.type === 'resolved');
	const output: TaskOutput[] =
		resolved?.type === 'resolved'
			? [
					{
						type: { text: 'Disposition' },
						valueCodeableConcept: concept(dispositionCoding(resolved.data.disposition))
					},
					{ type: { text: 'Outcome' }, valueString: resolved.data.outcome }
				]
			: [];
	const notes = events.flatMap((e) =>
		e.type === 'note_added'
			? [
					{
						...(e.actorId
							? {
									authorReference: {
										reference: `Practitioner/${e.actorId}`,
										...(e.actorName ? { display: e.actorName } : {})
									}
								}
							: {}),
						time: iso(e.at),
						text: e.data.text
					}
				]
			: []
	);
	return {
		resourceType: 'Task',
		id: report.id,
		identifier: [{ system: SYSTEM.reportReference, value: report.reference }],
		status: taskStatus(r),
		businessStatus: concept(escalationCoding(report.escalationStep)),
		intent: 'order',
		priority: taskPriority(report.level),
		code: { text: 'Call the patient back about their report' },
		description: `Clearline report ${report.reference}`,
		focus: { reference: `QuestionnaireResponse/${report.id}` },
		for: patientRef(report.patientId),
		authoredOn: iso(report.createdAt),
		lastModified: iso(report.updatedAt),
		requester: deviceRef(report.ruleSetVersion),
		performerType: [concept(queueCoding(report.queue))],
		...(report.handlerId ? { owner: staffRef(report.handlerId) } : {}),
		reasonCode: concept(levelCoding(report.level)),
		...(report.acknowledgedAt !== null || report.resolvedAt !== null
			? {
					executionPeriod: {
						...(report.acknowledgedAt !== null ? { start: iso(report.acknowledgedAt) } : {}),
						...(report.resolvedAt !== null ? { end: iso(report.resolvedAt) } : {})
					}
				}
			: {}),
		restriction: { period: { end: iso(report.respondBy) } },
		...(notes.length > 0 ? { note: notes } : {}),
		relevantHistory: events.map((e) => ({ reference: `Provenance/${eventResourceId(e)}` })),
		...(output.length > 0 ? { output } : {})
	};
}

const answerCoding = (answer: string) => ({ system: SYSTEM.answer, code: answer });

/** What the question step told, as items (absent before the question step existed). */
function toldItems(told: Told): QuestionnaireResponseItem[] {
	const items: QuestionnaireResponseItem[] = [
		{
			linkId: 'subject',
			text: 'Who is this about',
			answer: [{ valueCoding: { system: SYSTEM.subject, code: told.subject } }]
		}
	];
	if (told.subjectAgeYears !== null)
		items.push({ linkId: 'subject-age', text: 'Their age in years', answer: [{ valueDecimal: told.subjectAgeYears }] });
	const answers = Object.entries(told.answers);
	if (answers.length > 0)
		items.push({
			linkId: 'questions',
			text: 'Follow-up questions',
			item: answers.map(([id, answer]) => ({
				linkId: `question-${id}`,
				answer: [{ valueCoding: answerCoding(answer) }]
			}))
		});
	if (told.riskFactors.length > 0)
		items.push({
			linkId: 'risk-factors',
			text: 'Risk factors',
			answer: told.riskFactors.map((code) => ({ valueCoding: { system: SYSTEM.riskFactor, code } }))
		});
	const m = told.measurements;
	const readings: QuestionnaireResponseItem[] = [];
	const reading = (linkId: string, text: string, value: number | undefined, unit: string, code: string) => {
		if (value !== undefined)
			readings.push({ linkId, text, answer: [{ valueQuantity: { value, unit, system: SYSTEM.ucum, code } }] });
	};
	reading('temperature', 'Temperature', m.temperatureC, '°C', 'Cel');
	reading('glucose', 'Blood glucose', m.glucoseMgDl, 'mg/dL', 'mg/dL');
	reading('systolic', 'Systolic blood pressure', m.systolic, 'mmHg', 'mm[Hg]');
	reading('diastolic', 'Diastolic blood pressure', m.diastolic, 'mmHg', 'mm[Hg]');
	reading('spo2', 'Oxygen saturation', m.spo2, '%', '%');
	if (readings.length > 0) items.push({ linkId: 'measurements', text: 'Readings the patient took', item: readings });
	return items;
}

/** What the patient said and answered when they sent the report (the `submitted` event, else the row). */
export function questionnaireResponseResource(r: ReportRecord): QuestionnaireResponse {
	const { report } = r;
	const submitted = r.events.find((e) => e.type === 'submitted');
	const said: Partial<EventData<'submitted'>> = submitted?.type === 'submitted' ? submitted.data : {};
	const description = said.description ?? report.description;
	const screen = said.emergencyScreen ?? report.emergencyScreen;
	const severity = said.severity !== undefined ? said.severity : report.severity;
	const duration = said.durationHours !== undefined ? said.durationHours : report.durationHours;
	const pregnant = said.pregnant !== undefined ? said.pregnant : report.pregnant;
	const told = said.told !== undefined ? said.told : report.told;
	const item: QuestionnaireResponseItem[] = [
		{
			linkId: 'emergency-screen',
			text: 'Emergency checklist',
			item: EMERGENCY_SCREEN_IDS.map((id) => ({
				linkId: `emergency-screen-${id}`,
				answer: [{ valueBoolean: screen.includes(id) }]
			}))
		},
		{ linkId: 'description', text: 'What is happening', answer: [{ valueString: description }] }
	];
	if (severity !== null && severity !== undefined)
		item.push({ linkId: 'severity', text: 'How bad (0-10)', answer: [{ valueInteger: severity }] });
	if (duration !== null && duration !== undefined)
		item.push({ linkId: 'duration-hours', text: 'How long (hours)', answer: [{ valueDecimal: duration }] });
	if (pregnant !== null && pregnant !== undefined)
		item.push({ linkId: 'pregnant', text: 'Pregnant', answer: [{ valueBoolean: pregnant }] });
	if (told) item.push(...toldItems(told));
	item.push(
		{
			linkId: 'callback-phone',
			text: 'Callback number',
			answer: [{ valueString: said.callbackPhone ?? report.callbackPhone }]
		},
		{
			linkId: 'contact-preference',
			text: 'Contact preference',
			answer: [{ valueString: said.contactPreference ?? report.contactPreference }]
		}
	);
	return {
		resourceType: 'QuestionnaireResponse',
		id: report.id,
		identifier: { system: SYSTEM.reportReference, value: report.reference },
		questionnaire: `${SYSTEM.questionnaire}:report`,
		status: 'completed',
		subject: patientRef(report.patientId),
		authored: iso(report.createdAt),
		author: patientRef(report.patientId),
		source: patientRef(report.patientId),
		item
	};
}

/**
 * Contact attempts (a failed call is `not-done` with the outcome as its reason) and the patient's
 * own messages about the report.
 */
export function communicationResources(r: ReportRecord): Communication[] {
	const { report } = r;
	const base = (e: ReportEvent) => ({
		resourceType: 'Communication' as const,
		id: eventResourceId(e),
		basedOn: [taskRef(report.id)],
		subject: patientRef(report.patientId),
		sent: iso(e.at)
	});
	return r.events.flatMap((e): Communication[] => {
		switch (e.type) {
			case 'contact_attempted': {
				const reached = e.data.outcome === 'reached';
				const notes = [
					...(e.data.emergencyAdviceLeft ? [{ text: 'Emergency advice left for the patient' }] : []),
					...(e.data.note ? [{ text: e.data.note, time: iso(e.at) }] : [])
				];
				return [
					{
						...base(e),
						status: reached ? 'completed' : 'not-done',
						...(reached ? {} : { statusReason: concept(contactOutcomeCoding(e.data.outcome)) }),
						medium: [concept({ system: SYSTEM.participationMode, code: 'PHONE', display: 'telephone' })],
						recipient: [patientRef(report.patientId)],
						...(e.actorId ? { sender: staffRef(e.actorId, e.actorName) } : {}),
						...(notes.length > 0 ? { note: notes } : {})
					}
				];
			}
			case 'patient_update':
				return [
					{
						...base(e),
						status: 'completed',
						medium: [concept({ system: SYSTEM.participationMode, code: 'WRITTEN', display: 'written' })],
						sender: patientRef(report.patientId),
						received: iso(e.at),
						payload: [{ contentString: e.data.text }]
					}
				];
			case 'submitted':
			case 'triaged':
			case 'claimed':
			case 'released':
			case 'note_added':
			case 'escalated':
			case 'level_changed':
			case 'deadline_missed':
			case 'callback_changed':
			case 'clinician_requested':
			case 'resolved':
				return [];
		}
	});
}

/** The actor's role as they were at the event: their role, credential and channel. */
function snapshotRoles(e: ReportEvent | AccessLogRow): CodeableConcept[] {
	const role = 'actorRole' in e ? e.actorRole : e.viewerRole;
	const credential = 'actorRole' in e ? e.actorCredential : e.viewerCredential;
	const channel = 'actorRole' in e ? e.actorChannel : e.viewerChannel;
	return [
		concept(roleCoding(role), credential ? `${roleCoding(role).display}: ${credential}` : undefined),
		...(channel ? [concept(channelCoding(channel))] : [])
	];
}

function eventAgent(r: ReportRecord, e: ReportEvent): ProvenanceAgent {
	const type = concept({ system: SYSTEM.provenanceParticipant, code: 'author', display: 'Author' });
	const role = snapshotRoles(e);
	switch (e.actorRole) {
		case 'patient':
			return { type, role, who: patientRef(r.report.patientId) };
		case 'support':
		case 'clinician':
		case 'admin':
			return { type, role, who: e.actorId ? staffRef(e.actorId, e.actorName) : { display: e.actorName ?? 'Staff' } };
		case 'system': {
			const version = eventRuleSetVersion(e);
			return { type, role, who: version ? deviceRef(version) : { display: e.actorName ?? 'Clearline' } };
		}
	}
}

/** Who did what: one Provenance per event, with the actor as they were, and the rule set that read any text. */
export function provenanceResources(r: ReportRecord): Provenance[] {
	const communications = new Set(communicationResources(r).map((c) => c.id));
	return r.events.map((e) => {
		const id = eventResourceId(e);
		const target: Reference[] = [taskRef(r.report.id)];
		if (e.type === 'submitted') target.push({ reference: `QuestionnaireResponse/${r.report.id}` });
		if (communications.has(id)) target.push({ reference: `Communication/${id}` });
		const agents = [eventAgent(r, e)];
		const version = eventRuleSetVersion(e);
		if (version && e.actorRole !== 'system')
			agents.push({
				type: concept({ system: SYSTEM.provenanceParticipant, code: 'performer', display: 'Performer' }),
				role: [{ text: 'Automated triage of the new text' }],
				who: deviceRef(version)
			});
		return {
			resourceType: 'Provenance',
			id,
			target,
			occurredDateTime: iso(e.at),
			recorded: iso(e.at),
			activity: concept(eventCoding(e.type)),
			agent: agents
		};
	});
}

/** One access-log row: who opened (or exported) which report, when, and from where. */
export function auditEventResource(row: AccessLogRow, patientId: string): AuditEvent {
	const exported = row.via === 'fhir_export';
	const agent: AuditEventAgent = {
		type: concept(roleCoding(row.viewerRole)),
		role: snapshotRoles(row),
		who: row.viewerRole === 'system' ? { display: row.viewerName } : staffRef(row.viewerId, row.viewerName),
		name: row.viewerName,
		requestor: true
	};
	return {
		resourceType: 'AuditEvent',
		id: `access-${row.seq}`,
		type: exported
			? { system: SYSTEM.dicom, code: '110106', display: 'Export' }
			: { system: SYSTEM.dicom, code: '110110', display: 'Patient Record' },
		subtype: [viaCoding(row.via)],
		action: 'R',
		recorded: iso(row.at),
		outcome: '0',
		agent: [agent],
		source: {
			observer: { display: 'Clearline' },
			type: [{ system: SYSTEM.securitySourceType, code: '4', display: 'Application Server' }]
		},
		entity: [
			{
				what: taskRef(row.reportId),
				type: { system: SYSTEM.auditEntityType, code: '2', display: 'System Object' }
			},
			{
				what: patientRef(patientId),
				type: { system: SYSTEM.auditEntityType, code: '1', display: 'Person' },
				role: { system: SYSTEM.objectRole, code: '1', display: 'Patient' }
			}
		]
	};
}
